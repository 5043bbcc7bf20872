import Testing
@testable import KAConfig

/// `SourceFile.lineStarts(of:)` finds newlines 16 bytes at a time (`ka_newline_starts`) and
/// hands them over 1,024 at a time: these hold it to a byte-by-byte scan at the edges of both.
@Suite struct LineStartScanTests {
    static func expected(_ bytes: [UInt8]) -> [UInt32] {
        [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { UInt32($0 + 1) }
    }

    /// Where the block-wise table first differs from the byte scan's (nil when it does not): a
    /// short message for tables of thousands of lines.
    static func firstDifference(_ bytes: [UInt8]) -> String? {
        let found = SourceFile.lineStarts(of: bytes)
        let wanted = expected(bytes)
        guard found != wanted else { return nil }
        let index = (0..<min(found.count, wanted.count)).first { found[$0] != wanted[$0] } ?? min(found.count, wanted.count)
        return "line \(index): \(index < found.count ? "\(found[index])" : "none") instead of \(index < wanted.count ? "\(wanted[index])" : "none") (\(found.count) starts, \(wanted.count) wanted)"
    }

    @Test func emptyAndNewlineFreeInputs() {
        #expect(SourceFile.lineStarts(of: []) == [0])
        #expect(SourceFile.lineStarts(of: Array("no newline at all, longer than sixteen bytes".utf8)) == [0])
        #expect(SourceFile.lineStarts(of: [0x0A]) == [0, 1])
    }

    /// One newline at each offset of a 48-byte buffer, then pairs: inside a 16-byte block, at
    /// its first and last byte, and in the tail shorter than a block.
    @Test func newlinesAtEveryOffsetAroundBlocks() {
        for length in [15, 16, 17, 31, 32, 33, 48] {
            for first in 0..<length {
                for second in [nil, first + 1, first + 15, first + 16, length - 1] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[first] = 0x0A
                    if let second, second < length { bytes[second] = 0x0A }
                    #expect(SourceFile.lineStarts(of: bytes) == Self.expected(bytes), "length \(length), at \(first), \(String(describing: second))")
                }
            }
        }
    }

    /// More newlines than one hand-over holds, with the capacity running out in the middle of a
    /// block's matches (all newlines), at a block's end, and in the tail.
    @Test func moreNewlinesThanOneBlockOfResults() {
        for count in [1023, 1024, 1025, 1040, 3000, 4097] {
            let bytes = [UInt8](repeating: 0x0A, count: count)
            #expect(Self.firstDifference(bytes) == nil, "\(count) newlines")
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes: [UInt8] = (0..<200_000).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            // About one byte in five a newline, with CR, NUL and high bytes among the rest.
            switch state % 10 {
            case 0, 1: return 0x0A
            case 2: return 0x0D
            case 3: return 0
            case 4: return 0xE9
            default: return UInt8(ascii: "a") + UInt8(state % 26)
            }
        }
        #expect(Self.firstDifference(bytes) == nil)
    }

    @Test func corpusFilesMatchTheByteScan() throws {
        let files = CorpusFiles.all().map(\.path)
        #expect(files.count > 200, "corpus not found")
        for path in files {
            let bytes = try LocalFileSystem().readFile(path)
            #expect(Self.firstDifference(bytes) == nil, "\(path)")
        }
    }
}
