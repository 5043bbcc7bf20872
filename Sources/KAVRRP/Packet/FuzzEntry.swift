/// The codec's fuzzing entry point: feed it any bytes, it must return (never trap, never hang).
///
/// The first byte chooses the context (IPv4/IPv6 addressing, checksum style, raw VRRP or whole IP
/// packet); the rest is the packet. Whatever decodes must re-encode and decode to the same value;
/// a difference is a codec bug and traps on purpose, so a fuzzer reports it.
public enum VRRPFuzzing {
    public enum Outcome: Hashable, Sendable {
        case decoded(VRRPAdvertisement)
        case rejected(VRRPPacketError)
    }

    public static func decodeAdvertisement(_ data: [UInt8]) -> Outcome {
        guard let selector = data.first else { return .rejected(.truncated(length: 0, minimum: 1)) }
        let body = Array(data.dropFirst())
        let style: ChecksumStyle = selector & 0x02 == 0 ? .standard : .withoutPseudoHeader
        let addressing: PacketAddressing
        if selector & 0x04 != 0 {
            do {
                let (envelope, payload) = try IPPacketCodec.decode(body)
                return check(Array(payload), addressing: envelope.addressing, style: style)
            } catch {
                return .rejected(error)
            }
        }
        if selector & 0x01 == 0 {
            addressing = PacketAddressing(source: IPAddress(192, 0, 2, 1), destination: .vrrpMulticastIPv4)
        } else {
            addressing = PacketAddressing(source: "fe80::1", destination: .vrrpMulticastIPv6)
        }
        return check(body, addressing: addressing, style: style)
    }

    private static func check(_ body: [UInt8], addressing: PacketAddressing, style: ChecksumStyle) -> Outcome {
        let advertisement: VRRPAdvertisement
        do {
            advertisement = try AdvertisementCodec.decode(body, addressing: addressing, checksum: style)
        } catch {
            return .rejected(error)
        }
        do {
            let again = try AdvertisementCodec.encode(advertisement, addressing: addressing, checksum: style)
            let redecoded = try AdvertisementCodec.decode(again, addressing: addressing, checksum: style)
            precondition(redecoded == advertisement, "VRRP codec round trip changed \(advertisement)")
        } catch {
            preconditionFailure("a decoded advertisement failed to re-encode: \(error)")
        }
        return .decoded(advertisement)
    }
}
