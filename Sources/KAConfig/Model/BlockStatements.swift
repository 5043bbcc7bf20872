/// The statements of one block, in order: a window on one list that holds every block's
/// statements grouped by block. One array for the whole tree instead of one per block (a large
/// file has thousands of blocks, and each array is an allocation).
public struct BlockStatements: Sendable, RandomAccessCollection, Equatable, ExpressibleByArrayLiteral {
    var storage: [Int]
    var offset: Int
    public private(set) var count: Int

    init(storage: [Int], offset: Int, count: Int) {
        self.storage = storage
        self.offset = offset
        self.count = count
    }

    public init(_ statements: [Int]) {
        self.init(storage: statements, offset: 0, count: statements.count)
    }

    public init(arrayLiteral elements: Int...) {
        self.init(elements)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Int {
        precondition(position >= 0 && position < count, "statement index out of range")
        return storage[offset + position]
    }

    /// Calls `body` with the statement indices in place. Iterating the window copies it, which
    /// retains and releases the one array that every block of a tree shares: two threads walking
    /// blocks at once (the model and kalint's facts) then contend for its reference count.
    @inline(__always)
    package func withUnsafeIndices<Result>(_ body: (UnsafeBufferPointer<Int>) throws -> Result) rethrows -> Result {
        try storage.withUnsafeBufferPointer { all in
            precondition(offset >= 0 && offset + count <= all.count, "block statements past their storage")
            return try body(UnsafeBufferPointer(rebasing: all[offset..<(offset + count)]))
        }
    }

    public static func == (lhs: BlockStatements, rhs: BlockStatements) -> Bool {
        lhs.elementsEqual(rhs)
    }
}
