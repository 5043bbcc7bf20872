import Testing
import KAVRRP

@Suite("VRRP codec against keepalived 2.2.7 captures")
struct CodecVectorTests {
    @Test(arguments: CaptureVectors.all)
    func decodesCapture(_ vector: CaptureVectors.Vector) throws {
        let decoded = try AdvertisementCodec.decode(ipPacket: CaptureVectors.bytes(vector.hex))
        #expect(decoded.envelope == vector.envelope)
        #expect(decoded.advertisement == vector.advertisement)
    }

    @Test(arguments: CaptureVectors.all)
    func encodesCaptureByteForByte(_ vector: CaptureVectors.Vector) throws {
        let encoded = try AdvertisementCodec.encode(vector.advertisement, envelope: vector.envelope)
        #expect(CaptureVectors.hex(encoded) == vector.hex)
    }

    @Test func vrrpPartAloneRoundTrips() throws {
        for vector in CaptureVectors.all {
            let packet = CaptureVectors.bytes(vector.hex)
            let payload = Array(packet[(vector.envelope.source.family == .ipv4 ? 20 : 40)...])
            let encoded = try AdvertisementCodec.encode(vector.advertisement, addressing: vector.envelope.addressing)
            #expect(encoded == payload, "\(vector.name)")
        }
    }

    @Test func v3IPv4ChecksumCoversThePseudoHeader() throws {
        // The unicast capture only verifies with its real destination in the pseudo-header.
        let vector = CaptureVectors.all.first { $0.name.hasPrefix("v3 IPv4 unicast to") }!
        let payload = Array(CaptureVectors.bytes(vector.hex)[20...])
        let wrongDestination = PacketAddressing(source: CaptureVectors.nodeA, destination: .vrrpMulticastIPv4)
        #expect(throws: VRRPPacketError.checksumMismatch(received: 0xD35F, computed: 0xB54F)) {
            try AdvertisementCodec.decode(payload, addressing: wrongDestination)
        }
        // keepalived's v3_checksum_as_v2 leaves the pseudo-header out.
        let plain = try AdvertisementCodec.encode(vector.advertisement, addressing: vector.envelope.addressing, checksum: .withoutPseudoHeader)
        #expect(plain != payload)
        #expect(try AdvertisementCodec.decode(plain, addressing: wrongDestination, checksum: .withoutPseudoHeader) == vector.advertisement)
    }
}
