import Synchronization

/// A plain word as a chunk keeps it: its text as an index into the chunk's texts (a word that
/// repeats, as keywords, `MASTER` and `eth0` do, shares one string), and its origin without the
/// file, which the chunk keeps once per run of words from one file. 16 bytes, where an
/// `ExpandedWord` is 32 (146,000 words at 5,000 instances).
struct PackedWord: Sendable {
    var text: UInt32
    var line: UInt32
    var byteStart: UInt32
    var columnAndFlags: UInt16
    var length: UInt16

    @inline(__always)
    init(text: UInt32, origin: Origin) {
        self.text = text
        line = origin.storedLine
        byteStart = origin.byteStart
        columnAndFlags = origin.columnAndFlags
        length = origin.storedLength
    }

    @inline(__always)
    func origin(fileID: UInt32) -> Origin {
        Origin(fileID: fileID, storedLine: line, byteStart: byteStart, columnAndFlags: columnAndFlags, storedLength: length)
    }
}

/// Where the words of one file start in a chunk (an include starts a run, and so does the
/// file that continues after it).
struct FileRun: Sendable, Equatable {
    var firstWord: UInt32
    var fileID: UInt32
}

/// The words of one chunk of the expansion's plain lines, made once all of its lines are read
/// and never changed after.
final class WordChunk: Sendable {
    let words: [PackedWord]
    let texts: [String]
    private let fileRuns: [FileRun]
    /// The file of every word when the chunk has one run (nearly always): no search.
    private let onlyFile: UInt32?

    init(_ arena: consuming WordArena) {
        words = arena.words
        texts = arena.texts
        fileRuns = arena.fileRuns
        onlyFile = fileRuns.count == 1 ? fileRuns[0].fileID : nil
    }

    var isEmpty: Bool { words.isEmpty }

    @inline(__always)
    func word(_ index: Int) -> ExpandedWord {
        let packed = words[index]
        return ExpandedWord(text: texts[Int(packed.text)], packedOrigin: packed.origin(fileID: fileID(index)))
    }

    @inline(__always)
    func origin(_ index: Int) -> Origin { words[index].origin(fileID: fileID(index)) }

    /// Calls `body` with word `index` in place (see `WordList.withWord`).
    @inline(__always)
    func withWord<Result>(_ index: Int, _ body: (WordInPlace) -> Result) -> Result {
        let packed = words[index]
        let origin = packed.origin(fileID: fileID(index))
        return texts.withUnsafeBufferPointer { texts in
            precondition(Int(packed.text) < texts.count, "word text out of range")
            return body(WordInPlace(textPointer: texts.baseAddress! + Int(packed.text), origin: origin))
        }
    }

    /// Calls `body` with a pointer to word `index`'s text, without making its origin.
    @inline(__always)
    func withText<Result>(_ index: Int, _ body: (UnsafePointer<String>) -> Result) -> Result {
        let text = Int(words[index].text)
        return texts.withUnsafeBufferPointer { texts in
            precondition(text < texts.count, "word text out of range")
            return body(texts.baseAddress! + text)
        }
    }

    /// The file of word `index`: its run's, the last run that starts at or before it.
    @inline(__always)
    func fileID(_ index: Int) -> UInt32 {
        if let onlyFile { return onlyFile }
        var low = 0
        var high = fileRuns.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(fileRuns[middle].firstWord) <= index { low = middle } else { high = middle - 1 }
        }
        return fileRuns[low].fileID
    }
}

/// The packed words of the chunk being read, their texts and file runs. `generation` tells the
/// `WordCache` which chunk's text indices it holds.
struct WordArena {
    private(set) var words: [PackedWord] = []
    private(set) var texts: [String] = []
    private(set) var fileRuns: [FileRun] = []
    /// The file of the last word (-1 before the first).
    private var lastFile: Int64 = -1
    let generation: UInt32

    private static let generations = Atomic<UInt32>(0)

    /// An empty arena with a generation no other arena of this process has (wrapping after
    /// four billion chunks, when a cache's entry from the first is long replaced).
    init(capacity: Int = 0) {
        generation = Self.generations.add(1, ordering: .relaxed).newValue
        words.reserveCapacity(capacity)
    }

    var wordCount: Int { words.count }

    /// Adds `text` to the texts; its index.
    @inline(__always)
    mutating func addText(_ text: String) -> UInt32 {
        texts.append(text)
        return UInt32(truncatingIfNeeded: texts.count - 1)
    }

    /// Appends a word: `text` is an index from `addText`.
    @inline(__always)
    mutating func appendWord(text: UInt32, origin: Origin) {
        if Int64(origin.fileID) != lastFile {
            fileRuns.append(FileRun(firstWord: UInt32(truncatingIfNeeded: words.count), fileID: origin.fileID))
            lastFile = Int64(origin.fileID)
        }
        words.append(PackedWord(text: text, origin: origin))
    }

    /// Drops the words from `start` on (a line the fast path rolls back); their texts stay.
    mutating func removeWords(from start: Int) {
        words.removeSubrange(start...)
        while let last = fileRuns.last, Int(last.firstWord) >= start { fileRuns.removeLast() }
        lastFile = fileRuns.last.map { Int64($0.fileID) } ?? -1
    }

    /// The text of word `index`.
    func text(_ index: Int) -> String { texts[Int(words[index].text)] }
}

extension Origin {
    /// An origin from its stored fields.
    @inline(__always)
    init(fileID: UInt32, storedLine: UInt32, byteStart: UInt32, columnAndFlags: UInt16, storedLength: UInt16) {
        self.fileID = fileID
        self.storedLine = storedLine
        self.byteStart = byteStart
        self.columnAndFlags = columnAndFlags
        self.storedLength = storedLength
    }
}
