import Synchronization

/// A plain word as a chunk keeps it, in 8 bytes: its text as an index into the chunk's texts (a
/// word that repeats, as keywords, `MASTER` and `eth0` do, shares one string), and its origin
/// without the file, which the chunk keeps once per run of words from one file; the line as an
/// offset from the run's first line, the first byte as an offset from its group's base (one per
/// `WordArena.groupSize` words), and no length: a plain word's is its text's. Where an
/// `ExpandedWord` is 32 bytes (about 600,000 words at 20,000 instances).
///
/// A word whose values do not fit (a chunk of more than 65,534 distinct words, a line before
/// the run's first or 65,535 lines after it, a byte before its group's base or 65,535 bytes
/// after it or none at all, a length not its text's: quoted, substituted, repaired) has a
/// `wide` line offset, and the chunk keeps its full values in its `WideWord` list.
struct PackedWord: Sendable {
    var text: UInt16
    var lineOffset: UInt16
    var byteOffset: UInt16
    var columnAndFlags: UInt16

    /// The line offset of a word whose values are in the chunk's wide words.
    static let wide = UInt16.max

    @inline(__always)
    var isWide: Bool { lineOffset == Self.wide }

    /// `value` in 16 bits, or `wide` when it does not fit.
    @inline(__always)
    static func narrow(_ value: UInt32) -> UInt16 { value < UInt32(wide) ? UInt16(value) : wide }
}

/// The full values of a word whose packed form could not hold them.
struct WideWord: Sendable, Equatable {
    var word: UInt32
    var text: UInt32
    var line: UInt32
    var byteStart: UInt32
    var length: UInt16
}

/// Where the words of one file start in a chunk (an include starts a run, and so does the
/// file that continues after it), and the line the run's packed words count from.
struct FileRun: Sendable, Equatable {
    var firstWord: UInt32
    var fileID: UInt32
    var firstLine: UInt32
}

/// The words of one chunk of the expansion's plain lines, made once all of its lines are read
/// and never changed after.
final class WordChunk: Sendable {
    private let words: [PackedWord]
    let texts: [String]
    private let fileRuns: [FileRun]
    /// The first byte each group of `WordArena.groupSize` words counts from.
    private let byteBases: [UInt32]
    /// The words whose values the packed form could not hold, by word index.
    private let wideWords: [WideWord]
    /// The run of every word when the chunk has one (nearly always): no search.
    private let onlyRun: FileRun?

    init(_ arena: consuming WordArena) {
        words = arena.words
        texts = arena.texts
        fileRuns = arena.fileRuns
        byteBases = arena.byteBases
        wideWords = arena.wideWords
        onlyRun = fileRuns.count == 1 ? fileRuns[0] : nil
    }

    var isEmpty: Bool { words.isEmpty }

    @inline(__always)
    func word(_ index: Int) -> ExpandedWord {
        let packed = words[index]
        return ExpandedWord(text: texts[textIndex(index, packed)], packedOrigin: origin(index, packed))
    }

    @inline(__always)
    func origin(_ index: Int) -> Origin { origin(index, words[index]) }

    /// Calls `body` with word `index` in place (see `WordList.withWord`).
    @inline(__always)
    func withWord<Result>(_ index: Int, _ body: (WordInPlace) -> Result) -> Result {
        let packed = words[index]
        let origin = origin(index, packed)
        let text = textIndex(index, packed)
        return texts.withUnsafeBufferPointer { texts in
            precondition(text < texts.count, "word text out of range")
            return body(WordInPlace(textPointer: texts.baseAddress! + text, origin: origin))
        }
    }

    /// Calls `body` with a pointer to word `index`'s text, without making its origin.
    @inline(__always)
    func withText<Result>(_ index: Int, _ body: (UnsafePointer<String>) -> Result) -> Result {
        let text = textIndex(index, words[index])
        return texts.withUnsafeBufferPointer { texts in
            precondition(text < texts.count, "word text out of range")
            return body(texts.baseAddress! + text)
        }
    }

    @inline(__always)
    private func textIndex(_ index: Int, _ packed: PackedWord) -> Int {
        packed.isWide ? Int(wideWord(index).text) : Int(packed.text)
    }

    @inline(__always)
    private func origin(_ index: Int, _ packed: PackedWord) -> Origin {
        guard !packed.isWide else { return wideOrigin(index, packed) }
        let run = self.run(index)
        return Origin(
            fileID: run.fileID, storedLine: run.firstLine &+ UInt32(packed.lineOffset),
            byteStart: byteBases[index >> WordArena.groupShift] &+ UInt32(packed.byteOffset),
            columnAndFlags: packed.columnAndFlags, storedLength: UInt16(truncatingIfNeeded: texts[Int(packed.text)].utf8.count))
    }

    /// The origin of a wide word, out of line: the plain path stays small enough to inline
    /// where every line's first word is read.
    @inline(never)
    private func wideOrigin(_ index: Int, _ packed: PackedWord) -> Origin {
        let wide = wideWord(index)
        return Origin(
            fileID: run(index).fileID, storedLine: wide.line, byteStart: wide.byteStart, columnAndFlags: packed.columnAndFlags,
            storedLength: wide.length)
    }

    /// Word `index`'s full values (it is wide).
    @inline(never)
    private func wideWord(_ index: Int) -> WideWord {
        let position = WordArena.firstWide(atOrAfter: index, in: wideWords)
        precondition(position < wideWords.count && Int(wideWords[position].word) == index, "wide word missing")
        return wideWords[position]
    }

    /// The run of word `index`: the last run that starts at or before it.
    @inline(__always)
    private func run(_ index: Int) -> FileRun {
        if let onlyRun { return onlyRun }
        var low = 0
        var high = fileRuns.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(fileRuns[middle].firstWord) <= index { low = middle } else { high = middle - 1 }
        }
        return fileRuns[low]
    }
}

/// The packed words of the chunk being read, their texts and file runs. `generation` tells the
/// `WordCache` which chunk's text indices it holds.
struct WordArena {
    private(set) var words: [PackedWord] = []
    private(set) var texts: [String] = []
    private(set) var fileRuns: [FileRun] = []
    private(set) var byteBases: [UInt32] = []
    private(set) var wideWords: [WideWord] = []
    /// The file of the last word (-1 before the first).
    private var lastFile: Int64 = -1
    /// The first line of the last run.
    private var runLine: UInt32 = 0
    let generation: UInt32

    private static let generations = Atomic<UInt32>(0)

    /// Words per byte base: 256 words span a few KB of a file, well inside 16 bits of offset.
    static let groupShift = 8
    static let groupSize = 1 << groupShift

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
            fileRuns.append(FileRun(firstWord: UInt32(truncatingIfNeeded: words.count), fileID: origin.fileID, firstLine: origin.storedLine))
            lastFile = Int64(origin.fileID)
            runLine = origin.storedLine
        }
        let index = words.count
        if index & (Self.groupSize - 1) == 0 {
            // A word with no byte gives the group the previous base (its neighbours are near it).
            byteBases.append(origin.byteStart != Origin.noByte ? origin.byteStart : byteBases.last ?? 0)
        }
        let byteOffset = origin.byteStart &- byteBases[index >> Self.groupShift]
        var packed = PackedWord(
            text: PackedWord.narrow(text), lineOffset: PackedWord.narrow(origin.storedLine &- runLine),
            byteOffset: UInt16(truncatingIfNeeded: byteOffset), columnAndFlags: origin.columnAndFlags)
        let fits = packed.text != PackedWord.wide && !packed.isWide && origin.byteStart != Origin.noByte
            && byteOffset < UInt32(PackedWord.wide) && origin.storedLength != UInt16.max
            && Int(origin.storedLength) == texts[Int(text)].utf8.count
        if !fits {
            packed.lineOffset = PackedWord.wide
            wideWords.append(WideWord(
                word: UInt32(truncatingIfNeeded: index), text: text, line: origin.storedLine, byteStart: origin.byteStart,
                length: origin.storedLength))
        }
        words.append(packed)
    }

    /// Drops the words from `start` on (a line the fast path rolls back); their texts stay.
    mutating func removeWords(from start: Int) {
        words.removeSubrange(start...)
        byteBases.removeSubrange(((start + Self.groupSize - 1) >> Self.groupShift)...)
        wideWords.removeSubrange(Self.firstWide(atOrAfter: start, in: wideWords)...)
        while let last = fileRuns.last, Int(last.firstWord) >= start { fileRuns.removeLast() }
        lastFile = fileRuns.last.map { Int64($0.fileID) } ?? -1
        runLine = fileRuns.last?.firstLine ?? 0
    }

    /// The text of word `index`.
    func text(_ index: Int) -> String {
        let packed = words[index]
        guard packed.isWide else { return texts[Int(packed.text)] }
        return texts[Int(wideWords[Self.firstWide(atOrAfter: index, in: wideWords)].text)]
    }

    /// The position of the first wide word at or after word `index` (they are in word order).
    static func firstWide(atOrAfter index: Int, in wideWords: [WideWord]) -> Int {
        var low = 0
        var high = wideWords.count
        while low < high {
            let middle = (low + high) / 2
            if Int(wideWords[middle].word) < index { low = middle + 1 } else { high = middle }
        }
        return low
    }
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
