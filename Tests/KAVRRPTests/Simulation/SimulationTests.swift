import Testing
import KAVRRP

/// 1,000 seeded scenarios (2–8 nodes, v2/v3, IPv4/IPv6, multicast/unicast, sync groups, nopreempt,
/// preempt_delay, owners) through chaos and then calm, with the invariants of `Simulator+Invariants`.
/// A failing seed is printed; replay it alone with `KAVRRP_SEED=<seed> swift test --filter replaySeed`.
@Suite("Deterministic VRRP simulation")
struct SimulationTests {
    static let scenarioCount: UInt64 = 1_000
    static let batches: [ClosedRange<UInt64>] = stride(from: 1, through: scenarioCount, by: 125).map { $0...($0 + 124) }

    @Test(arguments: batches)
    func seededScenarios(_ seeds: ClosedRange<UInt64>) {
        var failures: [String] = []
        for seed in seeds {
            var simulator = Simulator(scenario: Scenario.generate(seed: seed))
            simulator.run()
            if !simulator.finished { failures.append("seed \(seed): simulation did not reach its end") }
            if !simulator.violations.isEmpty {
                failures.append("\(simulator.scenario)\n    " + simulator.violations.prefix(3).joined(separator: "\n    "))
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failing seeds:\n\(failures.joined(separator: "\n"))")
    }

    @Test func replaySeed() throws {
        let seed = UInt64(Environment.value("KAVRRP_SEED") ?? "") ?? 1
        var simulator = Simulator(scenario: Scenario.generate(seed: seed), tracing: Environment.value("KAVRRP_SEED") != nil)
        simulator.run()
        if let trace = simulator.trace {
            print(simulator.scenario)
            print(trace.joined(separator: "\n"))
        }
        #expect(simulator.violations.isEmpty, "\(simulator.scenario): \(simulator.violations)")
    }

    @Test func scenariosCoverTheSpace() {
        let scenarios = (1...Self.scenarioCount).map { Scenario.generate(seed: $0) }
        #expect(Set(scenarios.map(\.nodeCount)) == Set(2...8))
        #expect(scenarios.contains { $0.version == .v2 } && scenarios.contains { $0.version == .v3 })
        #expect(scenarios.contains { $0.family == .ipv6 })
        #expect(scenarios.contains { $0.unicast } && scenarios.contains { !$0.unicast })
        #expect(scenarios.contains { $0.syncGroup } && scenarios.contains { $0.nopreempt } && scenarios.contains { $0.owner != nil })
        #expect(scenarios.contains { $0.preemptDelay > .zero })
        let kinds = Set(scenarios.flatMap { $0.disruptions.map { String(describing: $0.disruption).split(separator: " ")[0] } })
        #expect(kinds.isSuperset(of: ["partition", "loss", "duplication", "crash", "restart", "shutdown", "script", "interface", "heal"]))
    }

    @Test func simulationIsDeterministic() {
        var first = Simulator(scenario: Scenario.generate(seed: 4242), tracing: true)
        var second = Simulator(scenario: Scenario.generate(seed: 4242), tracing: true)
        first.run()
        second.run()
        #expect(first.trace == second.trace)
        #expect(first.eventsHandled == second.eventsHandled)
        #expect(first.eventsHandled > 50)
    }

    /// The checks must be able to fail: if adverts silently vanish, every node becomes master.
    @Test func invariantsCatchABrokenNetwork() {
        var scenario = Scenario.generate(seed: 7)
        scenario.disruptions = []
        var simulator = Simulator(scenario: scenario)
        simulator.sabotaged = true
        simulator.run()
        #expect(simulator.violations.contains { $0.contains("has masters") })
        #expect(simulator.violations.contains { $0.contains("held twice") })
    }
}

/// Reads environment variables without Foundation.
enum Environment {
    static func value(_ name: String) -> String? {
        guard let pointer = getenv(name) else { return nil }
        return String(cString: pointer)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
