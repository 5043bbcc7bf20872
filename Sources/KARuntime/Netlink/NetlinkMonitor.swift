#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CNetlink

/// A second libnl NETLINK_ROUTE socket subscribed to link and address notifications
/// (RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV6_IFADDR), non-blocking, read by the event
/// loop when its descriptor is readable. Nothing polls. An overrun of the receive buffer
/// (ENOBUFS) is reported as `.resynchronize`, after which the daemon re-reads link states.
///
/// Events are collected while libnl parses one batch and handed to `handler` afterwards, so the
/// handler may do netlink requests of its own (on another socket) or even drop the monitor.
public final class NetlinkMonitor {
    private let socket: OpaquePointer
    private let loop: EventLoop
    private let handler: (NetlinkEvent) -> Void
    private var pending: [NetlinkEvent] = []
    private var watching = false
    /// The receive buffer asked for: 1 MiB (SO_RCVBUFFORCE when permitted, else capped by rmem_max).
    public static let receiveBufferSize: Int32 = 1 << 20
    /// The netlink socket's descriptor (watched by the loop; owned by the monitor).
    public let fd: Int32

    /// `receiveBufferSize` is for tests that provoke an overrun; the default suits the daemon.
    public init(
        loop: EventLoop, receiveBufferSize: Int32 = NetlinkMonitor.receiveBufferSize,
        handler: @escaping (NetlinkEvent) -> Void
    ) throws {
        guard let socket = nl_socket_alloc() else { throw NetlinkError("nl_socket_alloc", code: NLE_NOMEM) }
        // Notifications carry no sequence numbers of ours.
        nl_socket_disable_seq_check(socket)
        var result = nl_connect(socket, NETLINK_ROUTE)
        if result == 0 {
            // One group at a time: nl_socket_add_memberships is variadic.
            for group in [RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV6_IFADDR] {
                result = nl_socket_add_membership(socket, Int32(group.rawValue))
                if result < 0 { break }
            }
        }
        if result == 0 { result = nl_socket_set_nonblocking(socket) }
        guard result == 0 else {
            nl_socket_free(socket)
            throw NetlinkError("netlink monitor socket", code: result)
        }
        let descriptor = nl_socket_get_fd(socket)
        var size = receiveBufferSize
        if setsockopt(descriptor, SOL_SOCKET, SO_RCVBUFFORCE, &size, socklen_t(MemoryLayout<Int32>.size)) != 0 {
            _ = nl_socket_set_buffer_size(socket, receiveBufferSize, 0)
        }
        self.socket = socket
        self.loop = loop
        self.handler = handler
        fd = descriptor
        let callback: nl_recvmsg_msg_cb_t = { message, argument in
            guard let message, let argument else { return Int32(NL_OK.rawValue) }
            _ = nl_msg_parse(message, { object, argument in
                guard let object, let argument else { return }
                Unmanaged<NetlinkMonitor>.fromOpaque(argument).takeUnretainedValue().parsed(object)
            }, argument)
            return Int32(NL_OK.rawValue)
        }
        // Unretained: the socket (and so the callback) dies with the monitor.
        result = nl_socket_modify_cb(socket, NL_CB_VALID, NL_CB_CUSTOM, callback, Unmanaged.passUnretained(self).toOpaque())
        guard result == 0 else { throw NetlinkError("nl_socket_modify_cb", code: result) }
        try loop.watch(fd: descriptor) { [unowned self] _ in self.readable() }
        watching = true
    }

    deinit {
        if watching { loop.unwatch(fd: fd) }
        nl_socket_free(socket)
    }

    /// Reads every datagram queued (at most a bounded number per wake-up; the level-triggered
    /// loop calls again), then hands the events over.
    private func readable() {
        for _ in 0..<256 {
            let result = nl_recvmsgs_default(socket)
            if result >= 0 { continue }
            if result == -NLE_AGAIN { break }
            if result == -NLE_INTR { continue }
            // libnl maps ENOBUFS (the kernel dropped notifications) to NLE_NOMEM.
            if result == -NLE_NOMEM {
                if pending.last != .resynchronize { pending.append(.resynchronize) }
                continue
            }
            // Anything else (a malformed message): resynchronise rather than lose state.
            if pending.last != .resynchronize { pending.append(.resynchronize) }
            break
        }
        let events = pending
        pending.removeAll()
        for event in events { handler(event) }
    }

    private func parsed(_ object: OpaquePointer) {
        let type = nl_object_get_msgtype(object)
        switch Int(type) {
        case Int(RTM_NEWLINK):
            pending.append(.linkChanged(RouteNetlink.linkInfo(object)))
        case Int(RTM_DELLINK):
            let name = rtnl_link_get_name(object).map { String(cString: $0) } ?? ""
            pending.append(.linkRemoved(index: rtnl_link_get_ifindex(object), name: name))
        case Int(RTM_NEWADDR):
            if let address = RouteNetlink.interfaceAddress(object) { pending.append(.addressAdded(address)) }
        case Int(RTM_DELADDR):
            if let address = RouteNetlink.interfaceAddress(object) { pending.append(.addressRemoved(address)) }
        default:
            break
        }
    }
}
