import Testing
import KAVRRP
@testable import KARuntime

/// How `VRRPSocket.receive()` turns bytes plus what the kernel said into a datagram or a
/// `.malformed` report. The kernel drops IPv4 headers with a bad checksum, bad length or bad
/// options before raw sockets see them, so these cases are fed to the interpreter directly.
@Suite struct SocketDatagramTests {
    static let advertisement = VRRPAdvertisement(
        version: .v2, virtualRouterID: 7, priority: 100, advertisementInterval: 1, addresses: ["192.0.2.100"]
    )
    static let envelope = IPEnvelope(source: "192.0.2.1", destination: "224.0.0.18", hopLimit: 255)

    static func ipv4Packet() throws -> [UInt8] {
        try AdvertisementCodec.encode(advertisement, envelope: envelope)
    }

    static var ipv4Metadata: DatagramMetadata {
        DatagramMetadata(source: "192.0.2.1", destination: "224.0.0.18", ifindex: 3)
    }

    @Test func aGoodIPv4PacketIsSplitAtItsHeader() throws {
        let packet = try Self.ipv4Packet()
        guard case .datagram(let datagram) = ReceivedDatagram.interpret(packet, family: .ipv4, metadata: Self.ipv4Metadata) else {
            Issue.record("not a datagram")
            return
        }
        #expect(datagram.source == "192.0.2.1")
        #expect(datagram.destination == "224.0.0.18")
        #expect(datagram.hopLimit == 255)
        #expect(datagram.ifindex == 3)
        #expect(datagram.payload == Array(packet[20...]))
        #expect(try AdvertisementCodec.decode(datagram.payload, addressing: datagram.addressing) == Self.advertisement)
    }

    static let damages = [
        "bad header checksum", "IHL below 5", "IHL beyond the data", "total length too long", "fragment",
        "not protocol 112", "IP version 5", "IPv6 packet on an IPv4 socket", "header cut short", "empty",
    ]

    static func damage(_ name: String, _ packet: inout [UInt8]) {
        switch name {
        case "bad header checksum": packet[10] ^= 0xFF
        case "IHL below 5": packet[0] = 0x44
        case "IHL beyond the data": packet[0] = 0x4F
        case "total length too long": packet[3] &+= 4
        case "fragment": packet[6] = 0x20
        case "not protocol 112": packet[9] = 17
        case "IP version 5": packet[0] = 0x55
        case "IPv6 packet on an IPv4 socket":
            packet = Array(repeating: 0, count: 48)
            packet[0] = 0x60
            packet[5] = 8
            packet[6] = 112
        case "header cut short": packet.removeLast(packet.count - 12)
        default: packet.removeAll()
        }
    }

    @Test(arguments: damages)
    func aBadIPv4HeaderIsMalformed(_ name: String) throws {
        var packet = try Self.ipv4Packet()
        Self.damage(name, &packet)
        let result = ReceivedDatagram.interpret(packet, family: .ipv4, metadata: Self.ipv4Metadata)
        guard case .malformed(let reason, let source) = result else {
            Issue.record("\(name): accepted as \(result)")
            return
        }
        #expect(!reason.isEmpty)
        #expect(source == "192.0.2.1")
    }

    @Test func aTruncatedDatagramIsMalformed() throws {
        var metadata = Self.ipv4Metadata
        metadata.truncatedLength = 70_000
        let result = ReceivedDatagram.interpret(try Self.ipv4Packet(), family: .ipv4, metadata: metadata)
        guard case .malformed(let reason, _) = result else {
            Issue.record("accepted: \(result)")
            return
        }
        #expect(reason.contains("70000"))
    }

    @Test func ipv6NeedsItsControlMessages() {
        let payload: [UInt8] = [0x31, 1, 100, 0, 0, 100, 0, 0]
        let complete = DatagramMetadata(source: "fe80::1", destination: "ff02::12", ifindex: 4, hopLimit: 255)
        #expect(ReceivedDatagram.interpret(payload, family: .ipv6, metadata: complete)
            == .datagram(ReceivedDatagram(payload: payload, source: "fe80::1", destination: "ff02::12", hopLimit: 255, ifindex: 4)))
        var noHops = complete
        noHops.hopLimit = nil
        var badHops = complete
        badHops.hopLimit = 300
        var noDestination = complete
        noDestination.destination = nil
        var noSource = complete
        noSource.source = nil
        var wrongFamily = complete
        wrongFamily.source = "192.0.2.1"
        for metadata in [noHops, badHops, noDestination, noSource, wrongFamily] {
            guard case .malformed = ReceivedDatagram.interpret(payload, family: .ipv6, metadata: metadata) else {
                Issue.record("accepted with \(metadata)")
                continue
            }
        }
    }

    @Test func anyBytesAreInterpretedWithoutTrapping() {
        var generator = SocketTestRandom(seed: 0x5EED)
        let base = (try? Self.ipv4Packet()) ?? []
        for round in 0..<20_000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int(generator.next() % 96)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            } else {
                bytes = base
                for _ in 0..<(1 + Int(generator.next() % 4)) where !bytes.isEmpty {
                    bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
                }
                if generator.next() % 4 == 0 { bytes.removeLast(Int(generator.next() % UInt64(bytes.count + 1))) }
            }
            for family in [AddressFamily.ipv4, .ipv6] {
                let metadata = DatagramMetadata(source: nil, destination: nil, ifindex: 0, hopLimit: Int(generator.next() % 300))
                _ = ReceivedDatagram.interpret(bytes, family: family, metadata: metadata)
            }
        }
    }

    @Test func addressesAreRebuiltFromTheirBytes() {
        for text in ["192.0.2.1", "224.0.0.18", "0.0.0.0", "255.255.255.255", "fe80::1", "ff02::12", "2001:db8::100", "::"] {
            let address = IPAddress(text)!
            #expect(SocketAddressBytes.address(address.bytes) == address)
        }
        #expect(SocketAddressBytes.address([1, 2, 3]) == nil)
    }

    @Test func socketArgumentsAreCheckedBeforeAnythingOpens() {
        #expect(throws: SystemError.self) { try VRRPSocket(family: .ipv4, interface: nil, unicastSource: "2001:db8::1") }
        #expect(throws: SystemError.self) { try VRRPSocket(family: .ipv4, interface: nil, unicastSource: "224.0.0.18") }
        #expect(throws: SystemError.self) { try VRRPSocket(family: .ipv6, interface: (name: "", index: 1)) }
        #expect(throws: SystemError.self) { try VRRPSocket(family: .ipv6, interface: (name: "a-name-much-too-long", index: 1)) }
    }
}

/// A small deterministic generator for the no-trap test.
struct SocketTestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
