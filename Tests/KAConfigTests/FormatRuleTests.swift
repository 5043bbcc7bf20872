import Testing
@testable import KAConfig
@testable import KAFormat

/// Single rules of the canonical style and of what must never change, one small input each.
@Suite struct FormatRuleTests {
    func format(_ text: String) -> String? {
        Formatter.format(path: "t.conf", bytes: Array(text.utf8)).bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func splitsBracesOntoTheirLines() {
        #expect(format("a { b { c d } }\n") == "a {\n    b {\n        c d\n    }\n}\n")
        #expect(format("a{b}\n") == "a {\n    b\n}\n")
        #expect(format("a {\n b }  } \n") == nil, "an extra brace is a syntax error")
    }

    @Test func commentAfterCloseBraceStaysWithTheBrace() {
        #expect(format("a {\n b\n    192.0.2.1 } # end\n") == "a {\n    b\n    192.0.2.1\n} # end\n")
    }

    @Test func contentAfterCloseBraceStartsANewLine() {
        #expect(format("a {\n} b {\n}\n") == "a {\n}\n\nb {\n}\n")
    }

    @Test func openBraceOnItsOwnLineJoinsItsKeyword() {
        #expect(format("a\n{\n b\n}\n") == "a {\n    b\n}\n")
        #expect(format("a # c\n\n{ # d\n b\n}\n") == "a { # c\n    # d\n    b\n}\n")
        #expect(format("a\n{ b\n}\n") == "a {\n    b\n}\n")
    }

    @Test func conditionalLinesAreNeverSplitOrJoined() {
        // keepalived drops a whole physical line whose @id does not match, braces included.
        #expect(format("a {\n@main    b { c }\n}\n") == "a {\n    @main b { c }\n}\n")
        #expect(format("@main  a\n{\nb\n}\n") == "@main a\n{\n    b\n}\n")
        #expect(format("a { @main b }\n") == "a { @main b }\n")
    }

    @Test func parameterLinesKeepTheirText() {
        #expect(format("a {\n  b   $X   { c }\n}\n") == "a {\n    b   $X   { c }\n}\n")
        // A multi-line $X must stay last on its line: no `{` is joined to it.
        #expect(format("vrrp_instance $X\n{\n}\n") == "vrrp_instance $X\n{\n}\n")
        #expect(format("  $X=a   b   # c\n") == "$X=a   b # c\n")
    }

    @Test func sequenceLinesKeepTheirText() {
        #expect(format("  ~SEQ(i,1,3)  a_$i   {  b }\n") == "~SEQ(i,1,3)  a_$i   {  b }\n")
    }

    @Test func scriptQuotingKeepsItsBlanks() {
        #expect(format("notify  '/bin/a   b'\n") == "notify  '/bin/a   b'\n")
        #expect(format("notify  /bin/a\\   b\n") == "notify  /bin/a\\   b\n")
        #expect(format("notify   \"/bin/a   b\"    x\n") == "notify \"/bin/a   b\" x\n")
        #expect(format("notify \"a\"b   c\n") == "notify \"a\"b c\n")
    }

    @Test func escapedHashIsPartOfTheWord() {
        #expect(format("auth_pass a\\#b  # real comment\n") == "auth_pass a\\#b # real comment\n")
    }

    @Test func includeOperandIsKept() {
        #expect(format("a {\n  include    /etc/x y.conf   # c\n}\n") == "a {\n    include    /etc/x y.conf # c\n}\n")
        // keepalived quotes the whole line in its message about the odd quote: keep it as written.
        #expect(format("include   /etc/a\"b   # c\n") == "include   /etc/a\"b   # c\n")
    }

    @Test func alignsTrailingCommentsInARun() {
        let input = "a {\n b # 1\n ccc # 2\n\n dd # 3\n}\n"
        #expect(format(input) == "a {\n    b   # 1\n    ccc # 2\n\n    dd # 3\n}\n")
    }

    @Test func keepsCommentCharacterAndText() {
        #expect(format("!x\n#  y  \t\n") == "!x\n#  y\n")
    }

    @Test func blankLineRules() {
        #expect(format("\n\na\n\n\n\nb\n\n") == "a\n\nb\n")
        #expect(format("a {\n\n b\n\n}\nc\n") == "a {\n    b\n}\n\nc\n")
        #expect(format("x\n# about a\na {\n}\n") == "x\n\n# about a\na {\n}\n")
    }

    @Test func crlfKeptOnlyWhenConsistent() {
        #expect(format("a {\r\n b\r\n}\r\n") == "a {\r\n    b\r\n}\r\n")
        #expect(format("a {\r\n b\n}\r\n") == "a {\n    b\n}\n")
    }

    @Test func refusesSyntaxErrors() {
        let broken = [
            "a {\n", "}\n", "{\n}\n", "notify \"x\n", "priority 100 \\\n", "a\u{0}b\n",
            String(repeating: "x", count: 1100) + "\n",
        ]
        for text in broken {
            let result = Formatter.format(path: "t.conf", bytes: Array(text.utf8))
            #expect(result.bytes == nil, "formatted: \(text.prefix(40))")
            #expect(!result.diagnostics.isEmpty)
        }
    }

    @Test func neverPrintsALineLongerThanKeepalivedReads() throws {
        let long = String(repeating: "x", count: 1016)
        let output = try #require(format("a {\n b {\n  \(long)\n }\n}\n"))
        #expect(output.split(separator: "\n").allSatisfy { $0.utf8.count <= keepalivedMaximumLineLength })
        #expect(output.contains("\n\(long)\n"), "indentation is dropped rather than overflowing")
        // 990 bytes, a comment glued to them: 1022 as written, one more with the space kafmt puts
        // before a trailing comment, so the comment moves onto a line of its own.
        let word = String(repeating: "w", count: 990)
        let comment = "# " + String(repeating: "c", count: 30)
        let commented = try #require(format("a {\n\(word)\(comment)\n}\n"))
        #expect(commented == "a {\n    \(comment)\n    \(word)\n}\n")
        #expect(format(commented) == commented)
        let shorter = String(repeating: "w", count: 988)
        let unindented = try #require(format("a {\n\(shorter) \(comment)\n}\n"))
        #expect(unindented == "a {\n\(shorter) \(comment)\n}\n", "indentation goes before the comment does")
        #expect(format(unindented) == unindented)
        let head = String(repeating: "y", count: 1021)
        #expect(format("\(head)\n{\n}\n") == "\(head)\n{\n}\n", "no `{` is joined past the limit")
    }

    @Test func isFormattedAnswersForKalint() {
        #expect(Formatter.isFormatted(Parser.parse(path: "t", text: "a {\n    b\n}\n")) == true)
        #expect(Formatter.isFormatted(Parser.parse(path: "t", text: "a { b }\n")) == false)
        #expect(Formatter.isFormatted(Parser.parse(path: "t", text: "a {\n")) == nil)
    }
}
