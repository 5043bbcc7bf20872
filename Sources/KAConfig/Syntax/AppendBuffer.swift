/// Appends to an array under construction in a hot loop. `Array.append` checks on every call
/// that the storage is uniquely referenced, which costs more than lexing a token; this writes
/// into the uninitialized capacity of the result instead, so an append is one comparison and a
/// store. Writes stay in bounds: what does not fit goes to a plain array, appended at the end.
struct AppendBuffer<Element> {
    private let storage: UnsafeMutableBufferPointer<Element>
    private(set) var fastCount = 0
    /// What did not fit in `storage`, in order.
    fileprivate var overflow: [Element] = []

    fileprivate init(_ storage: UnsafeMutableBufferPointer<Element>) {
        self.storage = storage
    }

    /// A buffer with no room: everything appended goes to `overflow` (a placeholder between
    /// batches, or for what is never appended to).
    init() {
        storage = UnsafeMutableBufferPointer(start: nil, count: 0)
    }

    var count: Int { fastCount + overflow.count }

    @inline(__always)
    mutating func append(_ element: Element) {
        if fastCount < storage.count {
            storage.initializeElement(at: fastCount, to: element)
            fastCount += 1
        } else {
            overflow.append(element)
        }
    }

    subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count, "AppendBuffer index out of range")
        return index < fastCount ? storage[index] : overflow[index - fastCount]
    }

    var last: Element? { count > 0 ? self[count - 1] : nil }
}

extension Array {
    /// An array built by `body` through an `AppendBuffer`; `capacity` is a guess, not a limit.
    static func build<Result>(
        capacity: Int, _ body: (inout AppendBuffer<Element>) -> Result
    ) -> (array: [Element], result: Result) {
        var overflow: [Element] = []
        var result: Result?
        var array = [Element](unsafeUninitializedCapacity: Swift.max(capacity, 1)) { storage, initialized in
            var buffer = AppendBuffer(storage)
            result = body(&buffer)
            initialized = buffer.fastCount
            overflow = buffer.overflow
        }
        array.append(contentsOf: overflow)
        return (array, result!)
    }
}
