import Testing
@_spi(Benchmark) @testable import KAConfig

/// A chunk keeps its plain words packed: a text index, and an origin whose file it keeps once per
/// run of words from one file. Every word must read back as it was made.
@Suite("WordChunk: packed words read back whole")
struct WordChunkTests {
    static func word(_ text: String, _ file: String, line: Int, column: Int, bytes: Range<Int>?) -> ExpandedWord {
        ExpandedWord(text: text, origin: Origin(file: file, line: line, column: column, byteRange: bytes))
    }

    static func chunk(_ words: [ExpandedWord]) -> WordChunk {
        var arena = WordArena()
        for word in words { arena.appendWord(text: arena.addText(word.text), origin: word.origin) }
        return WordChunk(arena)
    }

    /// Origins of every form: no byte range, a range too long to keep, substituted, quoted, a
    /// saturated column, a large line.
    @Test func everyOriginFormReadsBack() {
        var substituted = Origin(file: "/c/a.conf", line: 3, column: 4, byteRange: 10..<12)
        substituted.isSubstituted = true
        let origins = [
            Origin(file: "/c/a.conf", line: 1, column: 1, byteRange: 0..<5),
            Origin(file: "/c/a.conf", line: 2, column: 1),
            Origin(file: "/c/a.conf", line: 7, column: 2, byteRange: 100..<70_000),
            substituted,
            Origin(file: "/c/a.conf", line: 4_000_000, column: 20_000, byteRange: 5_000_000..<5_000_003),
        ]
        var words = origins.enumerated().map { ExpandedWord(text: "w\($0.offset)", origin: $0.element) }
        words.append(ExpandedWord(text: "a b", isQuoted: true, origin: origins[0]))
        let chunk = Self.chunk(words)
        for (index, word) in words.enumerated() {
            #expect(chunk.word(index) == word)
            #expect(chunk.word(index).isQuoted == word.isQuoted)
            #expect(chunk.origin(index).columnAndFlags == word.origin.columnAndFlags)
            #expect(chunk.origin(index).isSubstituted == word.origin.isSubstituted)
        }
    }

    /// Words from several files in one chunk (an include in the middle, then the rest of the
    /// first file): each keeps its file, at every run's edge.
    @Test func wordsOfSeveralFilesKeepTheirFiles() {
        let files = ["/c/main.conf", "/c/inc.conf", "/c/main.conf", "/c/other.conf"]
        var words: [ExpandedWord] = []
        for (run, file) in files.enumerated() {
            for index in 0..<(run + 1) {
                words.append(Self.word("r\(run)w\(index)", file, line: run * 10 + index + 1, column: 1, bytes: index..<(index + 4)))
            }
        }
        let chunk = Self.chunk(words)
        #expect((0..<words.count).map { chunk.word($0) } == words)
        #expect((0..<words.count).map { chunk.origin($0).file } == words.map(\.origin.file))
        let one = Self.chunk(Array(words.prefix(1)))
        #expect(one.word(0) == words[0] && !one.isEmpty)
        #expect(Self.chunk([]).isEmpty)
    }

    /// A rolled-back line takes its file runs with it: a later word of another file starts a new run.
    @Test func removedWordsTakeTheirRunsWithThem() {
        var arena = WordArena()
        let first = Self.word("a", "/c/main.conf", line: 1, column: 1, bytes: 0..<1)
        let included = Self.word("b", "/c/inc.conf", line: 1, column: 1, bytes: 0..<1)
        arena.appendWord(text: arena.addText("a"), origin: first.origin)
        arena.appendWord(text: arena.addText("b"), origin: included.origin)
        #expect(arena.fileRuns.count == 2)
        arena.removeWords(from: 1)
        #expect(arena.fileRuns.count == 1 && arena.wordCount == 1)
        arena.appendWord(text: 1, origin: included.origin)
        arena.appendWord(text: 0, origin: first.origin)
        #expect(arena.fileRuns.map(\.firstWord) == [0, 1, 2])
        arena.removeWords(from: 0)
        #expect(arena.fileRuns.isEmpty && arena.wordCount == 0)
        arena.appendWord(text: 1, origin: included.origin)
        let chunk = WordChunk(arena)
        #expect(chunk.word(0) == included)
    }

    /// Through the whole pipeline: an include between plain lines, and the words after it.
    @Test func analysedWordsKeepTheirFilesAcrossAnInclude() {
        let main = "global_defs {\n router_id a\n}\ninclude /c/inc.conf\nvrrp_script s {\n script /bin/true\n}\n"
        let included = "vrrp_script t {\n interval 2\n}\n"
        let tree = BinderTestSupport.bind(main, path: "/c/main.conf", others: ["/c/inc.conf": included]).tree
        let files = tree.statements.map { statement in Set(statement.words.map(\.origin.file)) }
        let keywords = tree.statements.map(\.keyword)
        #expect(keywords == ["global_defs", "router_id", "vrrp_script", "interval", "vrrp_script", "script"])
        #expect(files == [["/c/main.conf"], ["/c/main.conf"], ["/c/inc.conf"], ["/c/inc.conf"], ["/c/main.conf"], ["/c/main.conf"]])
        #expect(tree.statements.map { $0.words[0].origin.line } == [1, 2, 1, 2, 5, 6])
    }

    /// A word's line is kept as an offset from its run's first line in 16 bits: a line before the
    /// run's first, or 65,535 or more after it, is kept whole beside the chunk. Each reads back,
    /// also after a rollback that removed some of the whole ones.
    @Test func linesFarFromTheRunsFirstReadBack() {
        let lines = [100, 101, 5, 100 + 65_534, 100 + 65_535, 1_000_100, 102, 4]
        var words = lines.enumerated().map { Self.word("w\($0.offset)", "/c/a.conf", line: $0.element, column: 1, bytes: $0.offset..<($0.offset + 2)) }
        #expect((0..<words.count).map { Self.chunk(words).word($0) } == words)
        var arena = WordArena()
        for word in words { arena.appendWord(text: arena.addText(word.text), origin: word.origin) }
        #expect(arena.wideWords.map(\.word) == [2, 4, 5, 7])
        arena.removeWords(from: 5)
        #expect(arena.wideWords.map(\.word) == [2, 4])
        words.removeSubrange(5...)
        let tail = Self.word("t", "/c/a.conf", line: 3, column: 2, bytes: 50..<51)
        arena.appendWord(text: arena.addText(tail.text), origin: tail.origin)
        words.append(tail)
        let chunk = WordChunk(arena)
        #expect((0..<words.count).map { chunk.word($0) } == words)
        #expect((0..<words.count).map { chunk.origin($0) } == words.map(\.origin))
    }

    /// More than 65,534 distinct texts in one chunk: the indices past 16 bits are kept whole.
    @Test func textIndicesPastSixteenBitsReadBack() {
        var arena = WordArena()
        let count = 70_000
        var words: [ExpandedWord] = []
        for index in 0..<count {
            let word = Self.word("t\(index)", "/c/a.conf", line: index / 8 + 1, column: index % 8 + 1, bytes: index..<(index + 1))
            arena.appendWord(text: arena.addText(word.text), origin: word.origin)
            words.append(word)
        }
        // Words that take earlier texts again, on both sides of the limit.
        for text in [0, 65_534, 65_535, 69_999, 7] {
            let word = Self.word("t\(text)", "/c/b.conf", line: 9, column: 3, bytes: 5..<6)
            arena.appendWord(text: UInt32(text), origin: word.origin)
            words.append(word)
        }
        #expect(arena.text(65_535) == "t65535" && arena.text(count + 3) == "t69999" && arena.text(count + 4) == "t7")
        let chunk = WordChunk(arena)
        #expect((0..<words.count).allSatisfy { chunk.word($0) == words[$0] })
        #expect(chunk.word(69_999).text == "t69999" && chunk.origin(69_999).line == 69_999 / 8 + 1)
    }

    /// Through the whole analysis, on the threads of a large file and on one thread: a statement
    /// 70,000 comment lines after its block's first, and 500 lines of 140 distinct words each
    /// (70,000 texts in one chunk; keepalived reads at most 1,022 bytes a line).
    @Test(arguments: [false, true])
    func analysedWordsFarApartReadBack(sequential: Bool) {
        let rows = 500
        let perRow = 140
        var text = "global_defs {\n router_id first\n" + String(repeating: "# c\n", count: 70_000) + " router_id last\n"
        for row in 0..<rows {
            text += " router_id " + (0..<perRow).map { "w\(row * perRow + $0)" }.joined(separator: " ") + "\n"
        }
        text += "}\n"
        let analysis = sequential
            ? Analyzer.analyzeSequentially(path: "/c/far.conf", text: text)
            : Analyzer.analyze(path: "/c/far.conf", text: text)
        let statements = analysis.bound.tree.statements.filter { $0.keyword == "router_id" }
        #expect(statements.count == rows + 2)
        guard statements.count == rows + 2 else { return }
        #expect(statements[1].words[1].text == "last" && statements[1].words[1].origin.line == 70_003)
        #expect(statements[1].words[1].origin.column == 12)
        var mismatches = 0
        for row in 0..<rows {
            let words = statements[row + 2].words
            guard words.count == perRow + 1 else {
                mismatches += 1
                continue
            }
            for index in 0..<perRow where words[index + 1].text != "w\(row * perRow + index)" || words[index + 1].origin.line != 70_004 + row {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }
    /// A word's first byte is kept as an offset from its group's base (one per 256 words) in 16
    /// bits: a byte before the base, 65,535 or more after it, or none at all is kept whole beside
    /// the chunk, and so is a length that is not its text's (quoted, repaired). Each reads back,
    /// at the groups' edges and after a rollback across one.
    @Test func bytesFarFromTheGroupsBaseAndOddLengthsReadBack() {
        let file = "/c/a.conf"
        var words: [ExpandedWord] = []
        // Group 0 (base 1,000): before the base, the last offset that fits, the first that does not.
        for (index, start) in [1_000, 999, 1_000 + 65_534, 1_000 + 65_535, 1_010].enumerated() {
            words.append(Self.word("b\(index)", file, line: 1, column: index + 1, bytes: start..<(start + 2)))
        }
        words.append(ExpandedWord(text: "no byte", origin: Origin(file: file, line: 2, column: 1)))
        words.append(ExpandedWord(text: "a b", isQuoted: true, origin: Origin(file: file, line: 3, column: 1, byteRange: 1_020..<1_025)))
        words.append(Self.word("é", file, line: 3, column: 7, bytes: 1_026..<1_028))
        words.append(Self.word("\u{FFFD}", file, line: 3, column: 9, bytes: 1_028..<1_029))
        while words.count < 300 {
            let start = 2_000 + words.count * 3
            words.append(Self.word("w\(words.count)", file, line: 4 + words.count, column: 1, bytes: start..<(start + "w\(words.count)".utf8.count)))
        }
        // Group 1 starts at word 256 with its own base: a byte before group 0's base fits there.
        words[256] = Self.word("g1", file, line: 500, column: 1, bytes: 100..<102)
        words[257] = Self.word("g1b", file, line: 500, column: 4, bytes: 103..<106)
        var arena = WordArena()
        for word in words { arena.appendWord(text: arena.addText(word.text), origin: word.origin) }
        #expect(arena.wideWords.map(\.word) == [1, 3, 5, 6, 8])
        #expect(arena.byteBases == [1_000, 100])
        let chunk = WordChunk(arena)
        #expect((0..<words.count).allSatisfy { chunk.word($0) == words[$0] && chunk.origin($0) == words[$0].origin })
        #expect(chunk.word(6).isQuoted && chunk.origin(5).byteRange == nil && chunk.origin(257).byteRange == 103..<106)

        // Rolled back to word 200: group 1 and its base go; the words appended next start it again.
        arena.removeWords(from: 200)
        words.removeSubrange(200...)
        #expect(arena.byteBases == [1_000] && arena.wideWords.map(\.word) == [1, 3, 5, 6, 8])
        for index in 200..<260 {
            let word = Self.word("r\(index)", "/c/b.conf", line: 7, column: 1, bytes: (index * 10)..<(index * 10 + "r\(index)".utf8.count))
            arena.appendWord(text: arena.addText(word.text), origin: word.origin)
            words.append(word)
        }
        #expect(arena.byteBases == [1_000, 2_560])
        let again = WordChunk(arena)
        #expect((0..<words.count).allSatisfy { again.word($0) == words[$0] && again.origin($0) == words[$0].origin })
    }
}
