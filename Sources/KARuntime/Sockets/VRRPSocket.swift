import Glibc
import CKARuntime
import KAVRRP

/// One pair of raw IP protocol-112 sockets for a (family, interface or none, unicast source or
/// multicast), like an entry of keepalived's socket pool: the daemon hangs every instance that
/// shares those on one pair and demultiplexes received adverts on their VRID.
///
/// Receive side: `IP(V6)_MULTICAST_ALL=0` (only groups joined here arrive), IPv4 `IP_PKTINFO`,
/// IPv6 `IPV6_RECVPKTINFO` + `IPV6_RECVHOPLIMIT`, `SO_BINDTODEVICE` when an interface is given.
/// With a unicast source it is `IP(V6)_FREEBIND` and bound to that address (so only unicast to it
/// arrives; with no interface it is not tied to a device, as keepalived ≥ 2.1 does). Without one it
/// is a multicast socket: unicast VRRP that the kernel hands every raw socket on the device is
/// dropped here, because the unicast socket for that address receives it.
///
/// Send side: nothing is ever queued on it (`SO_RCVBUF=0` and a drop-all BPF filter). IPv4 uses
/// `IP_HDRINCL`: the header is written here (TOS 0xc0, TTL as asked, id 0 so the kernel picks one; it fills the
/// checksum). IPv6 sets traffic class 0xc0 and passes source, interface and hop limit with each
/// packet (`IPV6_PKTINFO`, `IPV6_HOPLIMIT`). Both turn multicast loopback off and send multicast
/// out of the interface (`IP(V6)_MULTICAST_IF`, `SO_BINDTODEVICE`).
///
/// Not thread-safe: it belongs to the event loop's thread.
public final class VRRPSocket {
    public let family: AddressFamily
    public let interface: (name: String, index: Int32)?
    public let unicastSource: IPAddress?
    /// The fd to watch for EPOLLIN; -1 once closed.
    public private(set) var receiveFD: Int32 = -1
    public private(set) var sendFD: Int32 = -1
    /// Groups joined on the receive socket.
    public private(set) var groups: Set<IPAddress> = []

    /// Large enough for any IPv4 datagram; longer IPv6 ones are reported as truncated.
    static let bufferSize = 65_536
    private let buffer: UnsafeMutableRawBufferPointer

    /// keepalived's VRRP traffic class (network control).
    static let trafficClass: Int32 = 0xC0
    static let vrrpProtocol: Int32 = 112

    public init(family: AddressFamily, interface: (name: String, index: Int32)?, unicastSource: IPAddress? = nil) throws {
        if let unicastSource, unicastSource.family != family {
            throw SystemError("VRRP socket: unicast source \(unicastSource) is not \(family)", code: EAFNOSUPPORT)
        }
        if let unicastSource, unicastSource.isMulticast {
            throw SystemError("VRRP socket: unicast source \(unicastSource) is multicast", code: EINVAL)
        }
        if let interface, interface.name.utf8.count >= Int(IFNAMSIZ) || interface.name.isEmpty || interface.index <= 0 {
            throw SystemError("VRRP socket: bad interface \(interface.name) (\(interface.index))", code: EINVAL)
        }
        self.family = family
        self.interface = interface
        self.unicastSource = unicastSource
        buffer = .allocate(byteCount: Self.bufferSize, alignment: 16)
        do {
            receiveFD = try Self.openReceiveSocket(family: family, interface: interface, unicastSource: unicastSource)
            sendFD = try Self.openSendSocket(family: family, interface: interface)
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
        buffer.deallocate()
    }

    /// Closes both sockets (leaving every group); safe to call more than once.
    public func close() {
        if receiveFD >= 0 { closeDescriptor(receiveFD) }
        if sendFD >= 0 { closeDescriptor(sendFD) }
        receiveFD = -1
        sendFD = -1
        groups.removeAll()
    }

    // MARK: Groups

    /// Joins `group` on the socket's interface (`ip_mreqn` by ifindex / `ipv6_mreq`). Joining a
    /// group already joined does nothing.
    public func join(group: IPAddress) throws {
        guard !groups.contains(group) else { return }
        try membership(group: group, join: true)
        groups.insert(group)
    }

    /// Leaves `group`; leaving a group not joined does nothing.
    public func leave(group: IPAddress) throws {
        guard groups.contains(group) else { return }
        try membership(group: group, join: false)
        groups.remove(group)
    }

    private func membership(group: IPAddress, join: Bool) throws {
        let verb = join ? "join" : "leave"
        guard group.family == family, group.isMulticast else {
            throw SystemError("\(verb) \(group): not an \(family) multicast group", code: EINVAL)
        }
        guard let interface else { throw SystemError("\(verb) \(group): the socket has no interface", code: EINVAL) }
        guard receiveFD >= 0 else { throw SystemError("\(verb) \(group): socket closed", code: EBADF) }
        let bytes = group.bytes
        let result: Int32
        switch family {
        case .ipv4:
            var request = ip_mreqn()
            withUnsafeMutableBytes(of: &request.imr_multiaddr) { $0.copyBytes(from: bytes) }
            request.imr_ifindex = interface.index
            result = setsockopt(
                receiveFD, Int32(IPPROTO_IP), join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP,
                &request, socklen_t(MemoryLayout<ip_mreqn>.size)
            )
        case .ipv6:
            var request = ipv6_mreq()
            withUnsafeMutableBytes(of: &request.ipv6mr_multiaddr) { $0.copyBytes(from: bytes) }
            request.ipv6mr_interface = UInt32(interface.index)
            result = setsockopt(
                receiveFD, Int32(IPPROTO_IPV6), join ? IPV6_JOIN_GROUP : IPV6_LEAVE_GROUP,
                &request, socklen_t(MemoryLayout<ipv6_mreq>.size)
            )
        }
        guard result == 0 else { throw SystemError("\(verb) \(group) on \(interface.name)") }
    }

    // MARK: Receiving

    /// Reads one datagram; nil when nothing is waiting (EAGAIN), on a closed socket, or on another
    /// receive error. Unicast datagrams reaching a multicast socket are skipped (at most a few
    /// dozen per call; the fd stays readable for the rest).
    public func receive() -> SocketReceive? {
        var skipped = 0
        while receiveFD >= 0 {
            var info = ckaruntime_datagram_info()
            let length = ckaruntime_receive_datagram(receiveFD, buffer.baseAddress, buffer.count, &info)
            if length < 0 {
                if errno == EINTR { continue }
                return nil
            }
            let kept = min(Int(length), buffer.count)
            let bytes = Array(UnsafeRawBufferPointer(rebasing: buffer[0..<kept]))
            let result = ReceivedDatagram.interpret(bytes, family: family, metadata: Self.metadata(info, family: family, received: Int(length), kept: kept))
            if unicastSource == nil, case .datagram(let datagram) = result, !datagram.destination.isMulticast {
                skipped += 1
                if skipped >= 32 { return nil }
                continue
            }
            return result
        }
        return nil
    }

    private static func metadata(_ info: ckaruntime_datagram_info, family: AddressFamily, received: Int, kept: Int) -> DatagramMetadata {
        var metadata = DatagramMetadata()
        var raw = info
        switch info.source_family {
        case Int32(AF_INET):
            metadata.source = withUnsafeBytes(of: &raw.source) { SocketAddressBytes.address($0.prefix(4)) }
        case Int32(AF_INET6):
            metadata.source = withUnsafeBytes(of: &raw.source) { SocketAddressBytes.address($0.prefix(16)) }
        default:
            break
        }
        if info.has_pktinfo != 0 {
            let width = family.addressLength
            metadata.destination = withUnsafeBytes(of: &raw.destination) { SocketAddressBytes.address($0.prefix(width)) }
            metadata.ifindex = info.ifindex
        }
        if info.hop_limit >= 0 { metadata.hopLimit = Int(info.hop_limit) }
        if info.truncated != 0 || received > kept { metadata.truncatedLength = received }
        return metadata
    }

    // MARK: Sending

    /// Sends one advertisement. `payload` is what `AdvertisementCodec.encode` made for this
    /// `source`/`destination` (checksum set). IPv4 gets a header built here (TOS 0xc0, TTL
    /// `hopLimit`); IPv6 goes out with `hopLimit`, `source` and the socket's interface as
    /// per-packet options (`source` must be an address of this host).
    public func send(payload: [UInt8], source: IPAddress, destination: IPAddress, hopLimit: UInt8) throws {
        guard source.family == family, destination.family == family else {
            throw SystemError("send \(source) -> \(destination) on an \(family) socket", code: EAFNOSUPPORT)
        }
        try send(WirePacket(payload: payload, source: source, destination: destination, hopLimit: hopLimit))
    }

    /// Sends a packet made for a socket of this family (the daemon keeps them: `AdvertisementWireCache`).
    public func send(_ packet: WirePacket) throws {
        guard sendFD >= 0 else { throw SystemError("send to \(packet.destination): socket closed", code: EBADF) }
        guard packet.destination.family == family else {
            throw SystemError("send to \(packet.destination) on an \(family) socket", code: EAFNOSUPPORT)
        }
        let sent: Int
        switch family {
        case .ipv4:
            sent = retryingInterrupts {
                packet.bytes.withUnsafeBytes { bytes in
                    packet.socketAddress.withSockaddr { sendto(sendFD, bytes.baseAddress, bytes.count, 0, $0, $1) }
                }
            }
        case .ipv6:
            let ifindex = interface?.index ?? 0
            sent = retryingInterrupts {
                packet.bytes.withUnsafeBytes { bytes in
                    ckaruntime_send_ipv6(
                        sendFD, bytes.baseAddress, bytes.count, packet.sourceBytes, packet.destinationBytes, ifindex,
                        Int32(packet.hopLimit))
                }
            }
        }
        // The message is only built when something went wrong (not once per advert).
        if sent < 0 { throw SystemError("send to \(packet.destination)") }
        guard sent == packet.bytes.count else {
            throw SystemError("send to \(packet.destination): sent \(sent) of \(packet.bytes.count) bytes", code: EMSGSIZE)
        }
    }

    /// The system call's result, called again after EINTR; errno is left as the call set it.
    private func retryingInterrupts(_ body: () -> Int) -> Int {
        while true {
            let sent = body()
            if sent < 0, errno == EINTR { continue }
            return sent
        }
    }

    // MARK: Opening

    private static func openRaw(_ family: AddressFamily) throws -> Int32 {
        let domain = family == .ipv4 ? AF_INET : AF_INET6
        let fd = socket(domain, Int32(SOCK_RAW.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), vrrpProtocol)
        guard fd >= 0 else { throw SystemError("socket(\(family), SOCK_RAW, 112)") }
        return fd
    }

    private static func openReceiveSocket(family: AddressFamily, interface: (name: String, index: Int32)?, unicastSource: IPAddress?) throws -> Int32 {
        let fd = try openRaw(family)
        do {
            switch family {
            case .ipv4:
                try setOption(fd, Int32(IPPROTO_IP), IP_MULTICAST_ALL, 0, "IP_MULTICAST_ALL")
                try setOption(fd, Int32(IPPROTO_IP), IP_PKTINFO, 1, "IP_PKTINFO")
            case .ipv6:
                // Linux ≥ 4.20; without it IPv6 raw sockets also get groups other sockets joined.
                do {
                    try setOption(fd, Int32(IPPROTO_IPV6), IPV6_MULTICAST_ALL, 0, "IPV6_MULTICAST_ALL")
                } catch let error as SystemError where error.code == ENOPROTOOPT {}
                try setOption(fd, Int32(IPPROTO_IPV6), IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT")
                try setOption(fd, Int32(IPPROTO_IPV6), IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO")
            }
            if let unicastSource {
                switch family {
                case .ipv4: try setOption(fd, Int32(IPPROTO_IP), IP_FREEBIND, 1, "IP_FREEBIND")
                case .ipv6: try setOption(fd, Int32(IPPROTO_IPV6), IPV6_FREEBIND, 1, "IPV6_FREEBIND")
                }
                try bindSocket(fd, to: unicastSource, scope: interface?.index ?? 0)
            }
            if let interface { try bindToDevice(fd, interface.name) }
            return fd
        } catch {
            closeDescriptor(fd)
            throw error
        }
    }

    private static func openSendSocket(family: AddressFamily, interface: (name: String, index: Int32)?) throws -> Int32 {
        let fd = try openRaw(family)
        do {
            try setOption(fd, SOL_SOCKET, SO_RCVBUF, 0, "SO_RCVBUF")
            guard ckaruntime_attach_drop_all_filter(fd) == 0 else { throw SystemError("SO_ATTACH_FILTER") }
            switch family {
            case .ipv4:
                try setOption(fd, Int32(IPPROTO_IP), IP_HDRINCL, 1, "IP_HDRINCL")
                try setOption(fd, Int32(IPPROTO_IP), IP_MULTICAST_ALL, 0, "IP_MULTICAST_ALL")
                try setOption(fd, Int32(IPPROTO_IP), IP_MULTICAST_LOOP, 0, "IP_MULTICAST_LOOP")
                if let interface {
                    var request = ip_mreqn()
                    request.imr_ifindex = interface.index
                    guard setsockopt(fd, Int32(IPPROTO_IP), IP_MULTICAST_IF, &request, socklen_t(MemoryLayout<ip_mreqn>.size)) == 0
                    else { throw SystemError("setsockopt(IP_MULTICAST_IF \(interface.name))") }
                }
            case .ipv6:
                try setOption(fd, Int32(IPPROTO_IPV6), IPV6_TCLASS, trafficClass, "IPV6_TCLASS")
                try setOption(fd, Int32(IPPROTO_IPV6), IPV6_MULTICAST_LOOP, 0, "IPV6_MULTICAST_LOOP")
                try setOption(fd, Int32(IPPROTO_IPV6), IPV6_MULTICAST_HOPS, 255, "IPV6_MULTICAST_HOPS")
                if let interface {
                    try setOption(fd, Int32(IPPROTO_IPV6), IPV6_MULTICAST_IF, interface.index, "IPV6_MULTICAST_IF \(interface.name)")
                }
            }
            if let interface { try bindToDevice(fd, interface.name) }
            return fd
        } catch {
            closeDescriptor(fd)
            throw error
        }
    }

    private static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32, _ label: String) throws {
        var value = value
        guard setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw SystemError("setsockopt(\(label))")
        }
    }

    private static func bindToDevice(_ fd: Int32, _ name: String) throws {
        let bytes = Array(name.utf8)
        let result = bytes.withUnsafeBytes { setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, $0.baseAddress, socklen_t($0.count)) }
        guard result == 0 else { throw SystemError("setsockopt(SO_BINDTODEVICE \(name))") }
    }

    private static func bindSocket(_ fd: Int32, to address: IPAddress, scope: Int32) throws {
        // fe80::/10 needs its interface (SocketAddress sets the scope for link-local only).
        let result = SocketAddress(address, scope: scope).withSockaddr { bind(fd, $0, $1) }
        guard result == 0 else { throw SystemError("bind(\(address))") }
    }
}

/// `close(2)`, out of reach of `VRRPSocket.close()` inside the class.
func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}
