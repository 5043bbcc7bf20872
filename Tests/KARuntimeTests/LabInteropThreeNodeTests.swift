import Foundation
import Glibc
import KAVRRP
import Testing

/// Three routers on one segment, karun (150), keepalived 2.2.7 (120) and karun (100), crashed one
/// after the other (issue 15): the right master holds the VIP alone; after each SIGKILL of the
/// master the next-highest takes over within its Master_Down_Interval + 0.5 s (karun to
/// keepalived, then keepalived to karun); restarted, each preempts back in turn.
extension LabInteropTests {
    @Test func threeNodeMixSurvivesOneCrashAtATime() throws {
        let lab = try LabFailoverTests.lab("i3n")
        defer { lab.tearDown() }
        try lab.host("n3", [("eth0", ["192.0.2.13/24"])])
        let vip = "192.0.2.96"
        let scenario = InteropScenario(
            config: LabInteropTests.multicast(version: 3, auth: false, vrid: 96, vip: "\(vip)/24", interval: "0.2"),
            vip: vip, vipInterface: "eth0", version: .v3, advertInterval: .milliseconds(200))
        let kinds: [Int: DaemonKind] = [1: .karun, 2: .keepalived, 3: .karun]
        let priorities = [1: 150, 2: 120, 3: 100]
        var nodes: [Int: LabDaemon] = [:]
        var restarts = 0
        func start(_ node: Int) throws {
            restarts += 1
            nodes[node] = try scenario.start(kinds[node]!, lab, node: node, priority: priorities[node]!, tag: "\(restarts)")
        }
        var running: Set<Int> = []
        /// Nodes holding the VIP on a live link (a killed node's link is down: what its run left there is off the segment).
        func holders() -> [Int] { running.sorted().filter { lab.holds("n\($0)", "eth0", vip) } }
        func states() -> String {
            (1...3).map { "n\($0) \(kinds[$0]!) \(nodes[$0].flatMap { $0.state("VI_1") } ?? "down")" }.joined(separator: ", ")
        }
        func logs() -> String { (1...3).compactMap { nodes[$0]?.log }.joined(separator: "\n") }
        /// `master` is MASTER and alone holds the VIP, every other running node is BACKUP.
        func settled(_ master: Int) -> Bool {
            holders() == [master] && running.allSatisfy { nodes[$0]?.state("VI_1") == ($0 == master ? "MASTER" : "BACKUP") }
        }
        /// For three adverts, nobody else picks the VIP up.
        func staysAlone(_ master: Int) -> Bool {
            let until = Date().addingTimeInterval(0.6)
            while Date() < until {
                if holders() != [master] { return false }
                usleep(20_000)
            }
            return true
        }

        for node in 1...3 { try start(node) }
        running = [1, 2, 3]
        #expect(lab.wait(timeout: scenario.masterDown(100) + 6) { settled(1) } != nil,
                "election: \(states()), VIP on \(holders())\n\(logs())")
        #expect(staysAlone(1), "the VIP stays on n1 alone, on \(holders())")

        // n1 (karun) dies: n2 (keepalived, 120) takes over; n2 (keepalived) dies: n3 (karun, 100).
        for (victim, heir) in [(1, 2), (2, 3)] {
            nodes[victim]?.kill(SIGKILL)
            try Lab.check(["ip", "-n", lab.namespace("n\(victim)"), "link", "set", "eth0", "down"])
            _ = nodes[victim]?.wait(timeout: 3)
            running.remove(victim)
            let limit = scenario.masterDown(priorities[heir]!) + 0.5
            let takeover = lab.wait(timeout: limit + 3) { lab.holds("n\(heir)", "eth0", vip) }
            #expect(takeover.map { $0 <= limit } == true,
                    "n\(victim) killed: n\(heir) took over after \(takeover.map { String($0) } ?? "never") s, limit \(limit) s; \(states())\n\(logs())")
            #expect(lab.wait(timeout: 2) {
                running.allSatisfy { nodes[$0]?.state("VI_1") == ($0 == heir ? "MASTER" : "BACKUP") }
                    && holders() == [heir]
            } != nil, "after n\(victim)'s crash: \(states()), VIP on \(holders())")
        }

        // Restarted, each preempts back in turn: n2 over n3, then n1 over n2. Each daemon removes,
        // at start, the VIP its killed run left on its own link.
        for (node, loser) in [(2, 3), (1, 2)] {
            try Lab.check(["ip", "-n", lab.namespace("n\(node)"), "link", "set", "eth0", "up"])
            try start(node)
            running.insert(node)
            let preempted = lab.wait(timeout: scenario.masterDown(priorities[node]!) + 6) { settled(node) }
            #expect(preempted != nil, "n\(node) restarted: it preempts n\(loser); \(states()), VIP on \(holders())\n\(logs())")
            #expect(staysAlone(node), "after n\(node)'s preemption the VIP stays on n\(node) alone, on \(holders())")
        }

        for node in 1...3 { nodes[node]?.kill(SIGTERM) }
        for node in 1...3 { _ = nodes[node]?.wait(timeout: 5) }
        InteropScenario.expectNoComplaints(Array(nodes.values), context: "three nodes")
    }
}
