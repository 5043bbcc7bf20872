import Foundation
import Glibc
import Testing
import KAVRRP
@testable import KARuntime

/// Two namespaces joined by a veth pair: `a`/`va` (192.0.2.1/24, 2001:db8::1/64) and
/// `b`/`vb` (192.0.2.2/24, 2001:db8::2/64), DAD off so link-local addresses are usable at once.
final class SocketPair: @unchecked Sendable {
    let lab: Lab
    let a: String
    let b: String
    let aIndex: Int32
    let bIndex: Int32
    let aMAC: [UInt8]
    let bMAC: [UInt8]
    let aLinkLocal: IPAddress
    let bLinkLocal: IPAddress

    init(_ tag: String) throws {
        lab = Lab(tag)
        a = try lab.host("a")
        b = try lab.host("b")
        for namespace in [a, b] {
            try Self.sysctl(namespace, "net.ipv6.conf.default.accept_dad", "0")
        }
        try lab.link(a, "va", b, "vb", addresses: [
            "va": ["192.0.2.1/24", "2001:db8::1/64"],
            "vb": ["192.0.2.2/24", "2001:db8::2/64"],
        ])
        aIndex = try NetworkNamespace.with(a) { Int32(if_nametoindex("va")) }
        bIndex = try NetworkNamespace.with(b) { Int32(if_nametoindex("vb")) }
        aMAC = try Self.mac(a, "va")
        bMAC = try Self.mac(b, "vb")
        aLinkLocal = try Self.linkLocal(a, "va")
        bLinkLocal = try Self.linkLocal(b, "vb")
    }

    deinit { lab.tearDown() }

    var aInterface: (name: String, index: Int32) { ("va", aIndex) }
    var bInterface: (name: String, index: Int32) { ("vb", bIndex) }

    static func sysctl(_ namespace: String, _ key: String, _ value: String) throws {
        try Lab.check(["ip", "netns", "exec", namespace, "sysctl", "-qw", "\(key)=\(value)"])
    }

    static func mac(_ namespace: String, _ interface: String) throws -> [UInt8] {
        let output = try Lab.check(["ip", "-n", namespace, "-o", "link", "show", "dev", interface])
        let words = output.split(whereSeparator: \.isWhitespace)
        guard let index = words.firstIndex(of: "link/ether"), index + 1 < words.count else {
            throw Lab.CommandFailed(command: ["mac", interface], outcome: .init(status: 0, output: output))
        }
        return words[index + 1].split(separator: ":").compactMap { UInt8($0, radix: 16) }
    }

    /// The link-local address once it is usable (not tentative), within 5 s.
    static func linkLocal(_ namespace: String, _ interface: String) throws -> IPAddress {
        let deadline = Date().addingTimeInterval(5)
        var output = ""
        while Date() < deadline {
            output = try Lab.check(["ip", "-n", namespace, "-6", "-o", "addr", "show", "dev", interface, "scope", "link"])
            if !output.contains("tentative"),
               let word = output.split(whereSeparator: \.isWhitespace).first(where: { $0.hasPrefix("fe80:") }),
               let address = IPAddress(String(word.prefix { $0 != "/" })) {
                return address
            }
            usleep(50_000)
        }
        throw Lab.CommandFailed(command: ["link-local", interface], outcome: .init(status: 0, output: output))
    }

    /// The next thing the socket reports within `timeout` seconds, or nil.
    static func receive(_ socket: VRRPSocket, timeout: Double = 3) -> SocketReceive? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let result = socket.receive() { return result }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return nil }
            var descriptor = pollfd(fd: socket.receiveFD, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, Int32(min(remaining, 0.25) * 1000) + 1)
        }
    }

    static func datagram(_ socket: VRRPSocket, timeout: Double = 3) -> ReceivedDatagram? {
        guard case .datagram(let datagram) = receive(socket, timeout: timeout) else { return nil }
        return datagram
    }

    /// Polls `ip neigh` in `namespace` until `address` shows `mac`, within 3 s.
    func neighbour(in namespace: String, _ address: String, dev: String, becomes mac: [UInt8]) throws -> String {
        let text = mac.map { String(format: "%02x", $0) }.joined(separator: ":")
        let deadline = Date().addingTimeInterval(3)
        var output = ""
        while Date() < deadline {
            output = try Lab.check(["ip", "-n", namespace, "neigh", "show", address, "dev", dev])
            if output.contains("lladdr \(text)") { return output }
            usleep(50_000)
        }
        return output
    }
}

@Suite(.serialized, .enabled(if: Lab.isPrivileged, "needs root: builds network namespaces and raw sockets"))
struct SocketLabTests {
    static let vip4: IPAddress = "192.0.2.100"
    static let vip6: IPAddress = "2001:db8::100"

    @Test(.timeLimit(.minutes(1)))
    func ipv4MulticastV2AdvertArrivesWithTTL255() throws {
        let pair = try SocketPair("s4mc")
        let sender = try NetworkNamespace.with(pair.a) { try VRRPSocket(family: .ipv4, interface: pair.aInterface) }
        let receiver = try NetworkNamespace.with(pair.b) { try VRRPSocket(family: .ipv4, interface: pair.bInterface) }
        let group = IPAddress.vrrpMulticastGroup(for: .ipv4)
        try receiver.join(group: group)
        try receiver.join(group: group) // a second join is a no-op
        // A plain raw socket beside it sees the whole header the sender wrote.
        let observer = try NetworkNamespace.with(pair.b) { socket(AF_INET, Int32(SOCK_RAW.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 112) }
        #expect(observer >= 0)
        defer { close(observer) }
        #expect(receiver.groups == [group])

        let advertisement = VRRPAdvertisement(
            version: .v2, virtualRouterID: 51, priority: 150, advertisementInterval: 1, addresses: [Self.vip4],
            authentication: .simplePassword(AuthenticationData(password: "secret"))
        )
        let addressing = PacketAddressing(source: "192.0.2.1", destination: group)
        let payload = try AdvertisementCodec.encode(advertisement, addressing: addressing)
        try sender.send(payload: payload, source: "192.0.2.1", destination: group, hopLimit: 255)

        let datagram = try #require(SocketPair.datagram(receiver))
        #expect(datagram.source == "192.0.2.1")
        #expect(datagram.destination == "224.0.0.18")
        #expect(datagram.hopLimit == 255)
        #expect(datagram.ifindex == pair.bIndex)
        #expect(datagram.payload == payload)
        #expect(try AdvertisementCodec.decode(datagram.payload, addressing: datagram.addressing) == advertisement)
        var header = [UInt8](repeating: 0, count: 2048)
        let length = header.withUnsafeMutableBytes { recv(observer, $0.baseAddress, $0.count, 0) }
        #expect(length == 20 + payload.count)
        if length >= 20 {
            let (envelope, _) = try IPPacketCodec.decode(Array(header[0..<length]))
            #expect(envelope.trafficClass == 0xC0)
            #expect(envelope.hopLimit == 255)
            #expect(!envelope.dontFragment)
        }

        // After leaving the group nothing more arrives.
        try receiver.leave(group: group)
        try sender.send(payload: payload, source: "192.0.2.1", destination: group, hopLimit: 255)
        #expect(SocketPair.receive(receiver, timeout: 0.5) == nil)
    }

    @Test(.timeLimit(.minutes(1)))
    func ipv6MulticastV3AdvertFromTheLinkLocalAddress() throws {
        let pair = try SocketPair("s6mc")
        let sender = try NetworkNamespace.with(pair.a) { try VRRPSocket(family: .ipv6, interface: pair.aInterface) }
        let receiver = try NetworkNamespace.with(pair.b) { try VRRPSocket(family: .ipv6, interface: pair.bInterface) }
        let group = IPAddress.vrrpMulticastGroup(for: .ipv6)
        try receiver.join(group: group)

        let advertisement = VRRPAdvertisement(version: .v3, virtualRouterID: 52, priority: 200, advertisementInterval: 100, addresses: [Self.vip6, "fe80::100"])
        let payload = try AdvertisementCodec.encode(advertisement, addressing: PacketAddressing(source: pair.aLinkLocal, destination: group))
        try sender.send(payload: payload, source: pair.aLinkLocal, destination: group, hopLimit: 255)

        let datagram = try #require(SocketPair.datagram(receiver))
        #expect(datagram.source == pair.aLinkLocal)
        #expect(datagram.destination == "ff02::12")
        #expect(datagram.hopLimit == 255)
        #expect(datagram.ifindex == pair.bIndex)
        #expect(try AdvertisementCodec.decode(datagram.payload, addressing: datagram.addressing) == advertisement)
    }

    @Test(.timeLimit(.minutes(1)))
    func theEventLoopWakesForEveryAdvert() throws {
        let pair = try SocketPair("sevl")
        let sender = try NetworkNamespace.with(pair.a) { try VRRPSocket(family: .ipv6, interface: pair.aInterface) }
        let receiver = try NetworkNamespace.with(pair.b) { try VRRPSocket(family: .ipv6, interface: pair.bInterface) }
        let group = IPAddress.vrrpMulticastGroup(for: .ipv6)
        try receiver.join(group: group)
        let loop = try EventLoop()
        var received: [UInt8] = []
        try loop.watch(fd: receiver.receiveFD) { _ in
            while let result = receiver.receive() {
                guard case .datagram(let datagram) = result,
                      let advertisement = try? AdvertisementCodec.decode(datagram.payload, addressing: datagram.addressing)
                else { continue }
                received.append(advertisement.virtualRouterID)
                if received.count == 5 { loop.stop() }
            }
        }
        for vrid in UInt8(1)...5 {
            let advertisement = VRRPAdvertisement(version: .v3, virtualRouterID: vrid, priority: 100, advertisementInterval: 100, addresses: [Self.vip6])
            let payload = try AdvertisementCodec.encode(advertisement, addressing: PacketAddressing(source: pair.aLinkLocal, destination: group))
            loop.schedule(after: .milliseconds(Int64(vrid) * 10)) {
                try? sender.send(payload: payload, source: pair.aLinkLocal, destination: group, hopLimit: 255)
            }
        }
        loop.schedule(after: .seconds(3)) { loop.stop() }
        loop.run()
        loop.unwatch(fd: receiver.receiveFD)
        #expect(received == [1, 2, 3, 4, 5])
    }

    @Test(.timeLimit(.minutes(1)))
    func unicastAdvertsKeepTheirHopLimit() throws {
        let pair = try SocketPair("sucs")
        for (family, source, destination) in [
            (AddressFamily.ipv4, IPAddress("192.0.2.1" as String)!, IPAddress("192.0.2.2" as String)!),
            (.ipv6, IPAddress("2001:db8::1" as String)!, IPAddress("2001:db8::2" as String)!),
            (.ipv6, pair.aLinkLocal, pair.bLinkLocal),
        ] {
            let sender = try NetworkNamespace.with(pair.a) { try VRRPSocket(family: family, interface: pair.aInterface, unicastSource: source) }
            let receiver = try NetworkNamespace.with(pair.b) { try VRRPSocket(family: family, interface: pair.bInterface, unicastSource: destination) }
            // A multicast socket on the same interface must not report the unicast packet too.
            let multicast = try NetworkNamespace.with(pair.b) { try VRRPSocket(family: family, interface: pair.bInterface) }
            try multicast.join(group: IPAddress.vrrpMulticastGroup(for: family))

            let advertisement = VRRPAdvertisement(
                version: .v3, virtualRouterID: 53, priority: 100, advertisementInterval: 100,
                addresses: [family == .ipv4 ? Self.vip4 : Self.vip6]
            )
            let payload = try AdvertisementCodec.encode(advertisement, addressing: PacketAddressing(source: source, destination: destination))
            try sender.send(payload: payload, source: source, destination: destination, hopLimit: 64)

            let datagram = try #require(SocketPair.datagram(receiver), "\(source) -> \(destination)")
            #expect(datagram.source == source)
            #expect(datagram.destination == destination)
            #expect(datagram.hopLimit == 64)
            #expect(datagram.ifindex == pair.bIndex)
            #expect(try AdvertisementCodec.decode(datagram.payload, addressing: datagram.addressing) == advertisement)
            #expect(SocketPair.receive(multicast, timeout: 0.3) == nil, "\(destination) unicast reached the multicast socket")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func unicastWithoutAnInterfaceLetsTheRouteChoose() throws {
        let pair = try SocketPair("snif")
        for (family, source, destination) in [
            (AddressFamily.ipv6, IPAddress("2001:db8::1" as String)!, IPAddress("2001:db8::2" as String)!),
            (.ipv4, IPAddress("192.0.2.1" as String)!, IPAddress("192.0.2.2" as String)!),
        ] {
            let sender = try NetworkNamespace.with(pair.a) { try VRRPSocket(family: family, interface: nil, unicastSource: source) }
            let receiver = try NetworkNamespace.with(pair.b) { try VRRPSocket(family: family, interface: nil, unicastSource: destination) }
            let advertisement = VRRPAdvertisement(
                version: .v3, virtualRouterID: 54, priority: 100, advertisementInterval: 100,
                addresses: [family == .ipv4 ? Self.vip4 : Self.vip6]
            )
            let payload = try AdvertisementCodec.encode(advertisement, addressing: PacketAddressing(source: source, destination: destination))
            try sender.send(payload: payload, source: source, destination: destination, hopLimit: 255)

            let datagram = try #require(SocketPair.datagram(receiver), "\(family)")
            #expect(datagram.source == source)
            #expect(datagram.destination == destination)
            #expect(datagram.hopLimit == 255)
            #expect(datagram.ifindex == pair.bIndex)
            #expect(try AdvertisementCodec.decode(datagram.payload, addressing: datagram.addressing) == advertisement)
        }
        // FREEBIND: a unicast source not (yet) configured still binds.
        _ = try NetworkNamespace.with(pair.b) { try VRRPSocket(family: .ipv4, interface: nil, unicastSource: "192.0.2.77") }
        _ = try NetworkNamespace.with(pair.b) { try VRRPSocket(family: .ipv6, interface: nil, unicastSource: "2001:db8::77") }
    }

    @Test(.timeLimit(.minutes(1)))
    func craftedPacketsNeverCrashTheReceiver() throws {
        let pair = try SocketPair("sbad")
        let receiver = try NetworkNamespace.with(pair.b) { try VRRPSocket(family: .ipv4, interface: pair.bInterface, unicastSource: "192.0.2.2") }
        let sender = try NetworkNamespace.with(pair.a) { try VRRPSocket(family: .ipv4, interface: pair.aInterface, unicastSource: "192.0.2.1") }
        let frames = try NetworkNamespace.with(pair.a) { try AnnouncementSender() }

        // Garbage after a good IP header arrives as a datagram; the codec rejects it.
        try sender.send(payload: [0xDE, 0xAD, 0xBE], source: "192.0.2.1", destination: "192.0.2.2", hopLimit: 255)
        let garbage = try #require(SocketPair.datagram(receiver))
        #expect(garbage.payload == [0xDE, 0xAD, 0xBE])
        #expect(throws: VRRPPacketError.self) { try AdvertisementCodec.decode(garbage.payload, addressing: garbage.addressing) }

        // Hand-made Ethernet frames: a bad IPv4 header checksum (the kernel drops it before any raw
        // socket), then a header with options (delivered; the payload starts after the options).
        let payload = try AdvertisementCodec.encode(
            VRRPAdvertisement(version: .v2, virtualRouterID: 9, priority: 100, advertisementInterval: 1, addresses: [Self.vip4]),
            addressing: PacketAddressing(source: "192.0.2.1", destination: "192.0.2.2")
        )
        var bad = try IPPacketCodec.encode(IPEnvelope(source: "192.0.2.1", destination: "192.0.2.2"), payload: payload)
        bad[10] ^= 0x55
        try frames.send(pair.bMAC + pair.aMAC + [0x08, 0x00] + bad, ifindex: pair.aIndex)
        #expect(SocketPair.receive(receiver, timeout: 0.5) == nil)

        var withOptions: [UInt8] = [0x46, 0xC0, 0, UInt8(24 + payload.count), 0, 0, 0, 0, 255, 112, 0, 0]
        withOptions += [192, 0, 2, 1, 192, 0, 2, 2, 1, 1, 1, 0] // NOP NOP NOP EOL
        var sum = 0
        for index in stride(from: 0, to: 24, by: 2) { sum += Int(withOptions[index]) << 8 | Int(withOptions[index + 1]) }
        while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
        withOptions[10] = UInt8(~sum >> 8 & 0xFF)
        withOptions[11] = UInt8(~sum & 0xFF)
        try frames.send(pair.bMAC + pair.aMAC + [0x08, 0x00] + withOptions + payload, ifindex: pair.aIndex)
        let optioned = try #require(SocketPair.datagram(receiver))
        #expect(optioned.payload == payload)
        #expect(optioned.source == "192.0.2.1")
        #expect(optioned.hopLimit == 255)
    }

    @Test(.timeLimit(.minutes(1)))
    func gratuitousARPAndUnsolicitedNAUpdateThePeer() throws {
        let pair = try SocketPair("sgar")
        try SocketPair.sysctl(pair.b, "net.ipv4.conf.vb.arp_accept", "1")
        try Lab.check(["ip", "-n", pair.b, "-6", "neigh", "add", Self.vip6.description, "lladdr", "02:00:00:00:00:99", "dev", "vb", "nud", "stale"])
        let sender = try NetworkNamespace.with(pair.a) { try AnnouncementSender() }

        let arp = try #require(AnnouncementFrames.gratuitousARP(senderMAC: pair.aMAC, address: Self.vip4))
        try sender.send(arp, ifindex: pair.aIndex)
        let arpEntry = try pair.neighbour(in: pair.b, Self.vip4.description, dev: "vb", becomes: pair.aMAC)
        #expect(arpEntry.contains("lladdr \(pair.aMAC.map { String(format: "%02x", $0) }.joined(separator: ":"))"), "\(arpEntry)")

        let forwarding = try NetworkNamespace.with(pair.a) { AnnouncementSender.isForwarding(interface: "va", family: .ipv6) }
        #expect(!forwarding)
        let na = try #require(AnnouncementFrames.unsolicitedNA(senderMAC: pair.aMAC, source: Self.vip6, router: forwarding))
        try sender.send(na, ifindex: pair.aIndex)
        let naEntry = try pair.neighbour(in: pair.b, Self.vip6.description, dev: "vb", becomes: pair.aMAC)
        #expect(naEntry.contains("lladdr \(pair.aMAC.map { String(format: "%02x", $0) }.joined(separator: ":"))"), "\(naEntry)")
        #expect(!naEntry.contains("router"))
    }

    @Test(.timeLimit(.minutes(1)))
    func socketOptionsFollowKeepalivedsRecipe() throws {
        let pair = try SocketPair("sopt")
        let v4 = try NetworkNamespace.with(pair.a) { try VRRPSocket(family: .ipv4, interface: pair.aInterface) }
        let v6 = try NetworkNamespace.with(pair.a) { try VRRPSocket(family: .ipv6, interface: pair.aInterface) }
        let unicast = try NetworkNamespace.with(pair.a) { try VRRPSocket(family: .ipv6, interface: nil, unicastSource: "2001:db8::1") }
        let ip = Int32(IPPROTO_IP)
        let ipv6 = Int32(IPPROTO_IPV6)
        for fd in [v4.receiveFD, v4.sendFD, v6.receiveFD, v6.sendFD] {
            #expect(fcntl(fd, F_GETFL) & O_NONBLOCK != 0)
            #expect(fcntl(fd, F_GETFD) & FD_CLOEXEC != 0)
        }
        #expect(Self.option(v4.receiveFD, ip, IP_MULTICAST_ALL) == 0)
        #expect(Self.option(v4.receiveFD, ip, IP_PKTINFO) == 1)
        #expect(Self.device(v4.receiveFD) == "va")
        #expect(Self.option(v4.sendFD, ip, IP_HDRINCL) == 1)
        #expect(Self.option(v4.sendFD, ip, IP_MULTICAST_LOOP) == 0)
        #expect(Self.device(v4.sendFD) == "va")
        #expect(Self.option(v6.receiveFD, ipv6, IPV6_MULTICAST_ALL) == 0)
        #expect(Self.option(v6.receiveFD, ipv6, IPV6_RECVPKTINFO) == 1)
        #expect(Self.option(v6.receiveFD, ipv6, IPV6_RECVHOPLIMIT) == 1)
        #expect(Self.option(v6.sendFD, ipv6, IPV6_TCLASS) == 0xC0)
        #expect(Self.option(v6.sendFD, ipv6, IPV6_MULTICAST_LOOP) == 0)
        #expect(Self.option(v6.sendFD, ipv6, IPV6_MULTICAST_IF) == pair.aIndex)
        #expect(Self.device(v6.sendFD) == "va")
        // The send sockets keep (almost) no receive buffer: SO_RCVBUF=0 is rounded up to the minimum.
        #expect(Self.option(v4.sendFD, SOL_SOCKET, SO_RCVBUF).map { $0 <= 4608 } == true)
        // Unicast without an interface: free-bound, not tied to a device.
        #expect(Self.option(unicast.receiveFD, ipv6, IPV6_FREEBIND) == 1)
        #expect(Self.device(unicast.receiveFD) == "")
        v4.close()
        v4.close()
        #expect(v4.receiveFD == -1)
        #expect(v4.receive() == nil)
        #expect(throws: SystemError.self) { try v4.send(payload: [1], source: "192.0.2.1", destination: "224.0.0.18", hopLimit: 255) }
    }

    static func option(_ fd: Int32, _ level: Int32, _ name: Int32) -> Int32? {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(fd, level, name, &value, &length) == 0 ? value : nil
    }

    static func device(_ fd: Int32) -> String? {
        var name = [CChar](repeating: 0, count: Int(IFNAMSIZ))
        var length = socklen_t(name.count)
        guard getsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, &name, &length) == 0 else { return nil }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test(.timeLimit(.minutes(1)))
    func forwardingIsReadInTheThreadsNamespace() throws {
        let lab = Lab("sfwd")
        defer { lab.tearDown() }
        let a = try lab.host("a")
        let b = try lab.host("b")
        try lab.link(a, "va", b, "vb")
        try SocketPair.sysctl(a, "net.ipv6.conf.va.forwarding", "1")
        try SocketPair.sysctl(a, "net.ipv4.conf.va.forwarding", "1")
        #expect(try NetworkNamespace.with(a) { AnnouncementSender.isForwarding(interface: "va", family: .ipv6) })
        #expect(try NetworkNamespace.with(a) { AnnouncementSender.isForwarding(interface: "va", family: .ipv4) })
        #expect(try NetworkNamespace.with(b) { !AnnouncementSender.isForwarding(interface: "vb", family: .ipv6) })
        #expect(try NetworkNamespace.with(b) { !AnnouncementSender.isForwarding(interface: "vb", family: .ipv4) })
    }
}
