import FuzzDriver
import KAVRRP

/// The VRRP decoder on arbitrary packets: whole IP packets, and bare advertisements with each
/// addressing; a decoded advertisement re-encodes without trapping.
@main
struct FuzzVRRP {
    static func main() {
        FuzzDriver.run { bytes in
            if let (envelope, advertisement) = try? AdvertisementCodec.decode(ipPacket: bytes) {
                _ = try? AdvertisementCodec.encode(advertisement, envelope: envelope)
            }
            _ = try? IPPacketCodec.decode(bytes)
        }
    }
}
