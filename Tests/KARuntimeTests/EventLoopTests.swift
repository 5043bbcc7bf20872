import Testing
import Glibc
import KAVRRP
@testable import KARuntime

@Suite struct EventLoopTests {
    /// Timed by the wait (`epoll_pwait2`) and by the timerfd karun falls back to.
    static let timing = [true, false]

    @Test(arguments: timing) func timersFireInDeadlineOrderAndCancelledOnesDoNot(timedWait: Bool) throws {
        let loop = try EventLoop(timedWait: timedWait)
        var fired: [String] = []
        let start = loop.now
        loop.schedule(at: start + .milliseconds(30)) { fired.append("c"); loop.stop() }
        loop.schedule(at: start + .milliseconds(10)) { fired.append("a") }
        let cancelled = loop.schedule(at: start + .milliseconds(20)) { fired.append("x") }
        loop.schedule(at: start + .milliseconds(20)) { fired.append("b") }
        loop.cancel(cancelled)
        loop.run()
        #expect(fired == ["a", "b", "c"])
        #expect(loop.now - start >= .milliseconds(30))
        #expect(loop.lateness.samples == 3)
    }

    @Test(arguments: timing) func aMadeTimerFiresOncePerArmingAtItsLatestDeadline(timedWait: Bool) throws {
        let loop = try EventLoop(timedWait: timedWait)
        var fired: [VRRPDuration] = []
        let start = loop.now
        var token: EventLoop.TimerToken?
        token = loop.makeTimer {
            fired.append(loop.now - start)
            guard let token else { return }
            if fired.count == 1 { loop.arm(token, at: loop.now + .milliseconds(10)) }
            if fired.count == 2 {
                loop.arm(token, at: loop.now + .milliseconds(10))
                loop.cancel(token)
            }
        }
        let timer = try #require(token)
        loop.arm(timer, at: start + .milliseconds(50))
        // Replaces the 50 ms deadline: that heap entry is stale and must not fire.
        loop.arm(timer, at: start + .milliseconds(10))
        loop.schedule(at: start + .milliseconds(80)) { loop.stop() }
        loop.run()
        #expect(fired.count == 2)
        #expect(fired.first.map { $0 >= .milliseconds(10) && $0 < .milliseconds(50) } == true)
        #expect(fired.last.map { $0 >= .milliseconds(20) } == true)
        // The fired one-shot timer is gone; the made one stays until removed, and stays removed.
        #expect(loop.timerCount == 1)
        loop.removeTimer(timer)
        #expect(loop.timerCount == 0)
        loop.arm(timer, at: loop.now)
        #expect(loop.timerCount == 0)
    }

    @Test(arguments: timing) func pastDeadlinesFireAtOnce(timedWait: Bool) throws {
        let loop = try EventLoop(timedWait: timedWait)
        var fired = false
        loop.schedule(at: loop.now - .seconds(1)) { fired = true; loop.stop() }
        loop.run()
        #expect(fired)
    }

    /// A gone timer's slot is reused: the old token must neither arm, cancel nor remove the new timer.
    @Test func aTokenOfAGoneTimerDoesNotReachTheTimerNowInItsSlot() throws {
        let loop = try EventLoop()
        var fired: [String] = []
        let old = loop.makeTimer { fired.append("old") }
        loop.removeTimer(old)
        let new = loop.makeTimer { fired.append("new"); loop.stop() }
        #expect(loop.timerCount == 1)
        loop.arm(new, at: loop.now + .milliseconds(5))
        loop.cancel(old)
        loop.removeTimer(old)
        loop.arm(old, at: loop.now)
        #expect(loop.timerCount == 1)
        loop.schedule(after: .seconds(5)) { loop.stop() }
        loop.run()
        #expect(fired == ["new"])
    }

    @Test func childExitIsReportedThroughThePidfd() throws {
        let loop = try EventLoop()
        let watcher = ChildWatcher(loop: loop)
        var pid: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = (["/bin/sh", "-c", "exit 3"] as [String]).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        #expect(posix_spawn(&pid, "/bin/sh", nil, nil, &argv, environ) == 0)
        var result: ChildExit?
        try watcher.watch(pid: pid) { result = $0; loop.stop() }
        loop.schedule(after: .seconds(5)) { loop.stop() }
        loop.run()
        #expect(result == .exited(3))
    }
}
