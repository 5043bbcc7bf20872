import Testing
import KAVRRP

@Suite("VRRP codec properties and errors")
struct CodecPropertyTests {
    static func randomAdvertisement(_ random: inout SeededGenerator) -> (VRRPAdvertisement, PacketAddressing, ChecksumStyle) {
        let version: VRRPVersion = Bool.random(using: &random) ? .v2 : .v3
        let family: AddressFamily = version == .v2 || Bool.random(using: &random) ? .ipv4 : .ipv6
        func address() -> IPAddress {
            family == .ipv4
                ? .v4(UInt32.random(in: 0...UInt32.max, using: &random))
                : .v6(random.next(), random.next())
        }
        let count = Int.random(in: 0...(Int.random(in: 0..<10, using: &random) == 0 ? 255 : 4), using: &random)
        var authentication = VRRPAuthentication.none
        if version == .v2 {
            switch Int.random(in: 0...2, using: &random) {
            case 1: authentication = .simplePassword(AuthenticationData(packed: random.next()))
            case 2: authentication = .ipsecAH(AuthenticationData(packed: random.next()))
            default: break
            }
        }
        let advertisement = VRRPAdvertisement(
            version: version,
            virtualRouterID: UInt8.random(in: 0...255, using: &random),
            priority: UInt8.random(in: 0...255, using: &random),
            advertisementInterval: UInt16.random(in: 0...VRRPAdvertisement.maximumInterval(for: version), using: &random),
            addresses: (0..<count).map { _ in address() },
            authentication: authentication)
        let destination: IPAddress = Bool.random(using: &random) ? .vrrpMulticastGroup(for: family) : address()
        let style: ChecksumStyle = Bool.random(using: &random) ? .standard : .withoutPseudoHeader
        return (advertisement, PacketAddressing(source: address(), destination: destination), style)
    }

    @Test func decodeOfEncodeIsIdentity() throws {
        var random = SeededGenerator(seed: 0x5EED_C0DEC)
        for _ in 0..<1_000 {
            let (advertisement, addressing, style) = Self.randomAdvertisement(&random)
            let bytes = try AdvertisementCodec.encode(advertisement, addressing: addressing, checksum: style)
            #expect(bytes.count == AdvertisementCodec.expectedLength(version: advertisement.version, family: addressing.family, count: advertisement.addresses.count))
            let decoded = try AdvertisementCodec.decode(bytes, addressing: addressing, checksum: style)
            #expect(decoded == advertisement)
            #expect(VRRPFuzzing.decodeAdvertisement([addressing.family == .ipv4 ? 0 : 1 | (style == .standard ? 0 : 2)] + bytes) != .rejected(.truncated(length: 0, minimum: 1)))
        }
    }

    @Test func wholeIPPacketsRoundTrip() throws {
        var random = SeededGenerator(seed: 42)
        for _ in 0..<500 {
            let (advertisement, addressing, style) = Self.randomAdvertisement(&random)
            let envelope = IPEnvelope(
                source: addressing.source, destination: addressing.destination,
                hopLimit: UInt8.random(in: 0...255, using: &random),
                identification: addressing.family == .ipv4 ? UInt16.random(in: 0...UInt16.max, using: &random) : 0,
                flowLabel: addressing.family == .ipv6 ? UInt32.random(in: 0...0xF_FFFF, using: &random) : 0)
            let packet = try AdvertisementCodec.encode(advertisement, envelope: envelope, checksum: style)
            let decoded = try AdvertisementCodec.decode(ipPacket: packet, checksum: style)
            #expect(decoded.envelope == envelope)
            #expect(decoded.advertisement == advertisement)
        }
    }

    @Test func randomBytesNeverTrap() {
        var random = SeededGenerator(seed: 7)
        var decoded = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...80, using: &random)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            // Bias towards plausible headers so the deeper checks run too.
            if bytes.count > 2, Bool.random(using: &random) { bytes[1] = Bool.random(using: &random) ? 0x21 : 0x31 }
            if case .decoded = VRRPFuzzing.decodeAdvertisement(bytes) { decoded += 1 }
        }
        #expect(decoded < 20_000)
    }

    @Test func mutatedCapturesNeverTrap() {
        var random = SeededGenerator(seed: 99)
        var rejected = 0
        for vector in CaptureVectors.all {
            let packet = CaptureVectors.bytes(vector.hex)
            for _ in 0..<300 {
                var mutated = packet
                let flips = Int.random(in: 1...3, using: &random)
                for _ in 0..<flips {
                    let index = Int.random(in: 0..<mutated.count, using: &random)
                    mutated[index] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
                }
                if Bool.random(using: &random) { mutated.removeLast(Int.random(in: 0...mutated.count, using: &random)) }
                if case .rejected = VRRPFuzzing.decodeAdvertisement([0x04] + mutated) { rejected += 1 }
            }
        }
        // Checksums catch (nearly) every damaged packet.
        #expect(rejected > 2_900)
    }

    let ipv4 = PacketAddressing(source: "192.0.2.1", destination: .vrrpMulticastIPv4)
    let ipv6 = PacketAddressing(source: "fe80::1", destination: .vrrpMulticastIPv6)

    func valid(_ version: VRRPVersion = .v2) -> [UInt8] {
        let advertisement = VRRPAdvertisement(version: version, virtualRouterID: 1, priority: 100, advertisementInterval: 1, addresses: ["192.0.2.100"])
        return try! AdvertisementCodec.encode(advertisement, addressing: ipv4)
    }

    @Test func typedErrors() {
        #expect(throws: VRRPPacketError.truncated(length: 5, minimum: 8)) {
            try AdvertisementCodec.decode(Array(valid().prefix(5)), addressing: ipv4)
        }
        #expect(throws: VRRPPacketError.truncated(length: 12, minimum: 16)) {
            try AdvertisementCodec.decode(Array(valid().prefix(12)), addressing: ipv4)
        }
        var bytes = valid()
        bytes[0] = 0x41
        #expect(throws: VRRPPacketError.unsupportedVersion(4)) { try AdvertisementCodec.decode(bytes, addressing: ipv4) }
        bytes[0] = 0x22
        #expect(throws: VRRPPacketError.unsupportedType(2)) { try AdvertisementCodec.decode(bytes, addressing: ipv4) }
        bytes = valid()
        bytes[3] = 2
        #expect(throws: VRRPPacketError.addressCountMismatch(count: 2, length: 20, expectedLength: 24)) {
            try AdvertisementCodec.decode(bytes, addressing: ipv4)
        }
        bytes = valid()
        bytes[2] = 101
        #expect(throws: VRRPPacketError.checksumMismatch(received: UInt16(valid()[6]) << 8 | UInt16(valid()[7]), computed: UInt16(valid()[6]) << 8 | UInt16(valid()[7]) &- 256)) {
            try AdvertisementCodec.decode(bytes, addressing: ipv4)
        }
        #expect(throws: VRRPPacketError.versionFamilyMismatch(version: .v2, family: .ipv6)) {
            try AdvertisementCodec.decode(valid(), addressing: ipv6)
        }
        bytes = valid()
        bytes[4] = 3
        #expect(throws: VRRPPacketError.unknownAuthenticationType(3)) {
            // Fix the checksum so the authentication type is what fails.
            bytes[7] &-= 3
            return try AdvertisementCodec.decode(bytes, addressing: ipv4)
        }
    }

    @Test func encodingErrors() {
        var advertisement = VRRPAdvertisement(version: .v3, virtualRouterID: 1, priority: 1, advertisementInterval: 4096, addresses: [])
        #expect(throws: VRRPPacketError.intervalOutOfRange(4096)) { try AdvertisementCodec.encode(advertisement, addressing: ipv4) }
        advertisement.advertisementInterval = 100
        advertisement.addresses = ["2001:db8::1"]
        #expect(throws: VRRPPacketError.addressFamilyMismatch("2001:db8::1")) { try AdvertisementCodec.encode(advertisement, addressing: ipv4) }
        advertisement.addresses = Array(repeating: "192.0.2.1", count: 256)
        #expect(throws: VRRPPacketError.tooManyAddresses(256)) { try AdvertisementCodec.encode(advertisement, addressing: ipv4) }
        advertisement.addresses = []
        advertisement.authentication = .simplePassword(AuthenticationData(password: "x"))
        #expect(throws: VRRPPacketError.authenticationNotAllowed) { try AdvertisementCodec.encode(advertisement, addressing: ipv4) }
        #expect(throws: VRRPPacketError.mixedPseudoHeaderFamilies) {
            try AdvertisementCodec.encode(advertisement, addressing: PacketAddressing(source: "192.0.2.1", destination: .vrrpMulticastIPv6))
        }
    }

    @Test func ipEnvelopeErrors() throws {
        let packet = CaptureVectors.bytes(CaptureVectors.all[2].hex)
        #expect(throws: VRRPPacketError.truncatedIPHeader(length: 10)) { try IPPacketCodec.decode(Array(packet.prefix(10))) }
        #expect(throws: VRRPPacketError.ipLengthMismatch(declared: 40, received: 39)) { try IPPacketCodec.decode(Array(packet.dropLast())) }
        var damaged = packet
        damaged[8] = 254
        #expect(throws: VRRPPacketError.ipHeaderChecksumMismatch) { try IPPacketCodec.decode(damaged) }
        var other = try IPPacketCodec.encode(IPEnvelope(source: "192.0.2.1", destination: "192.0.2.2"), payload: [1, 2, 3, 4])
        other[9] = 51
        other[10...11] = [0, 0]
        var sum: UInt32 = 0
        for index in stride(from: 0, to: 20, by: 2) { sum += UInt32(other[index]) << 8 | UInt32(other[index + 1]) }
        while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
        other[10] = UInt8(~UInt16(sum) >> 8)
        other[11] = UInt8(truncatingIfNeeded: ~UInt16(sum))
        #expect(throws: VRRPPacketError.notVRRP(protocolNumber: 51)) { try IPPacketCodec.decode(other) }
        #expect(throws: VRRPPacketError.unsupportedIPVersion(5)) { try IPPacketCodec.decode([0x50] + Array(repeating: 0, count: 30)) }
    }

    func parse(_ text: String) -> IPAddress? { IPAddress(text) }

    @Test func addressText() {
        #expect(parse("2001:db8::1")?.description == "2001:db8::1")
        #expect(parse("fe80:0:0:0:0:ff:fe00:a")?.description == "fe80::ff:fe00:a")
        #expect(parse("::")?.description == "::")
        #expect(parse("1:0:0:2:0:0:0:3")?.description == "1:0:0:2::3")
        #expect(parse("1::2::3") == nil)
        #expect(parse("12345::1") == nil)
        #expect(parse("192.0.2.256") == nil)
        #expect(parse("192.0.2") == nil)
        #expect(parse("ff02::12") == .vrrpMulticastIPv6)
        #expect(parse("192.0.2.9")! < parse("192.0.2.10")!)
        #expect(IPAddress(192, 0, 2, 1).description == "192.0.2.1")
    }
}
