/// A list that holds its first element inline and the rest in an array. Nearly every instance
/// has one virtual address, one tracked script, one `state` line: as an array, each is an
/// allocation of its own (array header and malloc's overhead, 48 bytes and more beside the
/// element; 20,000 of each at 20,000 instances). Reads and edits as the array it replaces
/// (random access, `append`, `+`, replacing ranges), compares as it, and encodes as it.
///
/// Inlinable: the lint rules read it from another module, where an unspecialized read went
/// through the element's value witnesses (about 500 instructions to tell whether a list of one
/// address was empty).
public struct FirstInline<Element: Sendable>: Sendable {
    @usableFromInline var head: Element?
    /// The elements after `head` (empty, and no allocation, while there is one or none).
    @usableFromInline var tail: [Element] = []

    @inlinable public init() {}

    @inlinable public init(_ elements: some Swift.Sequence<Element>) {
        for element in elements { append(element) }
    }

    @inlinable public mutating func append(_ element: Element) {
        if head == nil {
            head = element
        } else {
            tail.append(element)
        }
    }

    /// The elements after the first have an array (there were more than one).
    package var holdsArray: Bool { tail.capacity > 0 }
}

extension FirstInline: RandomAccessCollection, MutableCollection {
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { head == nil ? 0 : 1 + tail.count }

    @inlinable public subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < endIndex, "index out of range")
            if position == 0, let head { return head }
            return tail[position - 1]
        }
        // In place: the model's builder fills an address's fields one by one.
        _modify {
            precondition(position >= 0 && position < endIndex, "index out of range")
            if position == 0 {
                yield &head!
            } else {
                yield &tail[position - 1]
            }
        }
    }
}

extension FirstInline: RangeReplaceableCollection {
    /// Rare (the model's builders append): the list is rebuilt around the new elements, which
    /// keeps its one representation (the head is set exactly when there are elements).
    @inlinable public mutating func replaceSubrange<C: Collection<Element>>(_ subrange: Range<Int>, with newElements: C) {
        var elements = Array(self)
        elements.replaceSubrange(subrange, with: newElements)
        self = FirstInline(elements)
    }

    @inlinable public mutating func reserveCapacity(_ n: Int) {
        if n > 1 { tail.reserveCapacity(n - 1) }
    }
}

extension FirstInline: ExpressibleByArrayLiteral {
    @inlinable public init(arrayLiteral elements: Element...) { self.init(elements) }
}

// One representation per list: equal fields, equal lists.
extension FirstInline: Equatable where Element: Equatable {}
extension FirstInline: Hashable where Element: Hashable {}

extension FirstInline: Encodable where Element: Encodable {
    /// As the array it replaces: a JSON list.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for element in self { try container.encode(element) }
    }
}

extension FirstInline: CustomStringConvertible {
    public var description: String { Array(self).description }
}
