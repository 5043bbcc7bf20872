import Testing
@testable import KAConfig

@Suite("Expand: origins")
struct ExpandOriginTests {
    @Test func literalWordsKeepExactRanges() {
        let text = "vrrp_instance VI_1 {\n\tstate \"MASTER\"   # c\n    a\\#b }\n"
        let (_, config) = expandText(text)
        let lines = config.lines
        #expect(lines.map(\.text) == ["vrrp_instance VI_1", "{", "state \"MASTER\"", "a#b", "}"])
        let name = lines[0].words[1].origin
        #expect(name.line == 1 && name.column == 15 && name.byteRange == 14..<18)
        #expect(lines[1].origin.column == 20 && lines[1].origin.byteRange == 19..<20)
        let quoted = lines[2].words[1].origin
        #expect(quoted.line == 2 && quoted.column == 8 && quoted.byteRange == 28..<36)
        // `a\#b`: the escape is removed from the text, the range still covers the source.
        let escaped = lines[3].words[0].origin
        #expect(escaped.line == 3 && escaped.column == 5 && escaped.byteRange == 47..<51 && !escaped.isSubstituted)
        #expect(lines[4].origin.line == 3 && lines[4].origin.column == 10)
        #expect(lines.allSatisfy { $0.origin.file == "/etc/keepalived/keepalived.conf" })
    }

    @Test func substitutedWordsPointAtTheReference() {
        let (_, config) = expandText("$V=eth0 eth1\nx  dev${V} y\n")
        let words = config.lines[0].words
        #expect(words.map(\.text) == ["x", "deveth0", "eth1", "y"])
        #expect(words[1].origin.column == 4 && words[1].origin.isSubstituted && words[1].origin.byteRange == nil)
        // A word made only of the value: at the `$`.
        #expect(words[2].origin.column == 7 && words[2].origin.isSubstituted)
        #expect(words[3].origin.column == 12 && !words[3].origin.isSubstituted && words[3].origin.byteRange == 24..<25)
    }

    @Test func substitutionProducingBracesAndMoreWords() {
        let (_, config) = expandText("$B=blk { inner }\n  $B\n")
        #expect(config.lines.map(\.text) == ["blk", "{", "inner", "}"])
        #expect(config.lines.allSatisfy { $0.origin.line == 2 && $0.origin.column == 3 && $0.origin.isSubstituted })
    }

    @Test func spanOfOrigin() {
        let (_, config) = expandText("ab cd\n")
        let span = config.lines[0].words[1].origin.span
        #expect(span.start == SourceLocation(line: 1, column: 4) && span.end == SourceLocation(line: 1, column: 6))
    }
}
