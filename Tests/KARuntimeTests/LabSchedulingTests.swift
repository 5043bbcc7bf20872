import Foundation
import Glibc
import KARuntime
import Testing

/// keepalived's VRRP process settings on the real karun process, read back from /proc: SCHED_RR
/// with its RLIMIT_RTTIME, memory locked, CPU affinity, scripts started as normal processes; a
/// reload that drops them undoes them; nice without real-time; and max_auto_priority turning
/// SCHED_RR on after a timer fires late (the process stopped for longer than the delay).
@Suite(.serialized) struct LabSchedulingTests {
    static func config(_ global: String, notify: String = "/bin/true") -> String {
        """
        global_defs {
        \(global)
        }
        vrrp_instance VI_1 {
            state MASTER
            interface eth0
            virtual_router_id 61
            priority 150
            advert_int 1
            notify_master "\(notify)"
            virtual_ipaddress {
                192.0.2.61/24
            }
        }
        """
    }

    /// Fields of /proc/PID/stat after the command (1-based as in proc(5)): 19 nice, 40 rt_priority, 41 policy.
    static func stat(_ pid: Int32) -> [String] {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let close = text.lastIndex(of: ")") else { return [] }
        // Field 3 (state) is the first after ")".
        return ["", "", ""] + text[text.index(after: close)...].split(separator: " ").map(String.init)
    }

    static func status(_ pid: Int32, _ key: String) -> String? {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").first { $0.hasPrefix(key + ":") }
            .map { $0.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    static func realtimeLimit(_ pid: Int32) -> [String] {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)) ?? ""
        let line = text.split(separator: "\n").first { $0.hasPrefix("Max realtime timeout") } ?? ""
        return line.dropFirst("Max realtime timeout".count).split(whereSeparator: \.isWhitespace).map(String.init)
    }

    @Test(.enabled(if: Lab.isPrivileged, "needs root for network namespaces and real-time scheduling"), .timeLimit(.minutes(1)))
    func realtimeLockedPinnedAndUndoneByAReload() throws {
        let lab = try KarunLab("sched")
        defer { lab.tearDown() }
        try lab.host("n1", [("eth0", ["192.0.2.11/24"])])
        let record = "\(lab.directory)/notify-stat"
        // The notify script records its own scheduling: it must not run real-time.
        let script = "\(lab.directory)/notify.sh"
        try "#!/bin/sh\ncat /proc/$$/stat > \(record).tmp && mv \(record).tmp \(record)\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let global = """
                vrrp_rt_priority 10
                vrrp_rlimit_rttime 20000
                vrrp_no_swap
                vrrp_cpu_affinity 0
                vrrp_priority -5
            """
        let node = try lab.start("n1", config: Self.config(global, notify: script))
        #expect(lab.wait(timeout: 8) { node.state("VI_1") == "MASTER" } != nil, "\(node.log)")
        let stat = Self.stat(node.pid)
        try #require(stat.count > 41, "\(stat)")
        #expect(stat[41] == "2", "policy SCHED_RR")
        #expect(stat[40] == "10", "rt_priority")
        #expect(stat[19] == "0", "keepalived applies no nice value with a real-time priority")
        #expect(Self.realtimeLimit(node.pid).prefix(2) == ["10000", "20000"], "soft half, hard the limit")
        #expect(Self.status(node.pid, "Cpus_allowed_list") == "0")
        let locked = Self.status(node.pid, "VmLck").flatMap { Int($0.split(separator: " ")[0]) } ?? 0
        #expect(locked > 0, "mlockall")
        #expect(lab.wait(timeout: 5) { FileManager.default.fileExists(atPath: record) } != nil, "notify_master did not run:\n\(node.log)")
        let scriptText = (try? String(contentsOfFile: record, encoding: .utf8)) ?? ""
        let scriptFields = ["", "", ""] + (scriptText.split(separator: ")").last ?? "").split(separator: " ").map(String.init)
        #expect(scriptFields.count > 41 && scriptFields[41] == "0", "the script runs SCHED_OTHER (reset on fork): \(scriptText)")
        #expect(node.log.contains("real-time scheduling: SCHED_RR priority 10"), "\(node.log)")

        // A reload without the settings undoes them; nice applies without real-time.
        try Self.config("    vrrp_priority -5").write(toFile: "\(lab.directory)/n1.conf", atomically: true, encoding: .utf8)
        node.kill(SIGHUP)
        let undone = lab.wait(timeout: 5) { Self.stat(node.pid).count > 41 && Self.stat(node.pid)[41] == "0" }
        #expect(undone != nil, "SCHED_RR stayed after the reload:\n\(node.log)")
        _ = lab.wait(timeout: 3) { Self.stat(node.pid)[19] == "-5" }
        #expect(Self.stat(node.pid)[19] == "-5", "vrrp_priority -5")
        // The settings are undone one after the other: each is waited for.
        #expect(lab.wait(timeout: 3) { Self.status(node.pid, "VmLck")?.hasPrefix("0 ") == true } != nil, "munlockall")
        #expect(lab.wait(timeout: 3) { Self.status(node.pid, "Cpus_allowed_list") != "0" } != nil, "affinity back to every CPU")
        #expect(node.state("VI_1") == "MASTER")
    }

    @Test(.enabled(if: Lab.isPrivileged, "needs root for network namespaces and real-time scheduling"), .timeLimit(.minutes(1)))
    func aLateTimerTurnsRealtimeOnUpToTheMaximum() throws {
        let lab = try KarunLab("autoprio")
        defer { lab.tearDown() }
        try lab.host("n1", [("eth0", ["192.0.2.11/24"])])
        let node = try lab.start("n1", config: Self.config("    max_auto_priority 2\n    min_auto_priority_delay 200000"))
        #expect(lab.wait(timeout: 8) { node.state("VI_1") == "MASTER" } != nil, "\(node.log)")
        #expect(Self.stat(node.pid)[41] == "0", "not real-time before any late timer")
        // Stopped for longer than advert_int: the advert timer falls due meanwhile and fires more
        // than the delay late when the process runs again.
        for expected in ["1", "2", "2"] {
            node.kill(SIGSTOP)
            usleep(1_300_000)
            node.kill(SIGCONT)
            let raised = lab.wait(timeout: 3) { Self.stat(node.pid)[40] == expected }
            #expect(raised != nil, "rt_priority \(Self.stat(node.pid)[40]), expected \(expected):\n\(node.log)")
            #expect(Self.stat(node.pid)[41] == "2")
            usleep(300_000)
        }
        #expect(node.log.contains("s late: real-time priority 1 (max_auto_priority 2)"), "\(node.log)")
        #expect(Self.realtimeLimit(node.pid).prefix(2) == ["5000", "10000"], "keepalived's default limit")
    }
}
