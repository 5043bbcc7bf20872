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

// Sockets

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <linux/filter.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>

ptrdiff_t ckaruntime_receive_datagram(int fd, void *buffer, size_t capacity, struct ckaruntime_datagram_info *info) {
    struct sockaddr_storage from;
    union {
        struct cmsghdr align;
        char bytes[CMSG_SPACE(sizeof(struct in6_pktinfo)) + CMSG_SPACE(sizeof(struct in_pktinfo))
                   + CMSG_SPACE(sizeof(int)) + 64];
    } control;
    struct iovec iov = { .iov_base = buffer, .iov_len = capacity };
    struct msghdr message = {
        .msg_name = &from, .msg_namelen = sizeof(from),
        .msg_iov = &iov, .msg_iovlen = 1,
        .msg_control = control.bytes, .msg_controllen = sizeof(control.bytes),
    };
    memset(info, 0, sizeof(*info));
    info->hop_limit = -1;
    memset(&from, 0, sizeof(from));
    ssize_t length = recvmsg(fd, &message, MSG_DONTWAIT | MSG_TRUNC);
    if (length < 0) return -1;
    info->truncated = (message.msg_flags & MSG_TRUNC) != 0;
    info->control_truncated = (message.msg_flags & MSG_CTRUNC) != 0;
    if (message.msg_namelen >= sizeof(struct sockaddr_in) && from.ss_family == AF_INET) {
        const struct sockaddr_in *v4 = (const struct sockaddr_in *)&from;
        info->source_family = AF_INET;
        memcpy(info->source, &v4->sin_addr, 4);
    } else if (message.msg_namelen >= sizeof(struct sockaddr_in6) && from.ss_family == AF_INET6) {
        const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)&from;
        info->source_family = AF_INET6;
        memcpy(info->source, &v6->sin6_addr, 16);
        info->source_scope = v6->sin6_scope_id;
    }
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&message); c != NULL; c = CMSG_NXTHDR(&message, c)) {
        if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO
            && c->cmsg_len >= CMSG_LEN(sizeof(struct in_pktinfo))) {
            struct in_pktinfo pktinfo;
            memcpy(&pktinfo, CMSG_DATA(c), sizeof(pktinfo));
            info->has_pktinfo = 1;
            info->ifindex = pktinfo.ipi_ifindex;
            memcpy(info->destination, &pktinfo.ipi_addr, 4);
        } else if (c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_PKTINFO
                   && c->cmsg_len >= CMSG_LEN(sizeof(struct in6_pktinfo))) {
            struct in6_pktinfo pktinfo;
            memcpy(&pktinfo, CMSG_DATA(c), sizeof(pktinfo));
            info->has_pktinfo = 1;
            info->ifindex = (int)pktinfo.ipi6_ifindex;
            memcpy(info->destination, &pktinfo.ipi6_addr, 16);
        } else if (c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_HOPLIMIT
                   && c->cmsg_len >= CMSG_LEN(sizeof(int))) {
            int hops;
            memcpy(&hops, CMSG_DATA(c), sizeof(hops));
            info->hop_limit = hops;
        }
    }
    return length;
}

ptrdiff_t ckaruntime_send_ipv6(int fd, const void *payload, size_t length, const uint8_t *source16,
                               const uint8_t *destination16, int ifindex, int hop_limit) {
    struct sockaddr_in6 to;
    memset(&to, 0, sizeof(to));
    to.sin6_family = AF_INET6;
    memcpy(&to.sin6_addr, destination16, 16);
    if (IN6_IS_ADDR_LINKLOCAL(&to.sin6_addr) || IN6_IS_ADDR_MC_LINKLOCAL(&to.sin6_addr)) to.sin6_scope_id = (uint32_t)ifindex;

    union {
        struct cmsghdr align;
        char bytes[CMSG_SPACE(sizeof(struct in6_pktinfo)) + CMSG_SPACE(sizeof(int))];
    } control;
    memset(&control, 0, sizeof(control));
    struct iovec iov = { .iov_base = (void *)payload, .iov_len = length };
    struct msghdr message = {
        .msg_name = &to, .msg_namelen = sizeof(to),
        .msg_iov = &iov, .msg_iovlen = 1,
        .msg_control = control.bytes, .msg_controllen = sizeof(control.bytes),
    };
    struct cmsghdr *c = CMSG_FIRSTHDR(&message);
    c->cmsg_level = IPPROTO_IPV6;
    c->cmsg_type = IPV6_PKTINFO;
    c->cmsg_len = CMSG_LEN(sizeof(struct in6_pktinfo));
    struct in6_pktinfo pktinfo;
    memset(&pktinfo, 0, sizeof(pktinfo));
    memcpy(&pktinfo.ipi6_addr, source16, 16);
    pktinfo.ipi6_ifindex = (unsigned int)ifindex;
    memcpy(CMSG_DATA(c), &pktinfo, sizeof(pktinfo));
    c = CMSG_NXTHDR(&message, c);
    c->cmsg_level = IPPROTO_IPV6;
    c->cmsg_type = IPV6_HOPLIMIT;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &hop_limit, sizeof(int));
    return sendmsg(fd, &message, 0);
}

int ckaruntime_attach_drop_all_filter(int fd) {
    struct sock_filter drop = BPF_STMT(BPF_RET | BPF_K, 0);
    struct sock_fprog program = { .len = 1, .filter = &drop };
    return setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &program, sizeof(program));
}

ptrdiff_t ckaruntime_send_frame(int fd, int ifindex, const void *frame, size_t length) {
    if (length < ETH_HLEN) {
        errno = EINVAL;
        return -1;
    }
    const uint8_t *bytes = frame;
    struct sockaddr_ll to;
    memset(&to, 0, sizeof(to));
    to.sll_family = AF_PACKET;
    to.sll_ifindex = ifindex;
    memcpy(&to.sll_protocol, bytes + 12, 2);
    to.sll_halen = ETH_ALEN;
    memcpy(to.sll_addr, bytes, ETH_ALEN);
    return sendto(fd, frame, length, 0, (const struct sockaddr *)&to, sizeof(to));
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

// Scheduling

#include <sys/mman.h>
#include <sys/resource.h>

#ifndef SCHED_RESET_ON_FORK
#define SCHED_RESET_ON_FORK 0x40000000
#endif
#ifndef MCL_ONFAULT
#define MCL_ONFAULT 4
#endif

int ckaruntime_set_realtime(int priority) {
    struct sched_param parameter = {.sched_priority = priority};
    return sched_setscheduler(0, priority > 0 ? (SCHED_RR | SCHED_RESET_ON_FORK) : SCHED_OTHER, &parameter);
}

int ckaruntime_realtime_priority(void) {
    int policy = sched_getscheduler(0) & ~SCHED_RESET_ON_FORK;
    if (policy != SCHED_RR && policy != SCHED_FIFO) return 0;
    struct sched_param parameter;
    if (sched_getparam(0, &parameter) != 0) return 0;
    return parameter.sched_priority;
}

int ckaruntime_set_rttime_limit(unsigned long long soft, unsigned long long hard) {
    struct rlimit limit = {.rlim_cur = (rlim_t)soft, .rlim_max = (rlim_t)hard};
    return setrlimit(RLIMIT_RTTIME, &limit);
}

int ckaruntime_get_rttime_limit(unsigned long long *soft, unsigned long long *hard) {
    struct rlimit limit;
    if (getrlimit(RLIMIT_RTTIME, &limit) != 0) return -1;
    *soft = (unsigned long long)limit.rlim_cur;
    *hard = (unsigned long long)limit.rlim_max;
    return 0;
}

int ckaruntime_set_nice(int nice) {
    return setpriority(PRIO_PROCESS, 0, nice);
}

int ckaruntime_get_nice(int *nice) {
    errno = 0;
    int value = getpriority(PRIO_PROCESS, 0);
    if (value == -1 && errno != 0) return -1;
    *nice = value;
    return 0;
}

int ckaruntime_lock_memory(int lock) {
    return lock ? mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT) : munlockall();
}

int ckaruntime_set_affinity(const int *cpus, int count) {
    cpu_set_t set;
    CPU_ZERO(&set);
    for (int i = 0; i < count; i++) {
        if (cpus[i] < 0 || cpus[i] >= CPU_SETSIZE) { errno = EINVAL; return -1; }
        CPU_SET(cpus[i], &set);
    }
    return sched_setaffinity(0, sizeof(set), &set);
}

int ckaruntime_get_affinity(int *cpus, int capacity) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) != 0) return -1;
    int count = 0;
    for (int cpu = 0; cpu < CPU_SETSIZE && count < capacity; cpu++) {
        if (CPU_ISSET(cpu, &set)) cpus[count++] = cpu;
    }
    return count;
}

// Process events

#include <linux/netlink.h>
#include <linux/connector.h>
#include <linux/cn_proc.h>

static int proc_connector_send(int fd, enum proc_cn_mcast_op operation) {
    char buffer[NLMSG_SPACE(sizeof(struct cn_msg) + sizeof(enum proc_cn_mcast_op))];
    memset(buffer, 0, sizeof(buffer));
    struct nlmsghdr *header = (struct nlmsghdr *)buffer;
    header->nlmsg_len = NLMSG_LENGTH(sizeof(struct cn_msg) + sizeof(enum proc_cn_mcast_op));
    header->nlmsg_type = NLMSG_DONE;
    header->nlmsg_pid = (uint32_t)getpid();
    struct cn_msg *message = NLMSG_DATA(header);
    message->id.idx = CN_IDX_PROC;
    message->id.val = CN_VAL_PROC;
    message->len = sizeof(enum proc_cn_mcast_op);
    memcpy(message->data, &operation, sizeof(operation));
    return send(fd, buffer, header->nlmsg_len, 0) == (ssize_t)header->nlmsg_len ? 0 : -1;
}

int ckaruntime_proc_connector_open(void) {
    int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, NETLINK_CONNECTOR);
    if (fd < 0) return -1;
    struct sockaddr_nl address;
    memset(&address, 0, sizeof(address));
    address.nl_family = AF_NETLINK;
    address.nl_groups = CN_IDX_PROC;
    int size = 1 << 20;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
    if (bind(fd, (struct sockaddr *)&address, sizeof(address)) != 0 || proc_connector_send(fd, PROC_CN_MCAST_LISTEN) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

void ckaruntime_proc_connector_close(int fd) {
    proc_connector_send(fd, PROC_CN_MCAST_IGNORE);
    close(fd);
}

#include <malloc.h>

void ckaruntime_malloc_trim(void) {
    malloc_trim(0);
}
