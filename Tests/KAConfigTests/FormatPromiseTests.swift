import Testing
@testable import KAConfig
@testable import KAFormat

/// The formatter's promises on the inputs where fuzzing (issue 16) found them broken: the output
/// parses whenever the input does, means the same (same model, same expansion findings) and is
/// a fixed point.
@Suite struct FormatPromiseTests {
    /// Formats `text` and checks every promise; returns the formatted text.
    @discardableResult
    func expectPromisesKept(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String? {
        let input = Array(text.utf8)
        guard let once = Formatter.format(path: "t.conf", bytes: input).bytes else {
            Issue.record("the input was refused", sourceLocation: sourceLocation)
            return nil
        }
        let again = Formatter.format(path: "t.conf", bytes: once)
        #expect(again.diagnostics.isEmpty, "kafmt refuses its own output: \(again.diagnostics.map(\.message))", sourceLocation: sourceLocation)
        #expect(again.bytes == once, "not a fixed point", sourceLocation: sourceLocation)
        let before = Analyzer.analyze(path: "t.conf", text: text)
        let after = Analyzer.analyze(path: "t.conf", text: String(decoding: once, as: UTF8.self))
        #expect(ModelJSON.encode(before.model) == ModelJSON.encode(after.model), "the meaning changed", sourceLocation: sourceLocation)
        #expect(
            before.expanded.diagnostics.map(\.rule.code) == after.expanded.diagnostics.map(\.rule.code),
            "the expansion findings changed", sourceLocation: sourceLocation)
        return String(decoding: once, as: UTF8.self)
    }

    /// (1) No blank line after a line that closes a top-level block while a `$NAME=` definition
    /// continues past it: the blank line would end the definition early.
    @Test func noBlankLineInsideAMultiLineDefinition() {
        let text = """
            vrrp_script chk_true {
                script /bin/true
            } $GLOBALS=global_defs {\\
                router_id lb1\\
            }
            $GLOBALS

            """
        let formatted = expectPromisesKept(text)
        #expect(formatted?.contains("{\\\n\n") == false)
        let model = Analyzer.analyze(path: "t.conf", text: formatted ?? "").model
        #expect(model.globalDefs.routerID == "lb1")
        expectPromisesKept("a {\n} $D=b {\\\nc\\\n}\n$D\n")
        expectPromisesKept("a {\n} $D=\\\nb {\\\n}\n$D\n")
    }

    /// (2) A lone carriage return at the end of an `@` or `~SEQ(` line stays in its token; printed
    /// with a newline after it, it became the `\r` of a `\r\n` and the next run dropped it.
    @Test func loneCarriageReturnAtTheEndOfASealedLine() {
        #expect(expectPromisesKept("g\n@\r") == "g\n@\n")
        expectPromisesKept("g\n@main x\r")
        expectPromisesKept("~SEQ(i,1,2) a$i\r")
        expectPromisesKept("~LST(i,a,b) b_$i\r")
        expectPromisesKept("a {\n@main b\r\n}\n")
    }

    /// (3) `include{}` and `include` + newline + `{}`: no blank is put after the word, which would
    /// make the line an include of the file `{`.
    @Test func includeWordNeverGetsABraceAfterABlank() {
        #expect(expectPromisesKept("include{}") == "include{}\n")
        #expect(expectPromisesKept("include\n{}") == "include\n{\n}\n")
        expectPromisesKept("includer\n{\n}\n")
        expectPromisesKept("a {\n} include{\n}\n")
        expectPromisesKept("include\r{}\n")
    }
}
