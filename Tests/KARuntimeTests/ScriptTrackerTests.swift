import Foundation
import Glibc
import KAConfig
import KAVRRP
import Testing
@testable import KARuntime

/// All script, notify and track_file tests run one after another: they measure time and spawn
/// processes, and the machine is shared.
@Suite(.serialized) struct ScriptTests {}

/// A scratch directory under /tmp, removed at the end.
final class ScriptScratch {
    let path: String

    init(mode: Int = 0o755) throws {
        path = "/tmp/karun-scripts-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        chmod(path, mode_t(mode))
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func script(_ name: String, _ body: String) throws -> String {
        let file = file(name)
        try ("#!/bin/sh\n" + body + "\n").write(toFile: file, atomically: false, encoding: .utf8)
        chmod(file, 0o755)
        return file
    }

    func read(_ name: String) -> String {
        (try? String(contentsOfFile: file(name), encoding: .utf8)) ?? ""
    }

    func lines(_ name: String) -> [String] {
        read(name).split(separator: "\n").map(String.init)
    }
}

/// Runs `loop` until `done` holds (checked every 5 ms) or `limit` passes; returns whether `done` held.
@discardableResult
func runLoop(_ loop: EventLoop, limit: Double, until done: @escaping () -> Bool) -> Bool {
    let deadline = loop.now + VRRPDuration(microseconds: Int64(limit * 1_000_000))
    var satisfied = false
    func check() {
        if done() {
            satisfied = true
            loop.stop()
        } else if loop.now >= deadline {
            loop.stop()
        } else {
            loop.schedule(after: .milliseconds(5)) { check() }
        }
    }
    loop.schedule(after: .zero) { check() }
    loop.run()
    return satisfied
}

/// Whether `pid` is gone or a zombie (a killed grandchild waits for init to reap it).
func processIsDead(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
    guard let close = stat.lastIndex(of: ")") else { return true }
    let state = stat[stat.index(close, offsetBy: 2)]
    return state == "Z" || state == "X"
}

extension ScriptTests {
    @Suite struct Results {
        @Test func riseAndFallFollowKeepalivedsCounter() {
            var result = ScriptResult(rise: 2, fall: 2, initFail: false)
            #expect(result.status == .unknown)
            let exits = [0, 0, 1, 1, 0, 1, 0, 0, 1, 1]
            let reports = exits.compactMap { result.record(success: $0 == 0) }
            #expect(reports == [.up, .down, .up, .down])
        }

        @Test func theFirstResultIsReportedEitherWay() {
            var failing = ScriptResult(rise: 3, fall: 3, initFail: false)
            #expect(failing.record(success: false) == .down)
            var passing = ScriptResult(rise: 3, fall: 3, initFail: false)
            #expect(passing.record(success: true) == .up)
        }

        @Test func initFailNeedsRiseSuccesses() {
            var result = ScriptResult(rise: 3, fall: 1, initFail: true)
            #expect(result.status == .down)
            #expect(result.record(success: false) == nil)
            #expect(result.record(success: true) == nil)
            #expect(result.record(success: true) == nil)
            #expect(result.record(success: true) == .up)
            #expect(result.record(success: false) == .down)
        }

        @Test func reloadCarriesTheResultOver() {
            var result = ScriptResult(rise: 2, fall: 3, initFail: false)
            _ = result.record(success: true)
            let carried = result.carried(rise: 5, fall: 1)
            #expect(carried.status == .up)
            var down = ScriptResult(rise: 2, fall: 2, initFail: false)
            _ = down.record(success: false)
            #expect(down.carried(rise: 1, fall: 1).status == .down)
            #expect(ScriptResult(rise: 2, fall: 2, initFail: false).carried(rise: 2, fall: 2).status == .unknown)
        }
    }

    @Suite struct Tracker {
        @Test func aFlippingScriptYieldsExactlyTheRiseFallTransitions() throws {
            let scratch = try ScriptScratch()
            try "0\n0\n1\n1\n0\n1\n0\n0\n1\n1\n".write(toFile: scratch.file("pattern"), atomically: false, encoding: .utf8)
            let check = try scratch.script("check.sh", """
                n=$(cat \(scratch.file("count")) 2>/dev/null || echo 0)
                echo $((n + 1)) > \(scratch.file("count"))
                code=$(sed -n "$((n + 1))p" \(scratch.file("pattern")))
                exit ${code:-0}
                """)
            let loop = try EventLoop()
            let children = ChildWatcher(loop: loop)
            let tracker = ScriptTracker(loop: loop, children: children) { _ in }
            var changes: [TrackerStatus] = []
            tracker.onChange = { key, status in
                #expect(key == TrackerKey(.script, "flip"))
                changes.append(status)
            }
            tracker.configure([TrackedScript(
                // A timeout well above the interval: under load a run of this script (cat, sed)
                // can take longer than 60 ms, and a killed run would count as a failure.
                name: "flip", argv: [check], interval: .milliseconds(60), timeout: .seconds(5), rise: 2, fall: 2)])
            let finished = runLoop(loop, limit: 10) {
                let statistics = tracker.statistics["flip"]
                return statistics?.runs == 10 && statistics?.running == false
            }
            tracker.stop()
            #expect(finished)
            #expect(changes == [.up, .down, .up, .down])
            #expect(tracker.statistics["flip"]?.lastExit == .exited(1))
            #expect(tracker.status(of: "flip") == .down)
        }

        @Test func aTimeoutKillsTheWholeGroupAndCountsAsAFailure() throws {
            let scratch = try ScriptScratch()
            let slow = try scratch.script("slow.sh", """
                sleep 30 &
                echo $! > \(scratch.file("grandchild"))
                wait
                """)
            let loop = try EventLoop()
            let children = ChildWatcher(loop: loop)
            var logs: [String] = []
            let tracker = ScriptTracker(loop: loop, children: children) { logs.append($0) }
            var changes: [(TrackerStatus, VRRPInstant)] = []
            tracker.onChange = { _, status in changes.append((status, loop.now)) }
            let start = loop.now
            tracker.configure([TrackedScript(
                name: "slow", argv: [slow], interval: .seconds(10), timeout: .milliseconds(500))])
            let reaped = runLoop(loop, limit: 5) {
                !changes.isEmpty && tracker.statistics["slow"]?.running == false
            }
            tracker.stop()
            #expect(reaped)
            #expect(changes.map { $0.0 } == [.down])
            if let (_, at) = changes.first {
                let elapsed = at - start
                // Killed at its timeout, not when the 30 s sleep ends (the upper bound leaves room for a loaded machine).
                #expect(elapsed >= .milliseconds(480) && elapsed < .seconds(5), "timed out after \(elapsed)")
            }
            let statistics = tracker.statistics["slow"]
            #expect(statistics?.timeouts == 1)
            #expect(statistics?.lastExit == .signaled(SIGKILL))
            #expect(logs.contains { $0.contains("timed out") })
            let grandchild = pid_t(scratch.read("grandchild").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            #expect(grandchild > 0)
            // The grandchild got the group's SIGKILL too.
            var dead = false
            for _ in 0..<100 where !dead {
                dead = processIsDead(grandchild)
                if !dead { usleep(10_000) }
            }
            #expect(dead, "grandchild \(grandchild) survived")
        }

        @Test func aScriptThatEndedInTimeIsNotATimeoutWhenTheLoopWasLate() throws {
            let loop = try EventLoop()
            let children = ChildWatcher(loop: loop)
            let tracker = ScriptTracker(loop: loop, children: children) { _ in }
            var changes: [TrackerStatus] = []
            tracker.onChange = { _, status in changes.append(status) }
            tracker.configure([TrackedScript(
                name: "quick", argv: ["/bin/true"], interval: .seconds(10), timeout: .milliseconds(50))])
            // Stall the loop past the deadline: the exit and the deadline then are ready together.
            loop.schedule(after: .milliseconds(1)) { usleep(200_000) }
            runLoop(loop, limit: 3) { !changes.isEmpty && tracker.statistics["quick"]?.running == false }
            tracker.stop()
            #expect(changes == [.up])
            #expect(tracker.statistics["quick"]?.timeouts == 0)
            #expect(tracker.statistics["quick"]?.lastExit == .exited(0))
        }

        @Test func theModelsScriptBlockConverts() {
            var model = VRRPScript(name: "chk")
            #expect(TrackedScript(model) == nil)
            model.command = ScriptCommand(argv: ["/usr/bin/check", "--fast"])
            model.intervalMicroseconds = 2_000_000
            model.rise = 3
            model.user = "nobody"
            model.initFail = true
            let script = TrackedScript(model)
            #expect(script?.argv == ["/usr/bin/check", "--fast"])
            #expect(script?.interval == .seconds(2))
            #expect(script?.effectiveTimeout == .seconds(2))
            #expect(script?.rise == 3 && script?.user == "nobody" && script?.initFail == true)
        }

        @Test func aRunningScriptIsNotStartedTwice() throws {
            let scratch = try ScriptScratch()
            let busy = try scratch.script("busy.sh", """
                [ -e \(scratch.file("running")) ] && echo overlap >> \(scratch.file("log"))
                touch \(scratch.file("running"))
                echo start >> \(scratch.file("log"))
                sleep 0.3
                rm -f \(scratch.file("running"))
                """)
            let loop = try EventLoop()
            let children = ChildWatcher(loop: loop)
            let tracker = ScriptTracker(loop: loop, children: children) { _ in }
            tracker.configure([TrackedScript(
                name: "busy", argv: [busy], interval: .milliseconds(50), timeout: .seconds(5))])
            runLoop(loop, limit: 1.0) { false }
            tracker.stop()
            runLoop(loop, limit: 0.5) { tracker.statistics["busy"]?.running == false }
            let lines = scratch.lines("log")
            #expect(!lines.contains("overlap"))
            let statistics = tracker.statistics["busy"]
            #expect((statistics?.skipped ?? 0) > 5)
            #expect(lines.count == statistics?.runs)
            #expect((2...4).contains(lines.count), "\(lines.count) runs in 1 s of a 0.3 s script")
        }

        @Test func aScriptRunsAsTheConfiguredUser() throws {
            guard geteuid() == 0 else { return }
            let scratch = try ScriptScratch(mode: 0o777)
            let loop = try EventLoop()
            let children = ChildWatcher(loop: loop)
            let tracker = ScriptTracker(loop: loop, children: children) { _ in }
            var status: TrackerStatus = .unknown
            tracker.onChange = { _, new in status = new }
            tracker.configure([TrackedScript(
                name: "who", argv: ["/bin/sh", "-c", "id -u > \(scratch.file("uid")); id -g > \(scratch.file("gid"))"],
                interval: .seconds(10), user: "nobody")])
            runLoop(loop, limit: 5) { status != .unknown }
            tracker.stop()
            #expect(status == .up)
            guard case .success(let nobody) = ScriptIdentity.lookup(user: "nobody") else {
                Issue.record("no user nobody")
                return
            }
            #expect(scratch.read("uid").trimmingCharacters(in: .whitespacesAndNewlines) == String(nobody.uid))
            #expect(scratch.read("gid").trimmingCharacters(in: .whitespacesAndNewlines) == String(nobody.gid))
        }

        @Test func initFailAndUnknownUsersReportDownAtOnce() throws {
            let loop = try EventLoop()
            let children = ChildWatcher(loop: loop)
            let tracker = ScriptTracker(loop: loop, children: children) { _ in }
            var changes: [TrackerKey: [TrackerStatus]] = [:]
            tracker.onChange = { key, status in changes[key, default: []].append(status) }
            tracker.configure([
                TrackedScript(name: "pessimist", argv: ["/bin/true"], interval: .seconds(10), rise: 2, initFail: true),
                TrackedScript(name: "ghost", argv: ["/bin/true"], user: "no-such-user-karun"),
                TrackedScript(name: "missing", argv: ["karun-no-such-command"]),
            ])
            #expect(changes[TrackerKey(.script, "pessimist")] == [.down])
            #expect(changes[TrackerKey(.script, "ghost")] == [.down])
            #expect(changes[TrackerKey(.script, "missing")] == [.down])
            #expect(tracker.statistics["ghost"]?.disabledReason != nil)
            // One success of a rise-2 script after init_fail does not bring it up.
            runLoop(loop, limit: 3) { tracker.statistics["pessimist"]?.runs == 1 && tracker.statistics["pessimist"]?.running == false }
            tracker.stop()
            #expect(changes[TrackerKey(.script, "pessimist")] == [.down])
        }

        @Test func reloadKeepsTheResultOfAnUnchangedScript() throws {
            let loop = try EventLoop()
            let children = ChildWatcher(loop: loop)
            let tracker = ScriptTracker(loop: loop, children: children) { _ in }
            var changes: [TrackerStatus] = []
            tracker.onChange = { _, status in changes.append(status) }
            let script = TrackedScript(name: "ok", argv: ["/bin/true"], interval: .seconds(10))
            tracker.configure([script])
            runLoop(loop, limit: 3) { !changes.isEmpty }
            var reloaded = script
            reloaded.rise = 3
            tracker.configure([reloaded])
            #expect(tracker.status(of: "ok") == .up)
            #expect(tracker.statistics["ok"]?.runs == 1)
            var changed = script
            changed.argv = ["/bin/false"]
            tracker.configure([changed])
            #expect(tracker.status(of: "ok") == .unknown)
            runLoop(loop, limit: 3) { changes.count == 2 }
            #expect(changes == [.up, .down])
            // stop() then configure() (a reload): the unchanged script runs again, its result kept.
            tracker.stop()
            tracker.configure([changed])
            #expect(tracker.status(of: "ok") == .down)
            runLoop(loop, limit: 3) { tracker.statistics["ok"]?.runs == 2 && tracker.statistics["ok"]?.running == false }
            tracker.stop()
            #expect(tracker.statistics["ok"]?.runs == 2)
            #expect(changes == [.up, .down])
        }
    }
}
