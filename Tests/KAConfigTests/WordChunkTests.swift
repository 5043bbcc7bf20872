import Testing
@testable import KAConfig

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
}
