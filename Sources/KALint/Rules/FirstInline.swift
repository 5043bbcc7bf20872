/// A list that holds its first element inline and the rest in an array: nearly every instance
/// has one `state` line and one kept virtual address, and a one-element array is an allocation
/// of its own (48-64 bytes, 20,000 of each at 20,000 instances). Read as any random-access
/// collection.
struct FirstInline<Element: Sendable>: RandomAccessCollection, Sendable {
    private var head: Element?
    /// The elements after `head` (empty, and no allocation, while there is one or none).
    private var tail: [Element] = []

    init() {}

    mutating func append(_ element: Element) {
        if head == nil {
            head = element
        } else {
            tail.append(element)
        }
    }

    /// The elements after the first have an array (there were more than one).
    var holdsArray: Bool { tail.capacity > 0 }

    var startIndex: Int { 0 }
    var endIndex: Int { head == nil ? 0 : 1 + tail.count }

    subscript(position: Int) -> Element {
        precondition(position >= 0 && position < endIndex, "index out of range")
        if position == 0, let head { return head }
        return tail[position - 1]
    }
}

// One representation per list (the head is set exactly when there are elements): equal fields,
// equal lists.
extension FirstInline: Equatable where Element: Equatable {}
