#define _GNU_SOURCE
#include "ckaruntime.h"

#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif

int ckaruntime_pidfd_open(pid_t pid) {
    return (int)syscall(SYS_pidfd_open, pid, 0);
}

int ckaruntime_setns_net(int fd) {
    return setns(fd, CLONE_NEWNET);
}
