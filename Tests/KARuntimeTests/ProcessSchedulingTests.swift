import KAConfig
import Testing
@testable import KARuntime

/// global_defs' VRRP process settings read as keepalived 2.2.7's global_parser.c reads them:
/// defaults, clamps and the values it ignores with a message.
@Suite struct ProcessSchedulingTests {
    static func scheduling(_ global: String, cpus: Int = 2) -> (ProcessScheduling, [PlanIssue]) {
        let text = "global_defs {\n\(global)\n}\n"
        let node = Analyzer.analyze(path: "keepalived.conf", text: text)
        let plan = ModelAdapter(configuration: node.model, host: StaticHostFacts(onlineCPUs: cpus)).plan()
        return (plan.global.scheduling, plan.issues)
    }

    @Test func nothingWrittenIsKeepalivedsDefault() {
        let (scheduling, issues) = Self.scheduling("    router_id r1")
        #expect(scheduling.isDefault)
        #expect(scheduling.realtimeLimit == 10_000)
        #expect(scheduling.minAutoPriorityDelay == 1_000_000)
        #expect(scheduling.maxAutoPriority == 0)
        #expect(issues.isEmpty)
    }

    @Test func everySettingIsRead() {
        let (scheduling, issues) = Self.scheduling("""
                vrrp_priority -10
                vrrp_rt_priority 40
                vrrp_rlimit_rttime 50000
                vrrp_no_swap
                vrrp_cpu_affinity 1 0 1
                max_auto_priority 30
                min_auto_priority_delay 250000
            """, cpus: 4)
        #expect(scheduling.nice == -10)
        #expect(scheduling.realtimePriority == 40)
        #expect(scheduling.realtimeLimit == 50_000)
        #expect(scheduling.lockMemory)
        #expect(scheduling.cpus == [1, 0], "each CPU once, in the order written")
        #expect(scheduling.maxAutoPriority == 30)
        #expect(scheduling.minAutoPriorityDelay == 250_000)
        #expect(issues.isEmpty, "\(issues)")
    }

    @Test func keepalivedsSpecialCases() {
        // max_auto_priority alone: sched_get_priority_max(SCHED_RR).
        #expect(Self.scheduling("    max_auto_priority").0.maxAutoPriority == 99)
        // A limit of 1 becomes 2 (its half, the soft limit, must not be 0).
        #expect(Self.scheduling("    vrrp_rlimit_rttime 1").0.realtimeLimit == 2)
        // The deprecated spelling still counts; the current one wins over it.
        #expect(Self.scheduling("    vrrp_rlimit_rtime 3000").0.realtimeLimit == 3000)
        #expect(Self.scheduling("    vrrp_rlimit_rttime 4000\n    vrrp_rlimit_rtime 3000").0.realtimeLimit == 4000)
        #expect(Self.scheduling("    vrrp_no_swap false").0.lockMemory == false)
    }

    @Test func valuesKeepalivedIgnoresAreWarnings() {
        // A CPU that is not online empties the whole set, as keepalived does.
        let (affinity, affinityIssues) = Self.scheduling("    vrrp_cpu_affinity 0 7", cpus: 2)
        #expect(affinity.cpus.isEmpty)
        #expect(affinityIssues.contains { $0.severity == .warning && $0.message.contains("cpu '7'") })
        let (delay, delayIssues) = Self.scheduling("    min_auto_priority_delay 20000000")
        #expect(delay.minAutoPriorityDelay == 1_000_000)
        #expect(delayIssues.contains { $0.message.contains("min_auto_priority_delay") })
        let (nice, niceIssues) = Self.scheduling("    vrrp_priority 30")
        #expect(nice.nice == nil)
        #expect(niceIssues.contains { $0.message.contains("vrrp_priority 30") })
        #expect(niceIssues.allSatisfy { $0.severity == .warning }, "settings never stop karun")
    }
}
