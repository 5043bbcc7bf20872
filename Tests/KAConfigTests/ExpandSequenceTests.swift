import Testing
@testable import KAConfig

/// The ~SEQ/~LST expectations were checked against keepalived 2.2.7 (`keepalived -t`, one
/// `Unknown keyword 'WORD'` per produced line).
@Suite("Expand: ~SEQ and ~LST")
struct ExpandSequenceTests {
    @Test func seqForms() {
        #expect(expandText("~SEQ(i,3) k$i\n").texts == ["k1", "k2", "k3"])
        #expect(expandText("~SEQ(i,-2) n$i\n").texts == ["n-1", "n-2"])
        #expect(expandText("~SEQ(i,0) z$i\n").texts == ["z1", "z0"])
        #expect(expandText("~SEQ(i, 5, 3) d$i\n").texts == ["d5", "d4", "d3"])
        #expect(expandText("~SEQ(i,0x10,-8,0) d$i\n").texts == ["d16", "d8", "d0"])
        #expect(expandText("~SEQ(i,010,011) o$i\n").texts == ["o8", "o9"])
        #expect(expandText("~SEQx(i,9,3,15) h$i\n").texts == ["h9", "hc", "hf"])
        #expect(expandText("~SEQ(i,2,2,2) one$i\n").texts == ["one2"])
    }

    @Test func seqParametersMayUseDefinitions() {
        #expect(expandText("$N=3\n~SEQ(i,${N}) k$i\n~SEQ(j,2,$N) m$j\n").texts == ["k1", "k2", "k3", "m2", "m3"])
    }

    @Test func invalidSeqSpecificationsAreReportedAndDropped() {
        let lines = [
            "~SEQ(i,3,0,5) bad", "~SEQ(i,5,1,3) bad", "~SEQx(i,-1,2) bad", "~SEQ(i,3 bad$i", "~SEQ(i) bad",
            "~SEQ(,3) bad", "~SEQ(i,3,4,5,6) bad", "~SEQUENCE bad", "~SEQ(i,a) bad",
        ]
        for line in lines {
            let (texts, config) = expandText(line + "\nnext\n")
            #expect(texts == ["next"], "\(line)")
            #expect(config.codes() == ["KA107"], "\(line)")
        }
    }

    @Test func invalidSeqMessagesNameKeepalivedsReason() {
        let (_, config) = expandText("~SEQ(i,3,0,5) bad\n~SEQx(i,-1,2) bad\n~SEQ(i,3 bad\n")
        let messages = config.diagnostics.map(\.message)
        #expect(messages[0].hasPrefix("Invalid ~SEQ values"))
        #expect(messages[1].hasPrefix("~SEQx is only valid for positive numbers"))
        #expect(messages[2].hasPrefix("~SEQ parameter strings too long"))
        #expect(config.diagnostics.map(\.line) == [1, 2, 3])
    }

    @Test func nestedSeqsAndBlocks() {
        let (texts, _) = expandText("~SEQ(i,2) ~SEQ(j,2) x${i}$j { y }\n")
        #expect(texts == ["x11", "{", "y", "}", "x12", "{", "y", "}", "x21", "{", "y", "}", "x22", "{", "y", "}"])
    }

    @Test func listForms() {
        let (texts, _) = expandText("~LST({a,b},{1,2},{3},4) k${a}_${b}\n~LST(v, p, q) w$v\n")
        #expect(texts == ["k1_2", "k3_", "k4_", "wp", "wq"])
    }

    @Test func listWithTooManyValuesIsReported() {
        let (texts, config) = expandText("~LST({a,b},{1,2,3}) z\n~LST(v p) z\nok\n")
        #expect(texts == ["ok"])
        #expect(config.codes() == ["KA107", "KA107"])
        #expect(config.diagnostics[0].message.hasPrefix("~LST specification has too many values"))
    }

    @Test func seqVariableStaysDefinedAfterwards() {
        #expect(expandText("~SEQ(i,2) a\nlast $i\n").texts == ["a", "a", "last 2"])
    }

    @Test func hugeSeqHitsTheLineLimit() {
        let (texts, config) = expandText("~SEQ(i,1000000000) k$i\n", options: ExpansionOptions(maxLogicalLines: 1000))
        #expect(texts.count == 1000)
        #expect(config.codes() == ["KA118"])
        let empty = expandText("~SEQ(i,100000000)\nend\n", options: ExpansionOptions(maxLogicalLines: 100))
        #expect(empty.config.codes() == ["KA118"])
    }

    /// A file's own lines are never more than its bytes; lines beyond both that and the
    /// allowance come from definitions or sequences that keep producing them (the format fuzz
    /// run's timeout: a 460-byte file read a million lines of braces, 16 s and 512 MB).
    @Test func generatedLinesStopAtTheAllowance() throws {
        let (texts, config) = expandText("~SEQ(i,1000000) k$i\n", options: ExpansionOptions(generatedLineAllowance: 500))
        #expect(texts.count == 501)
        #expect(config.codes() == ["KA118"])
        #expect(config.diagnostics[0].message.contains("at most 500, or four per byte read"))
        // A file of more lines than the allowance, all its own, is read to its end.
        let plain = String(repeating: "a\n", count: 800)
        #expect(expandText(plain, options: ExpansionOptions(generatedLineAllowance: 500)).config.codes().isEmpty)
        // A five-line template used on 200 lines: 1,000 lines from 640 bytes, under four a byte.
        let template = "$T=a\\\nb\\\nc\\\nd\\\ne\n" + String(repeating: "$T\n", count: 200)
        let used = expandText(template, options: ExpansionOptions(generatedLineAllowance: 500))
        #expect(used.texts.count == 1000)
        #expect(used.config.codes().isEmpty)
        // The format run's input, with the default allowance.
        let input = try String(contentsOfFile: RepoPaths.root.appendingPathComponent("Fuzz/Regressions/self-replaying-braces.conf").path, encoding: .isoLatin1)
        let replayed = expandText(input)
        #expect(replayed.config.codes().contains("KA118"))
        #expect(replayed.texts.count <= 32_769)
    }

    /// Long generated lines stop at the work budget before the line allowance: each line is
    /// charged its length, and again for each replacement made in it.
    @Test func generatedBytesStopAtTheBudget() {
        let (texts, config) = expandText("~SEQ(i,1000000) \(String(repeating: "x", count: 200)) $i\n", options: ExpansionOptions(maxGeneratedBytes: 20_000))
        #expect(config.codes() == ["KA118"])
        #expect(texts.count < 60)
        #expect(config.diagnostics[0].message.contains("bytes of lines were substituted, split or generated"))
    }

    /// The text after a brace is read again as a line of its own, with its substitutions: a line
    /// cut at many braces costs the square of its length, and the budget charges each pass (the
    /// format run's timeout: 1.4 KB replayed lines of braces and undefined `${` references, 0.78 s
    /// in kalint, 1.8 s in the fuzz harness; now 0.1 s).
    @Test func residuesAfterBracesAreChargedEachPass() throws {
        let braces = String(repeating: "a { } ", count: 133)
        let (texts, config) = expandText("~SEQ(i,1000) \(braces)\n", options: ExpansionOptions(maxGeneratedBytes: 1_000_000))
        #expect(config.codes() == ["KA118"])
        #expect(texts.count < 399 * 10)
        // The same line once is read to its end: its passes cost about 160 KB of the 1 MB.
        let once = expandText("\(braces)\n", options: ExpansionOptions(maxGeneratedBytes: 1_000_000))
        #expect(once.config.codes().isEmpty)
        #expect(once.texts.count == 399)
        let input = try String(contentsOfFile: RepoPaths.root.appendingPathComponent("Fuzz/Regressions/residue-substitution-work.conf").path, encoding: .isoLatin1)
        let replayed = expandText(input)
        #expect(replayed.config.codes().contains("KA118"))
        #expect(replayed.config.diagnostics.contains { $0.message.contains("bytes of lines were substituted, split or generated") })
    }

    /// An undefined `${` reference's text is shown up to its `}` or 64 bytes after the name; the
    /// quoting before it is read once for the line, not once for each `$`.
    @Test func undefinedReferencesOnALongLine() {
        let line = String(repeating: "${nope ", count: 100) + "}\n"
        let (_, config) = expandText(line)
        let undefined = config.diagnostics.filter { $0.rule.code == "KA113" }
        #expect(undefined.count == 100)
        #expect(undefined.allSatisfy { $0.message.utf8.count < 200 }, "\(undefined.first?.message ?? "")")
        #expect(expandText("\"${nope}\" ${nope}\n").config.diagnostics.filter { $0.rule.code == "KA113" }.count == 1)
    }

    @Test func seqAtTheEndOfTheRangeDoesNotOverflow() {
        #expect(expandText("~SEQ(i,9223372036854775806,1,9223372036854775807) k$i\n").texts.count == 2)
    }

    @Test func seqOriginsPointAtTheSeqLine() {
        let (_, config) = expandText("\n  ~SEQ(i,2) key v$i\n")
        let key = config.lines[1].words[0].origin
        #expect(key.line == 2 && key.column == 13 && key.byteRange == 13..<16 && !key.isSubstituted)
        let value = config.lines[1].words[1].origin
        #expect(value.line == 2 && value.column == 17 && value.isSubstituted && value.byteRange == nil)
    }
}
