import Testing
@testable import KAConfig
@testable import KAFormat

/// Input/expected pairs in Fixtures/format: `NAME.input.conf` must format to `NAME.expected.conf`
/// byte for byte, and the expected file must already be canonical.
@Suite struct FormatGoldenTests {
    static let cases: [String] = FormatTestSupport.files(in: FormatTestSupport.fixtures)
        .filter { $0.hasSuffix(".input.conf") }
        .map { String($0.dropLast(".input.conf".count)) }

    @Test func fixturesArePresent() {
        #expect(Self.cases.count >= 12)
    }

    @Test(arguments: cases)
    func formatsToExpected(_ base: String) throws {
        let input = try #require(FormatTestSupport.read(base + ".input.conf"))
        let expected = try #require(FormatTestSupport.read(base + ".expected.conf"))
        let result = Formatter.format(path: base + ".input.conf", bytes: input)
        let output = try #require(result.bytes, "refused: \(result.diagnostics.map(\.message))")
        #expect(
            output == expected,
            "\(base):\n\(String(decoding: UnifiedDiff.diff(old: expected, new: output, oldName: "expected", newName: "actual"), as: UTF8.self))"
        )
        #expect(Formatter.format(path: "expected", bytes: expected).bytes == expected, "expected output is not canonical")
        let before = Parser.parse(path: "input", bytes: input)
        let after = Parser.parse(path: "output", bytes: output)
        FormatInvariants.expectSameWords(before, after)
        FormatInvariants.expectSameComments(before, after)
        FormatInvariants.expectWholeLinesKept(before, after)
        FormatInvariants.expectSameLogicalLines(before, after)
    }
}
