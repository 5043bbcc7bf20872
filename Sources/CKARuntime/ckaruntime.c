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

// Scripts

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/prctl.h>

#ifndef SYS_close_range
#define SYS_close_range 436
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

static void ckaruntime_child_fail(int fd, int code) {
    // Best effort: the parent reads a short pipe as "exec'd".
    ssize_t ignored = write(fd, &code, sizeof code);
    (void)ignored;
    _exit(127);
}

int ckaruntime_spawn_script(const char *path, char *const argv[], char *const envp[],
                            int switch_identity, uid_t uid, gid_t gid,
                            const gid_t *groups, int group_count, pid_t *pid_out, int *report_fd_out) {
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) return errno;

    // Block everything while forking so no handler of ours runs in the child before it resets them.
    sigset_t all, saved;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &saved);

    pid_t pid = fork();
    if (pid < 0) {
        int code = errno;
        pthread_sigmask(SIG_SETMASK, &saved, NULL);
        close(report[0]);
        close(report[1]);
        return code;
    }
    if (pid == 0) {
        close(report[0]);
        // The raw system call: glibc's sigaction refuses its internal signals (32, 33), which
        // may have been ignored by whoever started us. An all-zero kernel sigaction is SIG_DFL
        // with no flags on every architecture.
        unsigned long kernel_action[8];
        memset(kernel_action, 0, sizeof kernel_action);
        for (int signal = 1; signal < NSIG; signal++) {
            if (signal == SIGKILL || signal == SIGSTOP) continue;
            (void)syscall(SYS_rt_sigaction, signal, kernel_action, NULL, (size_t)(_NSIG / 8));
        }
        if (setpgid(0, 0) != 0) ckaruntime_child_fail(report[1], errno);
        // If the daemon dies, its scripts get SIGTERM (keepalived does the same).
        (void)prctl(PR_SET_PDEATHSIG, SIGTERM);
        int null = open("/dev/null", O_RDWR);
        if (null < 0) ckaruntime_child_fail(report[1], errno);
        if (dup2(null, 0) < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0) ckaruntime_child_fail(report[1], errno);
        if (null > 2) close(null);
        // Nothing past stderr may leak into the script (belt and braces: ours are CLOEXEC).
        (void)syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC);
        if (switch_identity) {
            // Raw system calls: they change this (single-threaded) process only, without glibc's
            // all-threads setxid machinery.
            if (syscall(SYS_setgroups, (size_t)group_count, groups) != 0) ckaruntime_child_fail(report[1], errno);
            if (syscall(SYS_setresgid, gid, gid, gid) != 0) ckaruntime_child_fail(report[1], errno);
            if (syscall(SYS_setresuid, uid, uid, uid) != 0) ckaruntime_child_fail(report[1], errno);
        }
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        execve(path, argv, envp);
        ckaruntime_child_fail(report[1], errno);
    }

    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    close(report[1]);
    // Also set the group from here, so it exists before the caller can kill(-pid).
    (void)setpgid(pid, pid);
    // Do not wait for the exec (that would hold the caller until the child is scheduled): the
    // caller reads the pipe once the child has ended. EOF there means the exec happened.
    (void)fcntl(report[0], F_SETFL, O_NONBLOCK);
    *pid_out = pid;
    *report_fd_out = report[0];
    return 0;
}

int ckaruntime_spawn_error(int report_fd) {
    int code = 0;
    ssize_t got;
    do {
        got = read(report_fd, &code, sizeof code);
    } while (got < 0 && errno == EINTR);
    return got == (ssize_t)sizeof code ? (code ? code : EIO) : 0;
}

int ckaruntime_child_has_ended(pid_t pid) {
    siginfo_t info;
    memset(&info, 0, sizeof info);
    if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) != 0) return -1;
    return info.si_pid == pid ? 1 : 0;
}
