/// The words of one line: a window on the expansion's words (no array per line).
/// Indices start at 0 like an Array's; slicing works as on any collection.
public struct WordList: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral {
    /// What the window is on: a chunk of the expansion's packed words, or a line's own words.
    var storage: WordStorage
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
        self.storage = .words(words)
        self.storedOffset = 0
        self.storedCount = UInt32(truncatingIfNeeded: words.count)
    }

    public init(arrayLiteral words: ExpandedWord...) { self.init(words) }

    /// A window on `storage` (the expansion attaches the storage once the chunk's lines are read).
    init(storage: WordStorage, offset: Int, count: Int) {
        self.storage = storage
        self.storedOffset = UInt32(truncatingIfNeeded: offset)
        self.storedCount = UInt32(truncatingIfNeeded: count)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    // Always inlined: the binder reads words by the hundred thousand, and a call costs more
    // than the switch over the storage it makes.
    @inline(__always)
    public subscript(position: Int) -> ExpandedWord {
        precondition(position >= 0 && position < count, "word index out of range")
        return storage[offset + position]
    }

    /// Calls `body` with word `position` read in place: its text through a pointer into the
    /// storage (no copy of the string, no reference count), its origin.
    @inline(__always)
    func withWord<Result>(_ position: Int, _ body: (WordInPlace) -> Result) -> Result {
        precondition(position >= 0 && position < count, "word index out of range")
        let index = offset + position
        switch storage {
        case .words(let words):
            return Self.withStoredWord(words, index) { body(WordInPlace(textPointer: Self.text(of: $0), origin: $0.pointee.origin)) }
        case .chunk(let chunk):
            return chunk.withWord(index, body)
        }
    }

    /// Calls `body` with a pointer to word `position`'s text in the storage (no copy of the
    /// string, no reference count, no origin made).
    @inline(__always)
    func withText<Result>(_ position: Int, _ body: (UnsafePointer<String>) -> Result) -> Result {
        precondition(position >= 0 && position < count, "word index out of range")
        let index = offset + position
        switch storage {
        case .words(let words):
            return Self.withStoredWord(words, index) { body(Self.text(of: $0)) }
        case .chunk(let chunk):
            return chunk.withText(index, body)
        }
    }

    /// Word `index` of a line's own words, in place.
    @inline(__always)
    private static func withStoredWord<Result>(
        _ words: [ExpandedWord], _ index: Int, _ body: (UnsafePointer<ExpandedWord>) -> Result
    ) -> Result {
        words.withUnsafeBufferPointer { words in
            precondition(index < words.count, "word list past its storage")
            return body(words.baseAddress! + index)
        }
    }

    /// The text field of a word in place.
    @inline(__always)
    private static func text(of word: UnsafePointer<ExpandedWord>) -> UnsafePointer<String> {
        UnsafeRawPointer(word).advanced(by: WordInPlace.textOffset).assumingMemoryBound(to: String.self)
    }

    /// Word `position`'s origin, without its text.
    @inline(__always)
    func origin(_ position: Int) -> Origin {
        precondition(position >= 0 && position < count, "word index out of range")
        return storage.origin(offset + position)
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

/// Where a `WordList`'s words are. 8 bytes: both cases are one reference.
enum WordStorage: Sendable {
    /// A line's own words (a line the full pipeline made, or a list made from an array).
    case words([ExpandedWord])
    /// The packed words of the plain lines of one chunk of the expansion.
    case chunk(WordChunk)

    /// No words yet: the fast path's lines until their chunk is attached. Computed: the empty
    /// array is the standard library's shared one, while a stored `static let` would go through a
    /// lazy global's check and a retain for every line the fast path reads.
    static var none: WordStorage { .words([]) }

    var isEmpty: Bool {
        switch self {
        case .words(let words): return words.isEmpty
        case .chunk(let chunk): return chunk.isEmpty
        }
    }

    @inline(__always)
    subscript(index: Int) -> ExpandedWord {
        switch self {
        case .words(let words): return words[index]
        case .chunk(let chunk): return chunk.word(index)
        }
    }

    @inline(__always)
    func origin(_ index: Int) -> Origin {
        switch self {
        case .words(let words): return words[index].origin
        case .chunk(let chunk): return chunk.origin(index)
        }
    }

    /// Whether both are the same storage (the same array buffer or chunk).
    func isSame(as other: WordStorage) -> Bool {
        switch (self, other) {
        case (.words(let a), .words(let b)):
            return a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
        case (.chunk(let a), .chunk(let b)): return a === b
        default: return false
        }
    }
}

/// A word read where it is stored: the text through a pointer (valid only inside the call that
/// lends it), the origin by value.
struct WordInPlace {
    let textPointer: UnsafePointer<String>
    let origin: Origin

    /// Where an `ExpandedWord` keeps its text.
    static let textOffset = 0

    var text: String { textPointer.pointee }
    /// The whole word, copied (for the error paths).
    var word: ExpandedWord { ExpandedWord(text: textPointer.pointee, packedOrigin: origin) }
}
