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

#endif
