import Foundation
import Glibc
import KAVRRP
import Testing
@testable import KARuntime

extension ScriptTests {
    @Suite struct Notify {
        @Test func fiftySlowScriptsRunInOrderWhileTimersStayOnTime() throws {
            let scratch = try ScriptScratch()
            let notify = try scratch.script("notify.sh", """
                sleep 0.02
                echo "$*" >> \(scratch.file("order"))
                """)
            let loop = try EventLoop()
            let children = ChildWatcher(loop: loop)
            let runner = NotifyRunner(loop: loop, children: children) { _ in }
            // A 10 ms ticker on the same loop: how late does it fire while 50 scripts run?
            var worst: Int64 = 0
            var ticks = 0
            var lateness: [Int64] = []
            func tick(_ due: VRRPInstant) {
                let late = (loop.now - due).microseconds
                lateness.append(late)
                worst = max(worst, late)
                ticks += 1
                let next = due + .milliseconds(10)
                loop.schedule(at: next) { tick(next) }
            }
            let first = loop.now + .milliseconds(10)
            loop.schedule(at: first) { tick(first) }
            for index in 0..<50 {
                runner.run(
                    NotifyInvocation(command: notify, arguments: ["INSTANCE", "VI_\(index)", "MASTER", "100"]),
                    queue: "VI")
            }
            #expect(runner.statistics["VI"]?.pending == 49)
            let done = runLoop(loop, limit: 20) { runner.isIdle }
            #expect(done)
            let expected = (0..<50).map { "INSTANCE VI_\($0) MASTER 100" }
            #expect(scratch.lines("order") == expected)
            let statistics = runner.statistics["VI"]
            #expect(statistics?.runs == 50)
            #expect(statistics?.failures == 0)
            #expect(statistics?.lastExit == .exited(0))
            #expect(ticks > 50)
            // What the scripts cost the loop (fork+exec on its thread) is a figure, not a test:
            // KARUN_SHOW_LATENESS=1 prints it. Here only that every spawn was counted.
            let spawns = runner.spawnStatistics
            #expect(spawns.count == 50)
            lateness.sort()
            let p90 = lateness[lateness.count * 9 / 10]
            if ProcessInfo.processInfo.environment["KARUN_SHOW_LATENESS"] != nil {
                print("lateness: worst \(worst) µs, p90 \(p90) µs over \(ticks) ticks; spawns: worst \(spawns.worstMicroseconds) µs, mean \(spawns.totalMicroseconds / Int64(max(1, spawns.count))) µs")
            }
        }

        @Test func aHangingScriptIsKilledAtItsTimeoutAndTheNextRuns() throws {
            let scratch = try ScriptScratch()
            let hang = try scratch.script("hang.sh", """
                sleep 30 &
                echo $! > \(scratch.file("grandchild"))
                wait
                """)
            let loop = try EventLoop()
            let children = ChildWatcher(loop: loop)
            let runner = NotifyRunner(loop: loop, children: children) { _ in }
            runner.timeout = .milliseconds(300)
            var finished: [ChildExit?] = []
            runner.onFinished = { queue, _, exit in
                #expect(queue == "VI_1")
                finished.append(exit)
            }
            let start = loop.now
            runner.run(NotifyInvocation(command: hang, arguments: []), queue: "VI_1")
            runner.run(
                NotifyInvocation(command: "/bin/sh -c 'echo \"$1\" > \(scratch.file("second"))' sh", arguments: ["after"]),
                queue: "VI_1")
            let done = runLoop(loop, limit: 5) { runner.isIdle }
            #expect(done)
            #expect(loop.now - start < .seconds(2))
            #expect(finished == [.signaled(SIGKILL), .exited(0)])
            #expect(scratch.read("second") == "after\n")
            let statistics = runner.statistics["VI_1"]
            #expect(statistics?.timeouts == 1)
            #expect(statistics?.failures == 1)
            #expect(statistics?.runs == 2)
            let grandchild = pid_t(scratch.read("grandchild").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            var dead = false
            for _ in 0..<100 where !dead {
                dead = processIsDead(grandchild)
                if !dead { usleep(10_000) }
            }
            #expect(grandchild > 0 && dead)
        }

        @Test func queuesDoNotWaitForEachOther() throws {
            let scratch = try ScriptScratch()
            let loop = try EventLoop()
            let children = ChildWatcher(loop: loop)
            let runner = NotifyRunner(loop: loop, children: children) { _ in }
            var order: [String] = []
            runner.onFinished = { queue, _, _ in order.append(queue) }
            runner.run(NotifyInvocation(command: "/bin/sleep 0.5", arguments: []), queue: "slow")
            runner.run(NotifyInvocation(command: "/bin/true", arguments: []), queue: "fast")
            runner.run(NotifyInvocation(command: "no-such-notify-karun", arguments: []), queue: "fast")
            runner.run(NotifyInvocation(command: "/bin/sh -c 'exit 3'", arguments: []), queue: "fast")
            runLoop(loop, limit: 5) { runner.isIdle }
            #expect(order == ["fast", "fast", "fast", "slow"])
            #expect(runner.statistics["fast"]?.failures == 2)
            #expect(runner.statistics["fast"]?.lastExit == .exited(3))
            _ = scratch
        }

        @Test func notifyScriptsCanRunAsAnotherUser() throws {
            guard geteuid() == 0, case .success(let nobody) = ScriptIdentity.lookup(user: "nobody") else { return }
            let scratch = try ScriptScratch(mode: 0o777)
            let loop = try EventLoop()
            let children = ChildWatcher(loop: loop)
            let runner = NotifyRunner(loop: loop, children: children) { _ in }
            runner.run(
                NotifyInvocation(command: "/bin/sh -c 'id -u > \(scratch.file("uid"))'", arguments: []),
                queue: "VI", identity: nobody)
            runLoop(loop, limit: 5) { runner.isIdle }
            #expect(scratch.read("uid") == "\(nobody.uid)\n")
        }
    }
}
