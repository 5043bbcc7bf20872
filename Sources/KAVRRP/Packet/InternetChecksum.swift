/// The 16-bit ones' complement sum of RFC 1071, accumulated over several pieces.
///
/// Pieces are added as whole 16-bit words; an odd-length piece is padded with a zero byte, which
/// is only correct for the last piece (VRRP's pieces before the last are always even).
struct InternetChecksum {
    private var sum: UInt64 = 0

    mutating func add(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { add($0) }
    }

    mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { add($0) }
    }

    mutating func add(_ buffer: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let count = buffer.count
        while index + 1 < count {
            sum &+= UInt64(buffer[index]) << 8 | UInt64(buffer[index + 1])
            index += 2
        }
        if index < count { sum &+= UInt64(buffer[index]) << 8 }
    }

    mutating func add(word: UInt16) { sum &+= UInt64(word) }

    mutating func add(_ address: IPAddress) {
        switch address {
        case .v4(let value):
            sum &+= UInt64(value >> 16) &+ UInt64(value & 0xFFFF)
        case .v6(let high, let low):
            sum &+= (high >> 48) &+ (high >> 32 & 0xFFFF) &+ (high >> 16 & 0xFFFF) &+ (high & 0xFFFF)
            sum &+= (low >> 48) &+ (low >> 32 & 0xFFFF) &+ (low >> 16 & 0xFFFF) &+ (low & 0xFFFF)
        }
    }

    /// The complemented sum: the value to put in a checksum field, or 0 when verifying a correct packet.
    var value: UInt16 {
        var folded = sum
        while folded > 0xFFFF { folded = (folded & 0xFFFF) &+ (folded >> 16) }
        return ~UInt16(folded)
    }
}
