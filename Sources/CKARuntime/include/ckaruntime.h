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

// Sockets
// recvmsg/sendmsg with ancillary data (the CMSG_* macros), the drop-all BPF filter and AF_PACKET
// sends, for KARuntime/Sockets. Plain C types only, so the Swift side needs no _GNU_SOURCE.
#include <stddef.h>
#include <stdint.h>

/// What the kernel said about one datagram besides its bytes.
struct ckaruntime_datagram_info {
    /// AF_INET or AF_INET6 when the kernel gave the sender's address, 0 otherwise.
    int source_family;
    /// 4 or 16 bytes of the sender's address, network order.
    uint8_t source[16];
    /// The IPv6 scope (interface) of a link-local sender, 0 otherwise.
    uint32_t source_scope;
    /// 1 when IP_PKTINFO / IPV6_PKTINFO came: `destination` and `ifindex` are then valid.
    int has_pktinfo;
    /// 4 or 16 bytes: the header's destination address (ipi_addr / ipi6_addr).
    uint8_t destination[16];
    int ifindex;
    /// IPV6_HOPLIMIT, or -1 when absent.
    int hop_limit;
    /// MSG_TRUNC: the datagram was longer than the buffer (`length` is then its real length).
    int truncated;
    /// MSG_CTRUNC: some ancillary data did not fit.
    int control_truncated;
};

/// recvmsg(fd, MSG_DONTWAIT | MSG_TRUNC) into `buffer`, filling `info` from the address and the
/// IP_PKTINFO / IPV6_PKTINFO / IPV6_HOPLIMIT control messages. Returns the datagram's length (may
/// exceed `capacity` when truncated), or -1 with errno set.
ptrdiff_t ckaruntime_receive_datagram(int fd, void *buffer, size_t capacity, struct ckaruntime_datagram_info *info);

/// sendmsg of one IPv6 payload to `destination` with IPV6_PKTINFO (source, ifindex; 0 lets the
/// route choose) and IPV6_HOPLIMIT control messages. The destination's scope is `ifindex`.
ptrdiff_t ckaruntime_send_ipv6(int fd, const void *payload, size_t length, const uint8_t *source16,
                               const uint8_t *destination16, int ifindex, int hop_limit);

/// SO_ATTACH_FILTER with the one-instruction program "return 0": the socket queues nothing.
int ckaruntime_attach_drop_all_filter(int fd);

/// sendto an AF_PACKET socket: `frame` starts with its Ethernet header, whose destination and
/// EtherType fill the sockaddr_ll. Returns bytes sent or -1 with errno set.
ptrdiff_t ckaruntime_send_frame(int fd, int ifindex, const void *frame, size_t length);
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

// Scheduling (keepalived's lib/process.c): the calls whose flags or cpu_set_t macros Swift cannot
// reach. Each returns 0, or -1 with errno set.

/// SCHED_RR at `priority` with SCHED_RESET_ON_FORK (scripts start as normal processes), or
/// SCHED_OTHER when `priority` is 0. The calling thread (the main one, before any other exists).
int ckaruntime_set_realtime(int priority);
/// The calling thread's SCHED_RR priority, 0 when it is not real-time.
int ckaruntime_realtime_priority(void);
/// setrlimit(RLIMIT_RTTIME): SIGXCPU past `soft` µs of real-time CPU without blocking, SIGKILL
/// past `hard`.
int ckaruntime_set_rttime_limit(unsigned long long soft, unsigned long long hard);
int ckaruntime_get_rttime_limit(unsigned long long *soft, unsigned long long *hard);
/// setpriority(PRIO_PROCESS, 0, nice) / getpriority (the calling thread on Linux).
int ckaruntime_set_nice(int nice);
int ckaruntime_get_nice(int *nice);
/// mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT) when `lock`, else munlockall.
int ckaruntime_lock_memory(int lock);
/// sched_setaffinity to the `count` CPU ids in `cpus`.
int ckaruntime_set_affinity(const int *cpus, int count);
/// The CPU ids the calling thread may run on (at most `capacity`); their count, or -1.
int ckaruntime_get_affinity(int *cpus, int capacity);

// Process events (track_process)

/// A NETLINK_CONNECTOR socket (non-blocking, close-on-exec) bound to CN_IDX_PROC, subscribed with
/// PROC_CN_MCAST_LISTEN and given a 1 MB receive buffer; -1 with errno set (no connector in this
/// network namespace, no CONFIG_PROC_EVENTS, not root).
int ckaruntime_proc_connector_open(void);
/// PROC_CN_MCAST_IGNORE, then close.
void ckaruntime_proc_connector_close(int fd);

/// malloc_trim(0): free pages anywhere in the heap go back to the kernel.
void ckaruntime_malloc_trim(void);

#endif
