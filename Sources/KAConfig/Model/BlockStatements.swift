/// The statements of one block, in order: a window on one list that holds every block's
/// statements grouped by block. One array for the whole tree instead of one per block (a large
/// file has thousands of blocks, and each array is an allocation).
public struct BlockStatements: Sendable, RandomAccessCollection, Equatable, ExpressibleByArrayLiteral {
    /// 32-bit indices and bounds: 16 bytes a block instead of 24, and 4 bytes a statement
    /// instead of 8 in the shared array.
    var storage: [Int32]
    var offset: UInt32
    var storedCount: UInt32

    public var count: Int { Int(storedCount) }

    init(storage: [Int32], offset: Int, count: Int) {
        self.storage = storage
        self.offset = UInt32(truncatingIfNeeded: offset)
        self.storedCount = UInt32(truncatingIfNeeded: count)
    }

    public init(_ statements: [Int]) {
        self.init(storage: statements.map { Int32(truncatingIfNeeded: $0) }, offset: 0, count: statements.count)
    }

    public init(arrayLiteral elements: Int...) {
        self.init(elements)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Int {
        precondition(position >= 0 && position < count, "statement index out of range")
        return Int(storage[Int(offset) + position])
    }

    public static func == (lhs: BlockStatements, rhs: BlockStatements) -> Bool {
        lhs.elementsEqual(rhs)
    }
}

/// Reads the statement lists of a tree's blocks in place, without a reference count. The walker
/// gives every block a window on one shared array; copying a block's list (iterating it does)
/// retains and releases that one array, and two threads doing so at once (the model builder and
/// kalint's facts) contend for its count. A list on that array is read through a pointer to its
/// elements; any other list (a tree built or changed by hand) is iterated as usual.
package struct BlockIndexReader {
    package let blocks: UnsafeBufferPointer<BoundBlock>
    /// The elements of the array the top level's list is on, and that array's identity.
    let shared: UnsafeBufferPointer<Int32>
    let sharedIdentity: UInt

    /// Where a block's list keeps its array reference, start and count.
    static let storageOffset = MemoryLayout<BoundBlock>.offset(of: \.statements)! + MemoryLayout<BlockStatements>.offset(of: \.storage)!
    static let startOffset = MemoryLayout<BoundBlock>.offset(of: \.statements)! + MemoryLayout<BlockStatements>.offset(of: \.offset)!
    static let countOffset = MemoryLayout<BoundBlock>.offset(of: \.statements)! + MemoryLayout<BlockStatements>.offset(of: \.storedCount)!

    /// The identity of the array a block's list is on: the array's one stored reference, as a number.
    @inline(__always)
    static func identity(of block: UnsafePointer<BoundBlock>) -> UInt {
        UnsafeRawPointer(block).load(fromByteOffset: storageOffset, as: UInt.self)
    }

    /// Calls `body` with each statement index of `block`, in order.
    @inline(__always)
    package func forEach(inBlock block: Int, _ body: (Int) -> Void) {
        guard let window = sharedWindow(of: block) else {
            for statement in blocks[block].statements { body(statement) }
            return
        }
        for index in window { body(Int(shared[index])) }
    }

    /// The last statement of `block`, if any.
    @inline(__always)
    package func last(inBlock block: Int) -> Int? {
        guard let window = sharedWindow(of: block) else { return blocks[block].statements.last }
        return window.isEmpty ? nil : Int(shared[window.upperBound - 1])
    }

    /// Where `block`'s list lies in `shared`, read in place; nil when it is on another array.
    @inline(__always)
    private func sharedWindow(of block: Int) -> Range<Int>? {
        precondition(block >= 0 && block < blocks.count, "block index out of range")
        let pointer = blocks.baseAddress! + block
        guard Self.identity(of: pointer) == sharedIdentity else { return nil }
        let raw = UnsafeRawPointer(pointer)
        let start = Int(raw.load(fromByteOffset: Self.startOffset, as: UInt32.self))
        let count = Int(raw.load(fromByteOffset: Self.countOffset, as: UInt32.self))
        precondition(start + count <= shared.count, "block statements past their storage")
        return start..<(start + count)
    }
}

extension BoundTree {
    /// The indices of the blocks read as `spec` (`"vrrp_instance"`), in order.
    package func blocks(ofSpec spec: String) -> [Int] {
        blocks.indices.filter { blocks[$0].specName == spec }
    }

    /// Calls `body` with a reader of the blocks' statement lists; it must not outlive the call.
    package func withBlockIndices<Result>(_ body: (BlockIndexReader) -> Result) -> Result {
        blocks.withUnsafeBufferPointer { blocks in
            let shared = blocks[0].statements.storage
            return shared.withUnsafeBufferPointer { elements in
                body(BlockIndexReader(blocks: blocks, shared: elements, sharedIdentity: BlockIndexReader.identity(of: blocks.baseAddress!)))
            }
        }
    }
}
