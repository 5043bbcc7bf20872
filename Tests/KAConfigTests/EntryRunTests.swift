import Testing
@testable import KAConfig

/// A plain value block's entries are kept as a run of words in the statement's block field
/// (`EntryRun`), with no box: they read back as the lines they were, and every case a cut by
/// line would not give back keeps the box.
@Suite struct EntryRunTests {
    static func statement(_ keyword: String, in text: String) -> BoundStatement? {
        Analyzer.analyze(path: "/t/k.conf", text: text).bound.tree.statements.first { $0.keyword == keyword }
    }

    static func lines(_ entries: [WordList]) -> [String] { entries.map { $0.map(\.text).joined(separator: " ") } }

    static let instance = """
        vrrp_instance VI_1 {
            interface eth0
            virtual_router_id 51
            priority 100
            virtual_ipaddress {
                192.0.2.10/24 dev eth0 label eth0:1
                192.0.2.11/24
                2001:db8::1/64
            }
            track_script {
                chk_a weight 10
            }
            virtual_ipaddress_excluded { 192.0.2.20/24 }
        }

        """

    @Test func plainValueBlocksHoldARunAndReadBackTheirLines() throws {
        let addresses = try #require(Self.statement("virtual_ipaddress", in: Self.instance))
        #expect(addresses.rare == nil && addresses.storedBlock < -1 && addresses.block == nil)
        #expect(Self.lines(addresses.entries) == ["192.0.2.10/24 dev eth0 label eth0:1", "192.0.2.11/24", "2001:db8::1/64"])
        #expect(addresses.entries.map { $0[0].origin.line } == [6, 7, 8])
        let scripts = try #require(Self.statement("track_script", in: Self.instance))
        #expect(scripts.rare == nil && Self.lines(scripts.entries) == ["chk_a weight 10"])
        // Braces on the keyword's line: the entry follows a `{` word.
        let excluded = try #require(Self.statement("virtual_ipaddress_excluded", in: Self.instance))
        #expect(Self.lines(excluded.entries) == ["192.0.2.20/24"])
        // An empty block has no entries and needs no run.
        let empty = try #require(Self.statement("virtual_ipaddress", in: "vrrp_instance V {\n virtual_ipaddress {\n }\n}\n"))
        #expect(empty.entries.isEmpty && empty.storedBlock == -1 && empty.rare == nil)
    }

    /// Changing a statement's words, block or entries keeps what it had: the run moves into the box.
    @Test func changesKeepTheEntries() throws {
        let bound = try #require(Self.statement("virtual_ipaddress", in: Self.instance))
        let lines = Self.lines(bound.entries)
        var moved = bound
        moved.block = 7
        #expect(moved.block == 7 && Self.lines(moved.entries) == lines)
        var rewritten = bound
        rewritten.words = WordList([ExpandedWord(text: "virtual_ipaddress", origin: bound.words[0].origin)])
        #expect(rewritten.block == nil && Self.lines(rewritten.entries) == lines)
        var replaced = bound
        replaced.entries = [bound.entries[1]]
        #expect(Self.lines(replaced.entries) == ["192.0.2.11/24"] && replaced.block == nil)
        var cleared = bound
        cleared.entries = []
        #expect(cleared.entries.isEmpty && cleared.block == nil)
    }

    /// What a cut by line would not give back is refused: another array, a gap, an empty entry,
    /// an entry over two lines, two entries on one line. On a line's own words and on a chunk of
    /// packed words alike.
    @Test(arguments: [false, true])
    func runsThatALineCutWouldNotGiveBackAreRefused(packed: Bool) {
        func word(_ text: String, line: Int) -> ExpandedWord {
            ExpandedWord(text: text, origin: Origin(file: "/t/k.conf", line: line, column: 1))
        }
        func storage(_ words: [ExpandedWord]) -> WordStorage {
            guard packed else { return .words(words) }
            var arena = WordArena()
            for word in words { arena.appendWord(text: arena.addText(word.text), origin: word.origin) }
            return .chunk(WordChunk(arena))
        }
        let words = [word("k", line: 1), word("a", line: 2), word("b", line: 2), word("c", line: 3), word("d", line: 3)]
        let shared = storage(words)
        let header = WordList(storage: shared, offset: 0, count: 1)
        func window(_ offset: Int, _ count: Int) -> WordList { WordList(storage: shared, offset: offset, count: count) }
        #expect(window(1, 4).map(\.text) == ["a", "b", "c", "d"] && window(3, 1)[0].origin.line == 3)
        let run = EntryRun.encode([window(1, 2), window(3, 2)], after: header)
        #expect(run != nil)
        if let run { #expect(EntryRun.decode(run, after: header).map { Self.lines([$0]) } == [["a b"], ["c d"]]) }
        #expect(EntryRun.encode([WordList(Array(words[1...2])), window(3, 2)], after: header) == nil, "another array")
        let copy = WordList(storage: storage(words.map { $0 }), offset: 1, count: 2)
        #expect(EntryRun.encode([copy, window(3, 2)], after: header) == nil, "another storage with the same words")
        #expect(EntryRun.encode([window(1, 2), window(4, 1)], after: header) == nil, "a gap")
        #expect(EntryRun.encode([window(1, 0), window(1, 2)], after: header) == nil, "an empty entry")
        #expect(EntryRun.encode([window(1, 3)], after: header) == nil, "one entry over two lines")
        #expect(EntryRun.encode([window(1, 1), window(2, 1)], after: header) == nil, "two entries on one line")
        #expect(EntryRun.encode([window(3, 2)], after: header) == nil, "more than one word after the keyword")
        #expect(EntryRun.encode([], after: header) == nil)
        // After a `{` word on the keyword's line.
        let braced = storage([word("k", line: 1), word("{", line: 1), word("a", line: 1), word("c", line: 2)])
        let keyword = WordList(storage: braced, offset: 0, count: 1)
        let afterBrace = EntryRun.encode([WordList(storage: braced, offset: 2, count: 1), WordList(storage: braced, offset: 3, count: 1)], after: keyword)
        #expect(afterBrace != nil)
        if let afterBrace { #expect(Self.lines(EntryRun.decode(afterBrace, after: keyword)) == ["a", "c"]) }
    }

    /// The walker's collector (and `encode`, which feeds it an array) keeps exactly the runs the
    /// format can give back, whatever entries come in whatever order: every sequence of up to
    /// three windows (empty, over two lines, with gaps, repeated, from another storage) after a
    /// keyword and after a keyword and a `{` word, against the format's rules restated here from
    /// the words' line numbers, and each run decoded back to the entries it was made of.
    @Test(arguments: [false, true])
    func collectorKeepsTheRunsTheFormatGivesBack(afterBrace: Bool) {
        func word(_ text: String, line: Int) -> ExpandedWord {
            ExpandedWord(text: text, origin: Origin(file: "/t/k.conf", line: line, column: 1))
        }
        let lines = afterBrace ? [1, 1, 1, 2, 2, 3, 4, 4] : [1, 2, 2, 3, 4, 4, 5, 5]
        let words = lines.enumerated().map { word("w\($0.offset)", line: $0.element) }
        let shared = WordStorage.words(words)
        let other = WordStorage.words(words)
        let header = WordList(storage: shared, offset: 0, count: 1)
        var windows: [WordList] = []
        for offset in 1..<words.count {
            for count in 0...min(3, words.count - offset) { windows.append(WordList(storage: shared, offset: offset, count: count)) }
        }
        windows.append(WordList(storage: other, offset: 1, count: 1))
        func shape(_ entries: [WordList]) -> [String] {
            entries.map { "\($0.offset)+\($0.count)\($0.storage.isSame(as: shared) ? "" : " other")" }
        }
        var sequences: [[WordList]] = [[]]
        for length in 1...3 {
            sequences += sequences.filter { $0.count == length - 1 }.flatMap { prefix in windows.map { prefix + [$0] } }
        }
        // A run: entries on the keyword's storage, each one or more words of one line, the first
        // right after the keyword (or after one word between), each next right after the one
        // before and on a later line; its code counts the words and the gap.
        func expectedRun(_ entries: [WordList]) -> Int32? {
            guard let first = entries.first else { return nil }
            let gap = first.offset - 1
            guard gap == 0 || gap == 1 else { return nil }
            var next = first.offset
            var previousLine: Int?
            for entry in entries {
                guard entry.count > 0, entry.storage.isSame(as: shared), entry.offset == next else { return nil }
                let entryLines = Set(lines[entry.offset..<(entry.offset + entry.count)])
                guard entryLines.count == 1, let line = entryLines.first, line != previousLine else { return nil }
                previousLine = line
                next += entry.count
            }
            return -2 - Int32((next - first.offset) << 1 | gap)
        }
        var runs = 0
        var mismatches: [String] = []
        for entries in sequences {
            var collector = EntryRun.Collector(after: header)
            for entry in entries { collector.append(entry) }
            let expected = expectedRun(entries)
            if expected != nil { runs += 1 }
            let decoded = collector.run.map { EntryRun.decode($0, after: header) } ?? entries
            if collector.run != expected || EntryRun.encode(entries, after: header) != expected
                || shape(decoded) != shape(entries) || shape(collector.entries) != shape(entries)
                || collector.count != entries.count || collector.allEmpty != entries.allSatisfy({ $0.isEmpty })
            {
                mismatches.append("\(shape(entries)): run \(String(describing: collector.run)) against \(String(describing: expected))")
            }
        }
        #expect(sequences.count > 18_000 && runs > 8, "\(sequences.count) sequences, \(runs) runs")
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        // (With runs off, `withoutRuns`, the collector keeps a list: the corpus test below checks
        // it; `withoutRuns` holds one thread at a time, so no second test turns runs off.)
    }

    /// Every value block of the corpus reads the same entries from its run as from the box a
    /// binding without runs fills (the corpus files are small: bound on the calling thread).
    @Test func corpusValueBlocksReadTheSameAsWithoutRuns() throws {
        var runs = 0
        for url in CorpusFiles.all() {
            let text = String(decoding: try LocalFileSystem().readFile(url.path), as: UTF8.self)
            let statements = Analyzer.analyze(path: url.path, text: text).bound.tree.statements
            let boxed = EntryRun.withoutRuns { Analyzer.analyze(path: url.path, text: text).bound.tree.statements }
            #expect(statements.count == boxed.count)
            for (statement, reference) in zip(statements, boxed) {
                #expect(reference.storedBlock >= -1)
                guard statement.storedBlock < -1 else { continue }
                runs += 1
                #expect(reference.block == nil && reference.rare != nil)
                #expect(statement.entries.map { $0.map(\.text) } == reference.entries.map { $0.map(\.text) }, "\(url.path)")
                #expect(statement.entries.map { $0.map(\.origin) } == reference.entries.map { $0.map(\.origin) })
                #expect(statement.text == reference.text && statement.origin == reference.origin)
            }
            // `forEachEntry` gives `entries` (the model and the facts read it without an array),
            // from a run, from the box and from a statement with none.
            for statement in statements + boxed {
                var each: [WordList] = []
                statement.forEachEntry { each.append($0) }
                #expect(each.map { $0.map(\.origin) } == statement.entries.map { $0.map(\.origin) })
                #expect(each.map { $0.map(\.text) } == statement.entries.map { $0.map(\.text) })
            }
        }
        #expect(runs > 500)
    }
}
