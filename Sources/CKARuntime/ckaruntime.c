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
