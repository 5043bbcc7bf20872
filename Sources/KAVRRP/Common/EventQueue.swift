/// A binary min-heap of events by (time, insertion order): equal times pop in FIFO order, so a
/// run depends only on its inputs. Payloads sit in slots; the heap moves small keys only. Used by
/// the simulator in the tests, by `kabench vrrp` and by karun's event loop for its timers (pure:
/// time is a value, no clock).
public struct EventQueue<Payload> {
    // Inlinable so that users in other modules (karun's event loop) get it specialized for their
    // payload instead of going through generic metadata on every push and pop.
    @usableFromInline
    struct Key {
        @usableFromInline var time: Int64
        @usableFromInline var sequence: UInt64
        @usableFromInline var slot: Int
        @inlinable init(time: Int64, sequence: UInt64, slot: Int) {
            self.time = time
            self.sequence = sequence
            self.slot = slot
        }
        @inlinable func precedes(_ other: Key) -> Bool {
            time < other.time || (time == other.time && sequence < other.sequence)
        }
    }

    @usableFromInline var heap: [Key] = []
    @usableFromInline var slots: [Payload?] = []
    @usableFromInline var freeSlots: [Int] = []
    @usableFromInline var nextSequence: UInt64 = 0

    @inlinable public init() {}

    @inlinable public var isEmpty: Bool { heap.isEmpty }
    @inlinable public var count: Int { heap.count }

    @inlinable public mutating func push(_ payload: Payload, at time: Int64) {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            slots[slot] = payload
        } else {
            slot = slots.count
            slots.append(payload)
        }
        heap.append(Key(time: time, sequence: nextSequence, slot: slot))
        nextSequence += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// The earliest entry without removing it.
    @inlinable public func peek() -> (time: Int64, payload: Payload)? {
        guard let top = heap.first, let payload = slots[top.slot] else { return nil }
        return (top.time, payload)
    }

    @inlinable public mutating func pop() -> (time: Int64, payload: Payload)? {
        guard !heap.isEmpty else { return nil }
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < heap.count, heap[left].precedes(heap[smallest]) { smallest = left }
                if right < heap.count, heap[right].precedes(heap[smallest]) { smallest = right }
                guard smallest != parent else { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        let payload = slots[top.slot].take()!
        freeSlots.append(top.slot)
        return (top.time, payload)
    }
}
