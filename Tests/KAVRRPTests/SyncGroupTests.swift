import Testing
import KAVRRP

@Suite("Sync groups")
struct SyncGroupTests {
    let script = TrackerKey(.script, "chk")

    func pair(_ configure: (inout SyncGroupConfiguration) -> Void = { _ in }) throws -> Harness {
        var group = SyncGroupConfiguration(name: "G", members: ["VI_1", "VI_2"], notify: NotifyScripts(master: "/bin/gm", generic: "/bin/gn"))
        configure(&group)
        var second = Sample.instance(name: "VI_2", vrid: 52)
        second.virtualAddresses = [VirtualAddress("192.0.2.200")]
        second.trackers = [TrackerConfiguration(script)]
        var harness = try Harness([Sample.instance(), second], groups: [group])
        harness.start()
        harness.handle(.trackerChanged(script, .up))
        return harness
    }

    @Test func membersBecomeMasterTogether() throws {
        var harness = try pair()
        #expect(harness.state("VI_1") == .backup && harness.state("VI_2") == .backup)
        // VI_1's timer runs out first, but VI_2 does not want MASTER yet: VI_1 waits, wanting it.
        let first = harness.fire(.masterDown, of: "VI_1")
        #expect(harness.state("VI_1") == .backup)
        #expect(harness.instance("VI_1").wantsMaster)
        #expect(first.armed(.masterDown) != nil)
        let second = harness.fire(.masterDown, of: "VI_2")
        #expect(harness.state("VI_1") == .master && harness.state("VI_2") == .master)
        #expect(harness.router.syncGroupState(named: "G") == .master)
        #expect(second.logLines.contains("VRRP_Group(G) Syncing instances to MASTER state"))
        #expect(second.notifications.suffix(2) == [
            NotifyInvocation(command: "/bin/gm", arguments: [], subject: "GROUP G"),
            NotifyInvocation(command: "/bin/gn", arguments: ["GROUP", "G", "MASTER", "0"], subject: "GROUP G"),
        ])
    }

    func masters() throws -> Harness {
        var harness = try pair()
        harness.fire(.masterDown, of: "VI_1")
        harness.fire(.masterDown, of: "VI_2")
        return harness
    }

    @Test func oneMemberYieldingMovesAllToBackup() throws {
        var harness = try masters()
        let actions = harness.receive(Harness.packet(from: Sample.higherPeer, vrid: 52, priority: 200, addresses: ["192.0.2.200"]), at: .seconds(9))
        #expect(harness.state("VI_1") == .backup && harness.state("VI_2") == .backup)
        #expect(actions.filter { if case .removeAddresses = $0 { true } else { false } }.count == 2)
        #expect(harness.router.syncGroupState(named: "G") == .backup)
    }

    @Test func oneFaultIsEveryonesFault() throws {
        var harness = try masters()
        let down = harness.handle(.trackerChanged(script, .down), at: .seconds(9))
        #expect(harness.state("VI_1") == .fault && harness.state("VI_2") == .fault)
        // Both masters announce they are leaving.
        #expect(down.sentAdvertisements.map(\.advertisement.priority) == [0, 0])
        #expect(harness.router.syncGroupState(named: "G") == .fault)
        // VI_1 has no fault of its own but may not leave while VI_2 has one.
        harness.handle(.interfaceChanged(name: "eth0", up: true), at: .seconds(10))
        #expect(harness.state("VI_1") == .fault)
        harness.handle(.trackerChanged(script, .up), at: .seconds(11))
        #expect(harness.state("VI_1") == .backup && harness.state("VI_2") == .backup)
        #expect(harness.router.syncGroupState(named: "G") == .backup)
    }

    @Test func weightsInsideAGroupNeedTrackingWeight() throws {
        // keepalived: without sync_group_tracking_weight, a weighted track_interface becomes
        // unweighted (failure → FAULT) and weighted scripts are dropped.
        var first = Sample.instance()
        first.trackers = [TrackerConfiguration(TrackerKey(.interface, "eth1"), weight: -20), TrackerConfiguration(script, weight: 10)]
        let group = SyncGroupConfiguration(name: "G", members: ["VI_1", "VI_2"])
        var harness = try Harness([first, Sample.instance(name: "VI_2", vrid: 52)], groups: [group])
        harness.start()
        harness.handle(.trackerChanged(script, .up))
        #expect(harness.instance().effectivePriority == 100)
        harness.handle(.interfaceChanged(name: "eth1", up: false))
        #expect(harness.state("VI_1") == .fault && harness.state("VI_2") == .fault)

        var weighted = try Harness([first, Sample.instance(name: "VI_2", vrid: 52)], groups: [SyncGroupConfiguration(name: "G", members: ["VI_1", "VI_2"], trackingWeight: true)])
        weighted.start()
        weighted.handle(.interfaceChanged(name: "eth1", up: false))
        #expect(weighted.state("VI_1") == .backup)
        #expect(weighted.instance().effectivePriority == 80)
    }

    @Test func shutdownStopsTheGroup() throws {
        var harness = try masters()
        let actions = harness.handle(.shutdown, at: .seconds(9))
        #expect(actions.sentAdvertisements.map(\.advertisement.priority) == [0, 0])
        #expect(harness.router.syncGroupState(named: "G") == .stopped)
        #expect(actions.notifications.last == NotifyInvocation(command: "/bin/gn", arguments: ["GROUP", "G", "STOP", "0"], subject: "GROUP G"))
    }

    @Test func stateMasterMemberWaitsOneIntervalInAGroup() throws {
        // keepalived (vrrp_init_state): a `state MASTER` member of a group that starts as BACKUP
        // waits one advert interval + the minimum skew, not a full Master_Down_Interval.
        var first = Sample.instance(priority: 200)
        first.initialStateMaster = true
        var harness = try Harness([first, Sample.instance(name: "VI_2", vrid: 52)], groups: [SyncGroupConfiguration(name: "G", members: ["VI_1", "VI_2"])])
        harness.start()
        #expect(harness.instance("VI_1").deadline(of: .masterDown) == VRRPInstant.zero + .seconds(1) + VRRPDuration(microseconds: 3_906))
        #expect(harness.instance("VI_2").deadline(of: .masterDown) == VRRPInstant.zero + VRRPTimers.masterDownInterval(version: .v2, priority: 100, masterAdvertisementInterval: .seconds(1)))
    }

    @Test func ownersInAGroupStartAsMaster() throws {
        var first = Sample.instance(priority: 255)
        first.initialStateMaster = true
        var second = Sample.instance(name: "VI_2", vrid: 52, priority: 255)
        second.initialStateMaster = true
        var harness = try Harness([first, second], groups: [SyncGroupConfiguration(name: "G", members: ["VI_1", "VI_2"])])
        harness.start()
        #expect(harness.state("VI_1") == .master && harness.state("VI_2") == .master)
        #expect(harness.router.syncGroupState(named: "G") == .master)
    }
}
