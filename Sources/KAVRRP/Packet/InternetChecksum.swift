/// The 16-bit ones' complement sum of RFC 1071, accumulated over several pieces.
struct InternetChecksum {
    private var sum: UInt32 = 0
    /// Pieces of odd length are only allowed last; VRRP pieces are always even.
    private var pendingOddByte: UInt8?

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            if let high = pendingOddByte {
                sum &+= UInt32(high) << 8 | UInt32(byte)
                pendingOddByte = nil
                if sum > 0xFFFF_0000 { fold() }
            } else {
                pendingOddByte = byte
            }
        }
    }

    mutating func add(word: UInt16) { add([UInt8(word >> 8), UInt8(truncatingIfNeeded: word)]) }

    private mutating func fold() {
        while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
    }

    /// The complemented sum: the value to put in a checksum field, or 0 when verifying a correct packet.
    var value: UInt16 {
        var copy = self
        if let high = copy.pendingOddByte { copy.sum &+= UInt32(high) << 8 }
        copy.fold()
        return ~UInt16(copy.sum)
    }
}
