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

// Scripts

/// Starts `path` with `argv`/`envp` as keepalived starts scripts: fork, then in the child (only
/// async-signal-safe calls) default dispositions for every signal, an empty signal mask, a process
/// group of its own, PR_SET_PDEATHSIG(SIGTERM), stdin/stdout/stderr on /dev/null, every other
/// descriptor closed on exec, and when `switch_identity` is set: setgroups(`groups`),
/// setresgid(`gid`), setresuid(`uid`) through raw system calls; then execve. Returns 0 with
/// `*pid_out` and `*report_fd_out` set, or the errno of pipe/fork. The caller does not wait for the
/// exec: once the child has ended it calls `ckaruntime_spawn_error(*report_fd_out)` (then closes
/// it) to learn whether a step before the exec failed.
int ckaruntime_spawn_script(const char *path, char *const argv[], char *const envp[],
                            int switch_identity, uid_t uid, gid_t gid,
                            const gid_t *groups, int group_count, pid_t *pid_out, int *report_fd_out);

/// The errno the child reported before exiting instead of exec'ing, or 0 when it exec'd.
int ckaruntime_spawn_error(int report_fd);

/// 1 when `pid` (a child of ours) has ended but is not reaped yet, 0 while it runs, -1 on error.
/// Does not reap it (waitid with WNOWAIT).
int ckaruntime_child_has_ended(pid_t pid);

#endif
