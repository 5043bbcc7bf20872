// Small C helpers for karun where Swift cannot call the libc entry point directly (variadic
// functions, macros, code that must run between fork and exec). Keep this file small.
#ifndef KARUN_CKARUNTIME_H
#define KARUN_CKARUNTIME_H

#include <sys/types.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <signal.h>

/// sd_notify-free readiness and friends live in Swift; this header only declares what Swift cannot
/// express. Returns a file descriptor or -1 with errno set.
int ckaruntime_pidfd_open(pid_t pid);

/// setns(fd, CLONE_NEWNET): moves the calling thread into the network namespace `fd` names.
int ckaruntime_setns_net(int fd);

#endif
