import Testing
@testable import KAConfig

/// The parser takes the line table and the line-check candidates from the lexer's single pass;
/// these pin that shortcut to the separate computations it replaces.
@Suite struct SyntaxFusedPassTests {
    /// Small random files over the bytes the lexer treats specially.
    static func randomFiles(seed: UInt64, count: Int) -> [[UInt8]] {
        var state = seed | 1
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        let pieces = [
            "a", " ", "\t", "\n", "\r\n", "\r", "{", "}", "\"", "#", "!", "\\", "@", "@^x", "$X=", "$A=1 \\",
            "~SEQ(a,1,3) ", "~LST(", ")", "include ", "word\\", "\u{0B}", "\u{0C}", "\0", "é",
        ].map { Array($0.utf8) }
        return (0..<count).map { _ in
            var bytes: [UInt8] = []
            for _ in 0..<Int(next() % 40) { bytes += pieces[Int(next() % UInt64(pieces.count))] }
            if next() % 10 == 0 { bytes += [UInt8](repeating: 0x61, count: 1021 + Int(next() % 4)) + [0x0A] }
            return bytes
        }
    }

    @Test func lexerLineTableEqualsSourceFile() {
        for bytes in Self.randomFiles(seed: 7, count: 500) {
            let expected = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
            #expect(Array(SourceFile(path: "f", bytes: bytes).lineStarts) == expected)
            #expect(Array(Parser.parse(path: "f", bytes: bytes).source.lineStarts) == expected)
        }
    }

    @Test func bothParseEntriesAgree() {
        for bytes in Self.randomFiles(seed: 11, count: 500) {
            let direct = Parser.parse(path: "f", bytes: bytes)
            let viaSource = Parser.parse(SourceFile(path: "f", bytes: bytes))
            #expect(direct.tokens == viaSource.tokens)
            #expect(direct.diagnostics == viaSource.diagnostics)
            #expect(direct.printed() == bytes)
        }
    }

    @Test func textEntryCopiesTheUTF8() {
        let text = "é \u{0}x\n" + String(repeating: "ab", count: 100)
        #expect(Parser.parse(path: "f", text: text).source.bytes == Array(text.utf8))
        #expect(Parser.parse(path: "f", text: "").source.bytes.isEmpty)
    }

    @Test func nulSearchFindsEveryLine() {
        var bytes = [UInt8](repeating: 0x61, count: 40)
        for offset in [0, 7, 8, 15, 39] { bytes[offset] = 0 }
        bytes[20] = 0x0A
        let reports = Parser.parse(path: "f", bytes: bytes).diagnostics.filter { $0.rule == SyntaxRules.embeddedNul }
        // One report per line: the first NUL of line 1 (offset 0) and of line 2 (offset 39).
        #expect(reports.map(\.column) == [1, 19])
    }
}
