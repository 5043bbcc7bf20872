import Foundation
import Glibc
import KAVRRP
import Testing

/// The sequence every two-node lab test runs (issue 14): election, client ARP/ND, SIGKILL of the
/// master with takeover timing, restart and preemption back, SIGTERM with its shorter takeover.
struct FailoverScenario {
    /// Builds node `index`'s (1 or 2) configuration at `priority`.
    var config: (_ index: Int, _ priority: Int) -> String
    /// The VIP as `ip addr` prints it, and the interface it lives on, per node.
    var vip: String
    var vipInterface: String
    var instance = "VI_1"
    var version: VRRPVersion
    var advertInterval: VRRPDuration
    var nopreempt = false
    /// The MAC the client must learn for the VIP from node `index` (nil: that node's eth0 MAC).
    var expectedMAC: ((Int) -> String)? = nil
    /// Checked from the client (skip for VIPs only routed, e.g. on `lo`).
    var clientChecksNeighbour = true

    func masterDownInterval(priority: Int) -> Double {
        Double(VRRPTimers.masterDownInterval(
            version: version, priority: UInt8(priority), masterAdvertisementInterval: advertInterval).microseconds) / 1e6
    }

    func skew(priority: Int) -> Double {
        Double(VRRPTimers.skewTime(version: version, priority: UInt8(priority), masterAdvertisementInterval: advertInterval).microseconds) / 1e6
    }

    /// n1 at 150 (the master), n2 at 100.
    func run(in lab: KarunLab) throws {
        let first = try lab.start("n1", config: config(1, 150), name: "n1-a")
        let second = try lab.start("n2", config: config(2, 100), name: "n2-a")
        let settle = masterDownInterval(priority: 100) + 3
        #expect(lab.wait(timeout: settle) { first.state(instance) == "MASTER" && second.state(instance) == "BACKUP" } != nil,
                "election: n1 \(first.state(instance) ?? "-"), n2 \(second.state(instance) ?? "-")\n\(first.log)\n\(second.log)")
        #expect(lab.wait(timeout: 2) { lab.holds("n1", vipInterface, vip) } != nil, "n1 holds \(vip)")
        #expect(!lab.holds("n2", vipInterface, vip), "n2 must not hold \(vip) while BACKUP")
        try checkClient(lab, expecting: 1)

        // SIGKILL and link down, as a dead node: the backup takes over within Master_Down_Interval
        // + 0.5 s. The killed run leaves its VIP on n1 (nothing removed it).
        first.kill(SIGKILL)
        try Lab.check(["ip", "-n", lab.namespace("n1"), "link", "set", "eth0", "down"])
        _ = first.wait(timeout: 2)
        let limit = masterDownInterval(priority: 100) + 0.5
        let takeover = lab.wait(timeout: limit + 2) { lab.holds("n2", vipInterface, vip) }
        #expect(takeover.map { $0 <= limit } == true, "SIGKILL takeover took \(takeover.map { String($0) } ?? "too long") s, limit \(limit) s\n\(second.log)")
        try checkClient(lab, expecting: 2)

        // The old master comes back: it clears what the killed run left, then preempts (unless nopreempt).
        try Lab.check(["ip", "-n", lab.namespace("n1"), "link", "set", "eth0", "up"])
        let restarted = try lab.start("n1", config: config(1, 150), name: "n1-b")
        if nopreempt {
            #expect(lab.wait(timeout: masterDownInterval(priority: 150) + 3) { restarted.state(instance) == "BACKUP" } != nil)
            usleep(UInt32(masterDownInterval(priority: 150) * 1_500_000))
            #expect(second.state(instance) == "MASTER", "nopreempt: n2 stays MASTER")
            #expect(!lab.holds("n1", vipInterface, vip), "nopreempt: the restarted n1 does not hold the VIP")
            second.kill(SIGTERM)
            #expect(second.wait(timeout: 5) == 0)
            #expect(lab.wait(timeout: masterDownInterval(priority: 150) + 1) { lab.holds("n1", vipInterface, vip) } != nil)
            restarted.kill(SIGTERM)
            #expect(restarted.wait(timeout: 5) == 0)
            return
        }
        #expect(lab.wait(timeout: masterDownInterval(priority: 150) + 3) {
            restarted.state(instance) == "MASTER" && second.state(instance) == "BACKUP"
        } != nil, "preemption back\n\(restarted.log)")
        #expect(lab.wait(timeout: 2) { lab.holds("n1", vipInterface, vip) && !lab.holds("n2", vipInterface, vip) } != nil,
                "after preemption only n1 holds \(vip)")
        try checkClient(lab, expecting: 1)

        // SIGTERM: priority-0 advert, so the backup takes over after Skew_Time.
        restarted.kill(SIGTERM)
        let termLimit = skew(priority: 100) + 0.3
        let graceful = lab.wait(timeout: termLimit + 3) { lab.holds("n2", vipInterface, vip) }
        #expect(graceful.map { $0 <= termLimit } == true, "SIGTERM takeover took \(graceful.map { String($0) } ?? "too long") s, limit \(termLimit) s")
        #expect(restarted.wait(timeout: 5) == 0, "SIGTERM exits 0")
        #expect(!lab.holds("n1", vipInterface, vip), "SIGTERM removed the VIP")
        second.kill(SIGTERM)
        #expect(second.wait(timeout: 5) == 0)
        #expect(!lab.holds("n2", vipInterface, vip), "SIGTERM removed the VIP")
    }

    /// The client resolves the VIP to the node that should hold it (gratuitous ARP / NA moved it).
    func checkClient(_ lab: KarunLab, expecting node: Int) throws {
        guard clientChecksNeighbour else { return }
        let expected = expectedMAC?(node) ?? lab.mac("n\(node)", "eth0")
        let address = String(vip.split(separator: "/")[0])
        let moved = lab.wait(timeout: 2) {
            if lab.neighbourMAC("c", address) == expected { return true }
            lab.ping("c", address)
            return lab.neighbourMAC("c", address) == expected
        }
        #expect(moved != nil, "client resolves \(address) to \(expected ?? "?"), has \(lab.neighbourMAC("c", address) ?? "none")")
    }
}
