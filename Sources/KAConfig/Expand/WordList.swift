/// The words of one line: a window on the expansion's one array of words (no array per line).
/// Indices start at 0 like an Array's; slicing works as on any collection.
public struct WordList: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral {
    /// The array the window is on: every word of the expansion, or a line's own words.
    var storage: [ExpandedWord]
    /// 32-bit window bounds (lines are copied often; 16 bytes less each).
    var storedOffset: UInt32
    var storedCount: UInt32

    var offset: Int {
        get { Int(storedOffset) }
        set { storedOffset = UInt32(truncatingIfNeeded: newValue) }
    }

    public private(set) var count: Int {
        get { Int(storedCount) }
        set { storedCount = UInt32(truncatingIfNeeded: newValue) }
    }

    public init(_ words: [ExpandedWord]) {
        self.storage = words
        self.storedOffset = 0
        self.storedCount = UInt32(truncatingIfNeeded: words.count)
    }

    public init(arrayLiteral words: ExpandedWord...) { self.init(words) }

    /// A window on `storage` (the expansion attaches the storage once all lines are read).
    init(storage: [ExpandedWord], offset: Int, count: Int) {
        self.storage = storage
        self.storedOffset = UInt32(truncatingIfNeeded: offset)
        self.storedCount = UInt32(truncatingIfNeeded: count)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> ExpandedWord {
        precondition(position >= 0 && position < count, "word index out of range")
        return storage[offset + position]
    }

    /// Calls `body` with the words in place: reading them through it copies none (the subscript
    /// copies each word, retaining its text).
    func withUnsafeWords<Result>(_ body: (UnsafeBufferPointer<ExpandedWord>) throws -> Result) rethrows -> Result {
        try storage.withUnsafeBufferPointer { all in
            precondition(offset + count <= all.count, "word list past its storage")
            return try body(UnsafeBufferPointer(rebasing: all[offset..<(offset + count)]))
        }
    }

    /// The first `n` words (all when there are fewer), as a list on the same storage.
    public func prefixList(_ n: Int) -> WordList {
        WordList(storage: storage, offset: offset, count: Swift.max(0, Swift.min(n, count)))
    }

    @discardableResult
    public mutating func removeLast() -> ExpandedWord {
        let last = self[count - 1]
        count -= 1
        return last
    }

    @discardableResult
    public mutating func removeFirst() -> ExpandedWord {
        let first = self[0]
        offset += 1
        count -= 1
        return first
    }

    public static func == (lhs: WordList, rhs: WordList) -> Bool { lhs.elementsEqual(rhs) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for word in self { hasher.combine(word) }
    }
}
