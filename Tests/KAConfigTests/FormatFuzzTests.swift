import Testing
@testable import KAConfig
@testable import KAFormat

/// Mutated configurations (deterministic): the formatter never crashes or hangs, and whatever it
/// formats is stable and keeps every word, comment and logical line.
@Suite struct FormatFuzzTests {
    static let alphabet: [[UInt8]] = ["{", "}", " ", "\t", "\n", "\r\n", "#", "!", "\"", "'", "\\", "$X", "${Y}", "@main ",
        "~SEQ(i,1,2) ", "$D=a \\\n", "include x\n", "\u{0B}", "word", "\n\n", "\\#"].map { Array($0.utf8) }

    @Test func mutatedInputsAreHandled() throws {
        let seeds = FormatGoldenTests.cases.compactMap { FormatTestSupport.read($0 + ".input.conf") }
        try #require(!seeds.isEmpty)
        var generator = SplitMix(state: 0x4B41_464D_54)
        var formattedCount = 0
        for round in 0..<1500 {
            var bytes = seeds[round % seeds.count]
            for _ in 0..<(1 + generator.next(4)) {
                let position = bytes.isEmpty ? 0 : generator.next(bytes.count + 1)
                switch generator.next(3) {
                case 0: bytes.insert(contentsOf: Self.alphabet[generator.next(Self.alphabet.count)], at: position)
                case 1: if position < bytes.count { bytes.remove(at: position) }
                default: if position < bytes.count { bytes[position] = UInt8(truncatingIfNeeded: generator.next(256)) }
                }
            }
            let before = Parser.parse(path: "fuzz.conf", bytes: bytes)
            guard let once = Formatter.format(before).bytes else { continue }
            formattedCount += 1
            let after = Parser.parse(path: "fuzz.conf", bytes: once)
            #expect(Formatter.format(after).bytes == once, "round \(round): not idempotent")
            FormatInvariants.expectSameWords(before, after)
            FormatInvariants.expectSameComments(before, after)
            FormatInvariants.expectSameLogicalLines(before, after)
            FormatInvariants.expectWholeLinesKept(before, after)
        }
        #expect(formattedCount > 300, "too few mutated inputs were formattable to say anything")
    }
}
