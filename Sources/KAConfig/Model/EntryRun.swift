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
    /// entries on one line (a cut by line would not give them back).
    static func encode(_ entries: [WordList], after words: WordList) -> Int32? {
        guard let first = entries.first, words.count > 0 else { return nil }
        let boxing = boxingThread.load(ordering: .relaxed)
        if boxing != 0, boxing == currentThread { return nil }
        let gap = first.offset - (words.offset + words.count)
        guard gap == 0 || gap == 1 else { return nil }
        var next = first.offset
        var previousLine: (UInt32, UInt32)?
        for entry in entries {
            guard entry.count > 0, entry.offset == next, entry.storage.isSame(as: words.storage) else { return nil }
            let line = place(of: entry.storage, entry.offset)
            for index in entry.offset..<(entry.offset + entry.count) where place(of: entry.storage, index) != line {
                return nil
            }
            if let previousLine, previousLine == line { return nil }
            previousLine = line
            next += entry.count
        }
        let total = next - first.offset
        guard total < Int(Int32.max >> 2) else { return nil }
        return -2 - Int32(total << 1 | gap)
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
        let end = start + value >> 1
        var entryStart = start
        for index in start..<end where index > entryStart && place(of: words.storage, index) != place(of: words.storage, index - 1) {
            body(WordList(storage: words.storage, offset: entryStart, count: index - entryStart))
            entryStart = index
        }
        body(WordList(storage: words.storage, offset: entryStart, count: end - entryStart))
    }

    private static var currentThread: UInt {
        #if canImport(Darwin)
            UInt(bitPattern: pthread_self())
        #else
            UInt(pthread_self())
        #endif
    }

    /// The file and line word `index` of `storage` was read from.
    @inline(__always)
    private static func place(of storage: WordStorage, _ index: Int) -> (UInt32, UInt32) {
        let origin = storage.origin(index)
        return (origin.fileID, origin.storedLine)
    }
}
