import Foundation
import Glibc
import KAVRRP
import Testing

/// A track_script failing on the master moves the VIP to the other daemon, and the master
/// preempts back once the script succeeds again (issue 15), karun beside keepalived 2.2.7 in both
/// role orders. Two of the eight modes only, chosen to cover both ways a script moves a VIP: VRRPv2
/// with a weight-0 script (the master goes to FAULT and sends priority 0) and VRRPv3 with a
/// weighted script (the master keeps advertising, at a priority below the backup's, which the
/// other daemon must read off the wire).
struct TrackScriptInteropScenario {
    var version: VRRPVersion
    var advertInterval: VRRPDuration
    /// nil: weight 0 (FAULT on failure).
    var weight: Int?
    var vrid: Int
    var vip: String
    /// The script runs every second (keepalived's unit for `interval`), fall 1, rise 1.
    let scriptInterval = 1.0

    var intervalText: String { version == .v2 ? "\(advertInterval.microseconds / 1_000_000)" : "\(Double(advertInterval.microseconds) / 1e6)" }

    func config(directory: String) -> (Int, Int) -> String {
        { index, priority in
            """
            global_defs {
                vrrp_version \(version == .v2 ? 2 : 3)
                script_user root
                enable_script_security
            }
            vrrp_script chk {
                script "/usr/bin/test -e \(directory)/ok-\(index)"
                interval 1
                fall 1
                rise 1
            \(weight.map { "    weight \($0)" } ?? "")
            }
            vrrp_instance VI_1 {
                state BACKUP
                interface eth0
                virtual_router_id \(vrid)
                priority \(priority)
                advert_int \(intervalText)
                virtual_ipaddress {
                    \(vip)/24
                }
                track_script {
                    chk
                }
            }
            """
        }
    }

    func run(in lab: KarunLab, master masterKind: DaemonKind, backup backupKind: DaemonKind) throws {
        let directory = lab.directory
        for index in 1...2 { _ = FileManager.default.createFile(atPath: "\(directory)/ok-\(index)", contents: nil) }
        let scenario = InteropScenario(
            config: config(directory: directory), vip: vip, vipInterface: "eth0", version: version, advertInterval: advertInterval)
        let first = try scenario.start(masterKind, lab, node: 1, priority: 150, tag: "t")
        let second = try scenario.start(backupKind, lab, node: 2, priority: 100, tag: "t")
        let context = "\(masterKind) (150) beside \(backupKind) (100), \(weight.map { "weight \($0)" } ?? "weight 0")"
        let onlyOn: (Int) -> Bool = { node in lab.holds("n\(node)", "eth0", vip) && !lab.holds("n\(3 - node)", "eth0", vip) }
        let elected = lab.wait(timeout: scenario.masterDown(100) + 6) {
            first.state("VI_1") == "MASTER" && second.state("VI_1") == "BACKUP" && onlyOn(1)
        }
        #expect(elected != nil, "\(context): election\n\(first.log)\n\(second.log)")

        // The master's script fails. Weight 0: FAULT, priority 0, the backup waits Skew_Time.
        // Weighted: the master advertises 90, the backup (100) ignores it and its down timer runs out.
        try FileManager.default.removeItem(atPath: "\(directory)/ok-1")
        let moveLimit = scriptInterval + (weight == nil ? scenario.skew(100) + 0.3 : scenario.masterDown(100) + 0.5)
        let moved = lab.wait(timeout: moveLimit + 3) { onlyOn(2) }
        #expect(moved.map { $0 <= moveLimit } == true,
                "\(context): script failure moved the VIP after \(moved.map { String($0) } ?? "never") s, limit \(moveLimit) s\n\(first.log)\n\(second.log)")
        let failedState = weight == nil ? "FAULT" : "BACKUP"
        #expect(lab.wait(timeout: 2) { first.state("VI_1") == failedState && second.state("VI_1") == "MASTER" } != nil,
                "\(context): n1 \(first.state("VI_1") ?? "-") (want \(failedState)), n2 \(second.state("VI_1") ?? "-")")
        // For a few adverts, exactly one node holds the VIP.
        let watchUntil = Date().addingTimeInterval(max(0.6, Double(advertInterval.microseconds) / 1e6 * 3))
        var doubleHeld = false
        while Date() < watchUntil {
            if !onlyOn(2) { doubleHeld = true }
            usleep(20_000)
        }
        #expect(!doubleHeld, "\(context): the VIP stayed on n2 alone while n1's script failed")

        // The script succeeds again: the old master (150) preempts back after its down timer.
        _ = FileManager.default.createFile(atPath: "\(directory)/ok-1", contents: nil)
        let backLimit = scriptInterval + scenario.masterDown(150) + 0.5
        let back = lab.wait(timeout: backLimit + 3) { onlyOn(1) && first.state("VI_1") == "MASTER" }
        #expect(back.map { $0 <= backLimit } == true,
                "\(context): preempted back after \(back.map { String($0) } ?? "never") s, limit \(backLimit) s\n\(first.log)\n\(second.log)")
        #expect(lab.wait(timeout: 2) { second.state("VI_1") == "BACKUP" } != nil, "\(context): n2 back to BACKUP")

        first.kill(SIGTERM)
        second.kill(SIGTERM)
        _ = first.wait(timeout: 5)
        _ = second.wait(timeout: 5)
        InteropScenario.expectNoComplaints([first, second], context: context)
    }
}

extension LabInteropTests {
    @Test(arguments: orders)
    func trackScriptFaultMovesTheVIPWithVRRP2(master: DaemonKind, backup: DaemonKind) throws {
        let lab = try LabFailoverTests.lab("its2")
        defer { lab.tearDown() }
        try TrackScriptInteropScenario(version: .v2, advertInterval: .seconds(1), weight: nil, vrid: 91, vip: "192.0.2.91")
            .run(in: lab, master: master, backup: backup)
    }

    @Test(arguments: orders)
    func weightedTrackScriptMovesTheVIPWithVRRP3(master: DaemonKind, backup: DaemonKind) throws {
        let lab = try LabFailoverTests.lab("its3")
        defer { lab.tearDown() }
        try TrackScriptInteropScenario(version: .v3, advertInterval: .milliseconds(200), weight: -60, vrid: 92, vip: "192.0.2.92")
            .run(in: lab, master: master, backup: backup)
    }
}
