#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// A value block's entries held in a statement's 4-byte block field instead of a box and an
/// array (10,000 value blocks at 5,000 instances: 1.1 MB). The entries of a plain value block
/// (`virtual_ipaddress`, `track_script`, ...) are consecutive windows on the array its keyword
/// line's words are on, one line each: the run of their words right after the keyword line's
/// words (or after a `{` word on that line), cut where the line changes.
///
/// `BoundStatement.storedBlock` is -1 for no block; a value of -2 or less is an entry run:
/// `-2 - (words << 1 | gap)`, `gap` 1 when a `{` word lies between the keyword and the run.
enum EntryRun {
    /// The thread that binds without runs, 0 for none: every value block's entries then go
    /// into the box (tests compare both ways of binding; see `withoutRuns`).
    private static let boxingThread = Atomic<UInt>(0)

    /// `body`, with the statements this thread binds meanwhile holding no runs.
    static func withoutRuns<Result>(_ body: () -> Result) -> Result {
        boxingThread.store(currentThread, ordering: .relaxed)
        defer { boxingThread.store(0, ordering: .relaxed) }
        return body()
    }

    /// The encoding of `entries` after `words`, or nil when they are not such a run: not on
    /// the words' array, not consecutive, an empty entry, an entry over two lines, or two
    /// entries on one line (a cut by line would not give them back). The checks are the
    /// `Collector`'s, which the walker feeds one entry at a time.
    static func encode(_ entries: [WordList], after words: WordList) -> Int32? {
        var collector = Collector(after: words)
        for entry in entries { collector.append(entry) }
        return collector.run
    }

    /// The entries an encoding holds, after `words`.
    static func decode(_ stored: Int32, after words: WordList) -> [WordList] {
        var entries: [WordList] = []
        forEach(stored, after: words) { entries.append($0) }
        return entries
    }

    /// Calls `body` with each entry an encoding holds, after `words`, in order (no array made).
    @inline(__always)
    static func forEach(_ stored: Int32, after words: WordList, _ body: (WordList) -> Void) {
        let value = Int(-2 - stored)
        let start = words.offset + words.count + (value & 1)
        forEach(in: words.storage, from: start, to: start + value >> 1, body)
    }

    /// Calls `body` with the words of `storage` from `start` to `end` cut where the line changes.
    @inline(__always)
    private static func forEach(in storage: WordStorage, from start: Int, to end: Int, _ body: (WordList) -> Void) {
        var entryStart = start
        for index in start..<end where index > entryStart && place(of: storage, index) != place(of: storage, index - 1) {
            body(WordList(storage: storage, offset: entryStart, count: index - entryStart))
            entryStart = index
        }
        body(WordList(storage: storage, offset: entryStart, count: end - entryStart))
    }

    private static var currentThread: UInt {
        #if canImport(Darwin)
            UInt(bitPattern: pthread_self())
        #else
            UInt(pthread_self())
        #endif
    }

    /// A value block's entries as the walker reads them, one at a time, kept as a run (offsets
    /// on the keyword line's words) while they are one, and as an array only once they are not:
    /// an array made for every value block, then encoded and freed, took about 1,000
    /// instructions a block (a retain and a release of the words' storage for each entry, the
    /// allocation, and a second pass to encode it; 10,000 value blocks at 5,000 instances).
    /// The one place the run's rules are checked (`encode` feeds it a whole array).
    struct Collector {
        /// The statement's words: a run starts right after them.
        private let words: WordList
        /// Entries while they are not a run (every entry once one was not run-shaped).
        private var list: [WordList] = []
        /// Whether every entry so far extends the run.
        private var isRun: Bool
        private var runStart = 0
        private var runNext = 0
        private var previousLine: (UInt32, UInt32)?
        private(set) var count = 0

        init(after words: WordList) {
            self.words = words
            let boxing = EntryRun.boxingThread.load(ordering: .relaxed)
            isRun = words.count > 0 && !(boxing != 0 && boxing == EntryRun.currentThread)
        }

        /// Whether there are no entries, or only empty ones.
        var allEmpty: Bool { isRun ? count == 0 : list.allSatisfy { $0.isEmpty } }

        mutating func append(_ entry: WordList) {
            count += 1
            if isRun, extendsRun(entry) { return }
            if isRun {
                // The run ends: its entries so far, then this one, as a list from here on.
                isRun = false
                list = runEntries()
            }
            list.append(entry)
        }

        /// The run's code (see `encode`), nil when the entries are none or not a run.
        var run: Int32? {
            guard isRun, count > 0 else { return nil }
            let total = runNext - runStart
            guard total < Int(Int32.max >> 2) else { return nil }
            return -2 - Int32(total << 1 | (runStart - (words.offset + words.count)))
        }

        /// The entries as an array (made from the run when they are one).
        var entries: [WordList] { isRun ? runEntries() : list }

        private mutating func extendsRun(_ entry: WordList) -> Bool {
            guard entry.count > 0, entry.storage.isSame(as: words.storage) else { return false }
            if count == 1 {
                let gap = entry.offset - (words.offset + words.count)
                guard gap == 0 || gap == 1 else { return false }
                runStart = entry.offset
                runNext = entry.offset
            }
            guard entry.offset == runNext else { return false }
            let line = EntryRun.place(of: entry.storage, entry.offset)
            for index in (entry.offset + 1)..<(entry.offset + entry.count) where EntryRun.place(of: entry.storage, index) != line {
                return false
            }
            if let previousLine, previousLine == line { return false }
            previousLine = line
            runNext += entry.count
            return true
        }

        /// The run's entries: its words cut where the line changes (each entry is one line's).
        private func runEntries() -> [WordList] {
            guard count > 0, runNext > runStart else { return [] }
            var entries: [WordList] = []
            EntryRun.forEach(in: words.storage, from: runStart, to: runNext) { entries.append($0) }
            return entries
        }
    }

    /// The file and line word `index` of `storage` was read from.
    @inline(__always)
    private static func place(of storage: WordStorage, _ index: Int) -> (UInt32, UInt32) {
        let origin = storage.origin(index)
        return (origin.fileID, origin.storedLine)
    }
}
