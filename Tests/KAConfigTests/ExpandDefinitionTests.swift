import Testing
@testable import KAConfig

@Suite("Expand: definitions and substitution")
struct ExpandDefinitionTests {
    @Test func simpleDefinitionAndDelimiters() {
        let text = "$IF=eth0\ninterface $IF\na $IF,b\nc ($IF)\nd $IF.x\ne ${IF}.x\nf x${IF}y\n"
        #expect(expandText(text).texts == ["interface eth0", "a eth0,b", "c (eth0)", "d $IF.x", "e eth0.x", "f xeth0y"])
    }

    @Test func definitionRulesNameAndEquals() {
        // A blank before '=' makes it an ordinary line; blanks after '=' are skipped.
        let (texts, _) = expandText("$A =1\n$B=   two words\nx $B\n$1X=3\n")
        #expect(texts == ["$A =1", "x two words", "$1X=3"])
    }

    @Test func valuesExpandRecursivelyAtUseTime() {
        let (texts, _) = expandText("$A=${B}-x\n$B=1\nk $A\n$B=2\nk $A\n")
        #expect(texts == ["k 1-x", "k 2-x"])
    }

    @Test func undefinedReferencesStayAndBracesSplit() {
        let (texts, config) = expandText("foo${NOPE}bar x\n\"${NOPE}\" y\nz $NOPE\n")
        #expect(texts == ["foo$", "{", "NOPE", "}", "bar x", "\"${NOPE}\" y", "z $NOPE"])
        let undefined = config.expansionDiagnostics(SyntaxRules.undefinedParameter)
        #expect(undefined.count == 1)
        #expect(undefined.first?.line == 1 && undefined.first?.column == 4)
    }

    /// `${V }` (blank, no parameters) is accepted but only `${V ` is replaced (verified with
    /// keepalived -t: `kw1 ${V }z` gives `kw1 x`, then `}` and `z`).
    @Test func braceReferenceWithTrailingBlank() {
        #expect(expandText("$V=x\nkw1 ${V }z\n").texts == ["kw1 x", "}", "z"])
    }

    @Test func multiLineDefinitionReplaysLineByLine() {
        let text = """
            $BLOCK=\\
              virtual_ipaddress { \\
                 192.0.2.1   # a comment \\
              }
            vrrp_instance A {
              $BLOCK
            }
            x $BLOCK y
            """
        let (texts, config) = expandText(text + "\n")
        #expect(texts == ["vrrp_instance A", "{", "virtual_ipaddress", "{", "192.0.2.1", "}", "}", "x $BLOCK y"])
        let replayed = config.lines[4].words[0].origin
        #expect(replayed.isSubstituted && replayed.line == 6 && replayed.column == 3 && replayed.byteRange == nil)
    }

    @Test func multiLineDefinitionEndsAtEmptyLineAndSkipsCommentLines() {
        let text = "$M=\\\na \\\n# comment only\n   \nb \\\n\nc\nuse $M\n"
        let (texts, config) = expandText(text)
        #expect(texts == ["c", "use a", "b"])
        // keepalived's children see those two lines as empty lines, which end the definition
        // (verified: a child reports "Unknown keyword 'b\\'").
        #expect(config.codes() == ["KA119", "KA119"])
        #expect(config.diagnostics.map(\.line) == [3, 4])
    }

    /// A trailing `\` inside a comment still continues a definition (verified with keepalived -t).
    @Test func backslashInCommentContinuesDefinition() {
        #expect(expandText("$X=a # c \\\nb\n$X\nafter\n").texts == ["a", "b", "after"])
    }

    @Test func nestedMultiLineReferences() {
        let text = "$IN=\\\ni1 \\\ni2\n$OUT=\\\no1 \\\n$IN\n$OUT\nend\n"
        #expect(expandText(text).texts == ["o1", "i1", "i2", "end"])
    }

    @Test func hashAndBangStartCommentsAfterSubstitution() {
        let (texts, _) = expandText("$OFF=${_HASH}\n$OFF kw 1\nkw2 a${_BANG}b\n\"${_HASH}\" q\n")
        #expect(texts == ["kw2 a", "\"#\" q"])
    }

    /// In 2.2.7 a line whose `@id` comes from substitution is checked again (verified).
    @Test func substitutedConditionalIsRechecked() {
        let text = "$IF=@vm\n$IF kw1\n$NIF=@other\n$NIF kw2\n"
        #expect(expandText(text, options: ExpansionOptions(configID: "vm")).texts == ["kw1"])
    }

    @Test func conditionalDefinition() {
        let text = "@a $P=1\n@^a $P=2\np $P\n"
        #expect(expandText(text, options: ExpansionOptions(configID: "a")).texts == ["p 1"])
        #expect(expandText(text, options: ExpansionOptions(configID: "b")).texts == ["p 2"])
    }

    @Test func builtins() {
        let options = ExpansionOptions(configID: "node1", workingDirectory: "/work")
        let files = ["/etc/keepalived/keepalived.conf": "i ${_INSTANCE}\np ${_PWD}\ninclude sub/x.conf\n", "/etc/keepalived/sub/x.conf": "q $_PWD\n"]
        #expect(expandInMemory(files, options: options).texts == ["i node1", "p /etc/keepalived", "q /etc/keepalived/sub"])
        let relative = expandInMemory(["k.conf": "p ${_PWD}\n"], root: "k.conf", options: options)
        #expect(relative.texts == ["p /work"])
    }

    @Test func randomIsDeterministicAndInRange() {
        let text = String(repeating: "r ${_RANDOM 3 7}\n", count: 50) + "s ${_RANDOM}\n"
        let first = expandText(text, options: ExpansionOptions(randomSeed: 42)).texts
        #expect(first == expandText(text, options: ExpansionOptions(randomSeed: 42)).texts)
        #expect(first != expandText(text, options: ExpansionOptions(randomSeed: 43)).texts)
        let values = first.dropLast().map { Int($0.dropFirst(2))! }
        #expect(values.allSatisfy { (3...7).contains($0) })
        #expect(Set(values).count > 1)
        #expect(Int(first.last!.dropFirst(2)).map { (0...32767).contains($0) } == true)
    }

    /// 2.2.7 moves too few bytes when `${NAME params}` shrinks (verified: `include_check
    /// ${_RANDOM 1 5} abc` shows words `N`, `_RANDOM`, `1`, `5` then `}` and `abc`).
    @Test func randomWithParametersMidLineLeavesOldText() {
        let (texts, _) = expandText("k ${_RANDOM 1 1} abc\nend ${_RANDOM 2 2}\n")
        #expect(texts == ["k 1 _RANDOM 1 1", "}", "abc", "end 2"])
    }

    /// `${_RANDOM 6 5}` crashes keepalived 2.2.7 with SIGFPE (verified: exit 136).
    @Test func randomDivisionByZeroIsReported() {
        let (_, config) = expandText("k ${_RANDOM 6 5}\n")
        #expect(config.expansionDiagnostics(SyntaxRules.invalidDefinition).count == 1)
    }

    @Test func randomParametersOnlyForRandom() {
        #expect(expandText("$V=x\nk ${V 1}\n").texts == ["k $", "{", "V 1", "}"])
    }

    @Test func substitutionTooLongStopsSubstituting() {
        let long = String(repeating: "x", count: 600)
        let (texts, config) = expandText("$L=\(long)\nk $L $L\n")
        #expect(texts == ["k \(long) $L"])
        #expect(config.expansionDiagnostics(SyntaxRules.substitutionTooLong).count == 1)
    }

    /// `$A=$A` makes keepalived 2.2.7 loop for ever (verified: -t times out); we stop and report.
    @Test func selfReferenceIsReportedNotHung() {
        let (_, config) = expandText("$A=$A\nfoo $A\n")
        #expect(config.expansionDiagnostics(SyntaxRules.invalidDefinition).count == 1)
    }

    @Test func selfReplayingDefinitionHitsTheLimit() {
        let (texts, config) = expandText("$M=\\\na \\\n$M\n$M\n", options: ExpansionOptions(maxLogicalLines: 100))
        #expect(texts.count == 100)
        #expect(config.expansionDiagnostics(SyntaxRules.expansionLimit).count == 1)
    }

    @Test func valueStartingWithTildeBecomesASequence() {
        #expect(expandText("$S=~SEQ(i,2)\n$S k$i\n").texts == ["k1", "k2"])
    }
}
