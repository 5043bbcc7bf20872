import Testing
import KAVRRP

/// The router numbers its instances (`VRRPInstance.slot`) and its timers and adverts carry the
/// number, so that karun keeps its per-instance tables in arrays; a reload renumbers, and the
/// name, not a stale number, decides which instance a timer belongs to.
@Suite struct InstanceSlotTests {
    static func armed(_ actions: [VRRPAction]) -> [TimerID] {
        actions.compactMap { if case .armTimer(let id, _) = $0 { id } else { nil } }
    }

    @Test func timersAndAdvertsCarryTheInstanceSlot() throws {
        var harness = try Harness([Sample.instance(name: "VI_1", vrid: 51), Sample.instance(name: "VI_2", vrid: 52)])
        let started = harness.start()
        #expect(harness.instance("VI_1").slot == 0)
        #expect(harness.instance("VI_2").slot == 1)
        #expect(Self.armed(started).map { "\($0.instance) \($0.slot.map(String.init) ?? "-")" } == ["VI_1 0", "VI_2 1"])
        let taken = harness.fire(.masterDown, of: "VI_2")
        #expect(!taken.sentAdvertisements.isEmpty)
        #expect(taken.sentAdvertisements.allSatisfy { $0.slot == 1 && $0.instance == "VI_2" })
    }

    @Test func aReloadRenumbersAndATimerArmedBeforeFiresItsOwnInstance() throws {
        var harness = try Harness([Sample.instance(name: "VI_1", vrid: 51), Sample.instance(name: "VI_2", vrid: 52)])
        harness.start()
        harness.fire(.masterDown, of: "VI_2")
        let beforeReload = try #require(Self.armed(harness.log).last { $0.instance == "VI_2" && $0.kind == .advertisement })
        #expect(beforeReload.slot == 1)
        // VI_2 moves to slot 0, a new instance takes slot 1.
        let order = [Sample.instance(name: "VI_2", vrid: 52), Sample.instance(name: "VI_3", vrid: 53), Sample.instance(name: "VI_1", vrid: 51)]
        harness.handle(.reload(instances: order, syncGroups: []), at: harness.now + .milliseconds(10))
        #expect(harness.instance("VI_2").slot == 0)
        #expect(harness.instance("VI_3").slot == 1)
        #expect(harness.instance("VI_1").slot == 2)
        // The old id points at slot 1, now VI_3's: the name decides, so VI_2 sends its advert.
        let deadline = try #require(harness.instance("VI_2").deadline(of: .advertisement))
        let fired = harness.handle(.timerFired(beforeReload), at: deadline)
        #expect(fired.sentAdvertisements.map(\.instance) == ["VI_2"])
        #expect(fired.sentAdvertisements.map(\.slot) == [0])
        #expect(Self.armed(fired).map(\.slot) == [0])
    }

    @Test func aRemovedInstanceSendsAndCancelsByNameAlone() throws {
        var harness = try Harness([Sample.instance(name: "VI_1", vrid: 51), Sample.instance(name: "VI_2", vrid: 52)])
        harness.start()
        harness.fire(.masterDown, of: "VI_1")
        let removal = harness.handle(.reload(instances: [Sample.instance(name: "VI_2", vrid: 52)], syncGroups: []), at: harness.now + .milliseconds(100))
        #expect(removal.sentAdvertisements.map(\.advertisement.priority) == [0])
        #expect(removal.sentAdvertisements.allSatisfy { $0.slot == nil })
        let cancelled = removal.compactMap { if case .cancelTimer(let id) = $0 { id } else { nil } }
        #expect(!cancelled.isEmpty)
        #expect(cancelled.allSatisfy { $0.instance == "VI_1" && $0.slot == nil })
        #expect(harness.instance("VI_2").slot == 0)
    }
}
