import FuzzDriver
import KAVRRP

/// The VRRP decoder on arbitrary packets: whole IP packets, and bare advertisements with each
/// addressing; a decoded advertisement re-encodes without trapping.
@main
struct FuzzVRRP {
    static func main() { FuzzDriver.run(test) }

    static func test(_ bytes: [UInt8]) {
        if let (envelope, advertisement) = try? AdvertisementCodec.decode(ipPacket: bytes) {
            _ = try? AdvertisementCodec.encode(advertisement, envelope: envelope)
        }
        _ = try? IPPacketCodec.decode(bytes)
    }
}

#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        FuzzVRRP.test(FuzzDriver.bytes(data, size))
        return 0
    }
#endif
