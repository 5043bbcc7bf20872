import Testing
import KAVRRP
@testable import KARuntime

/// karun finds an engine timer's loop timer by instance slot; a reload renumbers the instances and
/// the table must follow, by name, ending the timers of instances gone.
@Suite struct EngineTimerTableTests {
    @Test func aTimerIsFoundByItsSlotAndNameOnly() {
        var table = EngineTimerTable()
        let advert = EngineTimer(id: TimerID(instance: "VI_1", kind: .advertisement, slot: 3))
        #expect(table.insert(advert) == nil)
        #expect(table.timer(for: TimerID(instance: "VI_1", kind: .advertisement, slot: 3)) === advert)
        #expect(table.timer(for: TimerID(instance: "VI_1", kind: .masterDown, slot: 3)) == nil)
        // Another instance at that slot (a stale id), or no slot (an instance a reload removed).
        #expect(table.timer(for: TimerID(instance: "VI_9", kind: .advertisement, slot: 3)) == nil)
        #expect(table.timer(for: TimerID(instance: "VI_1", kind: .advertisement)) == nil)
        #expect(table.count == 1)
    }

    @Test func renumberingMovesTimersByNameAndReturnsThoseOfInstancesGone() {
        var table = EngineTimerTable()
        let first = EngineTimer(id: TimerID(instance: "VI_1", kind: .advertisement, slot: 0))
        let second = EngineTimer(id: TimerID(instance: "VI_2", kind: .masterDown, slot: 1))
        let gone = EngineTimer(id: TimerID(instance: "VI_3", kind: .advertisement, slot: 2))
        for timer in [first, second, gone] { _ = table.insert(timer) }
        let newSlots = ["VI_2": 0, "VI_1": 1]
        let removed = table.renumber { newSlots[$0] }
        #expect(removed.map(\.id.instance) == ["VI_3"])
        #expect(table.timer(for: TimerID(instance: "VI_1", kind: .advertisement, slot: 1)) === first)
        #expect(table.timer(for: TimerID(instance: "VI_2", kind: .masterDown, slot: 0)) === second)
        #expect(first.id.slot == 1)
        #expect(table.count == 2)
    }
}
