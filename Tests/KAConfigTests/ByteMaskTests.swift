import CKAScan
import Testing
@testable import KAConfig

/// The masks `SimpleFindingsScan` reads (`ka_scan_masks`, AVX2 where the processor has it, and
/// the baseline SSE2 path) against a byte-by-byte reference, and the scan itself where what it
/// stops at sits on and across the edges of its 64-byte blocks.
@Suite("Byte masks of the findings scan")
struct ByteMaskTests {
    static let specialBytes: Set<UInt8> = [0x00, 0x0A, 0x0D, 0x21, 0x22, 0x23, 0x5C, 0x7B, 0x7D]
    static let blankBytes: Set<UInt8> = [0x20, 0x09, 0x0B, 0x0C]

    /// The reference: bit i of each mask for bytes[i], blanks past `bytes.count`.
    static func reference(_ bytes: [UInt8]) -> (special: UInt64, blank: UInt64) {
        var special: UInt64 = 0
        var blank: UInt64 = 0
        for index in 0..<64 {
            let byte = index < bytes.count ? bytes[index] : 0x20
            if specialBytes.contains(byte) { special |= 1 << UInt64(index) }
            if blankBytes.contains(byte) { blank |= 1 << UInt64(index) }
        }
        return (special, blank)
    }

    static func masks(_ bytes: [UInt8], baseline: Bool) -> (special: UInt64, blank: UInt64) {
        var special: UInt64 = 0
        var blank: UInt64 = 0
        bytes.withUnsafeBufferPointer { buffer in
            if baseline {
                ka_scan_masks_baseline(buffer.baseAddress!, buffer.count, &special, &blank)
            } else {
                ka_scan_masks(buffer.baseAddress!, buffer.count, &special, &blank)
            }
        }
        return (special, blank)
    }

    @Test func everyByteValueAtEveryPosition() {
        for value in 0...255 {
            for position in 0..<64 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 64)
                bytes[position] = UInt8(value)
                let expected = Self.reference(bytes)
                for baseline in [false, true] {
                    let found = Self.masks(bytes, baseline: baseline)
                    #expect(found.special == expected.special && found.blank == expected.blank, "byte \(value) at \(position), baseline \(baseline)")
                }
            }
        }
    }

    @Test func shortBlocksArePaddedWithBlanks() {
        var random = SplitMix(state: 0x5EED_0064)
        let alphabet: [UInt8] = Array("ab{}\"#!\\ \t\r\n".utf8) + [0, 0x0B, 0x0C, 0xC3, 0x7F]
        for count in 1..<64 {
            for _ in 0..<20 {
                let bytes = (0..<count).map { _ in alphabet[random.next(alphabet.count)] }
                let expected = Self.reference(bytes)
                for baseline in [false, true] {
                    let found = Self.masks(bytes, baseline: baseline)
                    #expect(found.special == expected.special && found.blank == expected.blank, "\(bytes) baseline \(baseline)")
                }
            }
        }
    }

    @Test func blocksInBatches() {
        for count in [1, 63, 64, 65, 127, 128, 129, 1_024, 1_025, 1_100] {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37) }
            var special = [UInt64](repeating: 0, count: 16)
            var blank = [UInt64](repeating: 0, count: 16)
            let written = bytes.withUnsafeBufferPointer { buffer in
                ka_scan_mask_blocks(buffer.baseAddress!, buffer.count, &special, &blank, 16)
            }
            #expect(written == min(16, (count + 63) / 64), "\(count) bytes")
            for block in 0..<written {
                let expected = Self.reference(Array(bytes[(block * 64)..<min(count, block * 64 + 64)]))
                #expect(special[block] == expected.special && blank[block] == expected.blank, "\(count) bytes, block \(block)")
            }
        }
    }

    /// Each piece at every offset around the first two block edges: the scan answers as the
    /// parser does (or declines).
    @Test func scanAgreesAcrossBlockEdges() {
        let pieces = [
            "vrrp_instance VI_1 {\n", "}\n", "a \"b { # \\ c\" d\n", "a\"b\"#c\n", "word#glued\n", "x # comment { \"\n", "\"q\" {\n",
            "a\r\nb\r\n", "a\rb\n", "@n x\n", "$A=1\n", "~SEQ(i,1,2) a\n", "include /x\n", "includes x\n", "interval 2\n", "a\\b\n",
            "\"open\n", "a \u{0}\n", "# \u{0}\n", "k\n\n# c\n{\n", "{\n", "}\n}\n", "\t \u{0B}\u{0C}key value\n", "ü ä {\n}\n",
            String(repeating: "w", count: 70) + " {\n}\n", String(repeating: "x", count: 1_022) + "\n", String(repeating: "x", count: 1_023) + "\n",
        ]
        for piece in pieces {
            for offset in 0..<140 {
                // The piece after a line of `offset` bytes, and after `offset` blanks.
                let line = offset == 0 ? "" : String(repeating: "p", count: offset - 1) + "\n"
                for padding in [line, String(repeating: " ", count: offset)] {
                    let text = padding + piece + piece
                    #expect(SimpleFindingsTests.agree(Array(text.utf8)), "\(text.debugDescription)")
                }
            }
        }
    }
}
