import Testing

/// Malformed inputs built in code, each with the diagnostics the parser must give and where.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    /// A diagnostic code at a line; `count` (when set) is how many of that code the input must give.
    struct Finding: Sendable, Hashable {
        var code: String
        var line: Int
        var count: Int? = nil
    }

    var name: String
    var bytes: [UInt8]
    var expected: [Finding]
    /// True: the distinct (code, line) pairs found must be exactly `expected`. False (big inputs):
    /// they must include `expected`, and codes with a `count` must occur that often.
    var exact = true
    /// Set when the parser is known to miss this case today (the test then expects the miss and
    /// fails once the parser is fixed, so the note gets removed).
    var knownIssue: String? = nil

    var testDescription: String { name }

    init(_ name: String, _ text: String, _ expected: [Finding], exact: Bool = true, knownIssue: String? = nil) {
        self.init(name, Array(text.utf8), expected, exact: exact, knownIssue: knownIssue)
    }

    init(_ name: String, _ bytes: [UInt8], _ expected: [Finding], exact: Bool = true, knownIssue: String? = nil) {
        self.name = name
        self.bytes = bytes
        self.expected = expected
        self.exact = exact
        self.knownIssue = knownIssue
    }
}

/// Shorthands for the KA1xx codes the parser gives.
private func unterminatedQuote(_ line: Int) -> MalformedCase.Finding { .init(code: "KA101", line: line) }
private func extraClose(_ line: Int, count: Int? = nil) -> MalformedCase.Finding { .init(code: "KA102", line: line, count: count) }
private func missingClose(_ line: Int, count: Int? = nil) -> MalformedCase.Finding { .init(code: "KA103", line: line, count: count) }
private func lineTooLong(_ line: Int) -> MalformedCase.Finding { .init(code: "KA104", line: line) }
private func embeddedNul(_ line: Int) -> MalformedCase.Finding { .init(code: "KA105", line: line) }
private func bareOpen(_ line: Int) -> MalformedCase.Finding { .init(code: "KA106", line: line) }
private func continuation(_ line: Int) -> MalformedCase.Finding { .init(code: "KA111", line: line) }
private func emptyConditional(_ line: Int) -> MalformedCase.Finding { .init(code: "KA112", line: line) }

/// Deterministic pseudo-random bytes (a 64-bit LCG), so a failure reproduces.
func junkBytes(count: Int, seed: UInt64, excluding excluded: Set<UInt8> = []) -> [UInt8] {
    var state = seed
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count)
    while bytes.count < count {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        let byte = UInt8(truncatingIfNeeded: state >> 56)
        if !excluded.contains(byte) { bytes.append(byte) }
    }
    return bytes
}

enum MalformedCatalogue {
    static let structural: Set<UInt8> = [0x00, 0x0A, 0x22, 0x7B, 0x7D, 0x23, 0x21, 0x40, 0x24, 0x7E, 0x5C]

    static let cases: [MalformedCase] = braces + quotes + lineReader + prefixes + encodings + big

    static let braces: [MalformedCase] = [
        MalformedCase("stray close brace", "global_defs {\n}\n}\n", [extraClose(3)]),
        MalformedCase("stray close brace after a comment line", "! only a comment\n}\n", [extraClose(2)]),
        MalformedCase("stray close brace with a trailing comment", "} # leftover\n", [extraClose(1)]),
        MalformedCase("three close braces on one line", "}}}\n", [extraClose(1, count: 3)]),
        MalformedCase("close then open on one line", "}{\n", [extraClose(1), bareOpen(1), missingClose(1)]),
        MalformedCase("missing close brace", "vrrp_instance VI_1 {\n    state MASTER\n", [missingClose(1)]),
        MalformedCase(
            "missing close brace of the outer block", "vrrp_instance VI_1 {\n    virtual_ipaddress {\n        192.0.2.1\n    }\n",
            [missingClose(1)]),
        MalformedCase("missing close brace, no final newline", "global_defs {\n    router_id a", [missingClose(1)]),
        MalformedCase("open brace with no keyword", "{\n}\n", [bareOpen(1)]),
        MalformedCase("open brace with no keyword inside a block", "global_defs {\n    {\n    }\n}\n", [bareOpen(2)]),
        MalformedCase("open brace with no keyword, never closed", "{\n", [bareOpen(1), missingClose(1)]),
        MalformedCase(
            "two extra open braces on a keyword line", "vrrp_instance VI_1 { { {\n",
            [bareOpen(1), missingClose(1, count: 3)]),
        MalformedCase("brace hidden in a comment", "# vrrp_instance VI_1 {\n! }\n}\n", [extraClose(3)]),
        MalformedCase("comment character inside a word hides the brace", "vrrp_instance VI#1 {\n}\n", [extraClose(2)]),
        MalformedCase("keyword block closed twice", "vrrp_instance VI_1 {\n}\n}\n}\n", [extraClose(3), extraClose(4)]),
    ]

    static let quotes: [MalformedCase] = [
        MalformedCase("unterminated quote", "vrrp_script chk {\n    script \"/bin/true\n}\n", [unterminatedQuote(2)]),
        MalformedCase("unterminated quote at end of file", "notify \"/usr/bin/logger", [unterminatedQuote(1)]),
        MalformedCase("lone double quote", "\"\n", [unterminatedQuote(1)]),
        MalformedCase(
            "unterminated quote swallows an open brace", "notify \"a { b\n}\n", [unterminatedQuote(1), extraClose(2)]),
        MalformedCase("closed quote keeps its brace literal", "notify \"a { b\"\n}\n", [extraClose(2)]),
        MalformedCase("three quotes on a line", "script \"a\" \"b\n", [unterminatedQuote(1)]),
    ]

    static let lineReader: [MalformedCase] = [
        MalformedCase("NUL byte in a word", "global_defs {\n    router_id a\u{0}b\n}\n", [embeddedNul(2)]),
        MalformedCase("NUL byte alone", [0], [embeddedNul(1)]),
        MalformedCase("NUL byte inside quotes", "notify \"a\u{0}b\"\n", [embeddedNul(1)]),
        MalformedCase("NUL byte in a comment", "# a\u{0}b\nglobal_defs {\n}\n", [embeddedNul(1)]),
        MalformedCase("line of 1023 bytes", "!" + String(repeating: "x", count: 1022) + "\n", [lineTooLong(1)]),
        MalformedCase(
            "long line then a stray brace", "router_id " + String(repeating: "a", count: 2000) + "\n}\n",
            [lineTooLong(1), extraClose(2)]),
        MalformedCase("2000 close braces on one line", String(repeating: "}", count: 2000), [lineTooLong(1), extraClose(1, count: 2000)]),
        MalformedCase("trailing backslash outside a definition", "global_defs {\n    router_id a\\\n}\n", [continuation(2)]),
        MalformedCase(
            "trailing backslash on the last line", "router_id a\\", [continuation(1)]),
    ]

    static let prefixes: [MalformedCase] = [
        MalformedCase("lone @id", "@node1\n", [emptyConditional(1)]),
        MalformedCase("lone @^id", "global_defs {\n@^node2\n}\n", [emptyConditional(2)]),
        MalformedCase("lone @ at end of file", "@", [emptyConditional(1)]),
        MalformedCase("@id right before a comment", "@node1# nothing\n", [emptyConditional(1)]),
        // A `$NAME=` value ending in `\` takes the next line, `}` included: the block stays open.
        MalformedCase("definition continuation swallows a close brace", "global_defs {\n$X=a \\\n}\n", [missingClose(1)]),
        MalformedCase(
            "endless definition continuation", "global_defs {\n$X=a \\\n" + String(repeating: "b \\\n", count: 10_000) + "}\n",
            [missingClose(1)]),
        // An unclosed `~SEQ(` prefix runs to the end of its line, `}` included.
        MalformedCase("unclosed ~SEQ( swallows a close brace", "vrrp_instance VI {\n~SEQ(i,1,3 }\n", [missingClose(1)]),
        MalformedCase("unclosed ~LST( inside a block", "global_defs {\n~LST(a,x,y router_id $a }\n", [missingClose(1)]),
        // An include operand is one raw pattern: the brace of a glob alternation is not a block brace.
        MalformedCase(
            "include pattern holds a close brace", "global_defs {\ninclude /etc/keepalived/{a,b}.conf }\n", [missingClose(1)]),
        MalformedCase(
            "10,000 include lines in an unclosed block",
            "global_defs {\n" + (1...10_000).map { "include /etc/keepalived/conf.d/\($0).conf\n" }.joined(),
            [missingClose(1)]),
    ]

    static let encodings: [MalformedCase] = [
        MalformedCase(
            "invalid UTF-8 then a stray brace", Array("global_defs {\n    router_id ".utf8) + [0xFF, 0xFE, 0xC3, 0x28] + Array("\n}\n}\n".utf8),
            [extraClose(4)]),
        MalformedCase("invalid UTF-8 in an unterminated quote", Array("notify \"".utf8) + [0xC3, 0x28, 0x80], [unterminatedQuote(1)]),
        MalformedCase("byte order mark then a stray brace", "\u{FEFF}global_defs {\n}\n}\n", [extraClose(3)]),
        MalformedCase("CRLF line ends", "global_defs {\r\n    router_id a\r\n}\r\n}\r\n", [extraClose(4)]),
        MalformedCase("CRLF with an unterminated quote", "notify \"x\r\n}\r\n", [unterminatedQuote(1), extraClose(2)]),
        MalformedCase("lone CR is not a line end", "global_defs {\r    router_id a\r}\r}\r", [extraClose(1)]),
        MalformedCase(
            "tabs, form feeds and vertical tabs as blanks", "global_defs\t{\u{0C}\n\trouter_id\ta\u{0B}\n}\u{0C}}\n",
            [extraClose(3)]),
        MalformedCase("only comments, then a stray brace", "# one\n! two\n#{\n}\n", [extraClose(4)]),
        MalformedCase("blank lines then a missing brace", "\n\n\t\n \nvrrp_sync_group G {\n", [missingClose(5)]),
        MalformedCase(
            "binary junk without structure bytes, then a stray brace",
            junkBytes(count: 4096, seed: 7, excluding: structural) + Array("\n}\n".utf8), [lineTooLong(1), extraClose(2)]),
        MalformedCase(
            "binary junk lines with a NUL", junkBytes(count: 500, seed: 11, excluding: structural) + [0x0A, 0x00, 0x0A],
            [embeddedNul(2)]),
    ]

    static let big: [MalformedCase] = [
        MalformedCase("10 MB single line", "router_id " + String(repeating: "a", count: 10_000_000), [lineTooLong(1)]),
        MalformedCase(
            "10,000 nested open braces", String(repeating: "a {\n", count: 10_000),
            [missingClose(1, count: 10_000), missingClose(10_000)], exact: false),
        MalformedCase(
            "10,000 close braces", String(repeating: "}\n", count: 10_000),
            [extraClose(1, count: 10_000), extraClose(10_000)], exact: false),
        MalformedCase(
            "10,000 nested blocks closed once too often",
            String(repeating: "a {\n", count: 10_000) + String(repeating: "}\n", count: 10_001), [extraClose(20_001)]),
        MalformedCase(
            "10,000 bare open braces", String(repeating: "{", count: 10_000) + "\n",
            [bareOpen(1), missingClose(1, count: 10_000), lineTooLong(1)]),
    ]
}
