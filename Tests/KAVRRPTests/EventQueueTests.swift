import Testing
import KAVRRP

@Suite struct EventQueueTests {
    @Test func popsByTimeThenInsertionOrder() {
        var queue = EventQueue<String>()
        queue.push("c", at: 30)
        queue.push("a1", at: 10)
        queue.push("b", at: 20)
        queue.push("a2", at: 10)
        #expect(queue.count == 4)
        var order: [String] = []
        while let next = queue.pop() { order.append("\(next.payload)@\(next.time)") }
        #expect(order == ["a1@10", "a2@10", "b@20", "c@30"])
        #expect(queue.isEmpty)
    }

    @Test func reusesSlotsAcrossManyEvents() {
        var queue = EventQueue<Int>()
        var popped: [Int] = []
        for round in 0..<1000 {
            queue.push(round, at: Int64(round % 7))
            if round % 3 == 0, let next = queue.pop() { popped.append(Int(next.time)) }
        }
        while let next = queue.pop() { popped.append(Int(next.time)) }
        #expect(popped.count == 1000)
    }
}
