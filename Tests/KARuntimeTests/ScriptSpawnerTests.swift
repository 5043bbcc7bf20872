import Foundation
import Glibc
import KAVRRP
import Testing
@testable import KARuntime

extension ScriptTests {
    @Suite struct Spawner {
        @Test func childrenGetACleanProcessContext() throws {
            let scratch = try ScriptScratch()
            let probe = try scratch.script("probe.sh", """
                grep -E '^(SigBlk|SigIgn):' /proc/self/status > \(scratch.file("signals"))
                readlink /proc/$$/fd/0 > \(scratch.file("stdin"))
                echo "$$ $(cut -d' ' -f5 /proc/$$/stat)" > \(scratch.file("group"))
                echo "${LD_PRELOAD-unset} ${KARUN_KEPT-unset}" > \(scratch.file("environment"))
                """)
            let loop = try EventLoop()
            let children = ChildWatcher(loop: loop)
            let spawner = ProcessSpawner(
                children: children, environment: ["PATH=/usr/bin:/bin", "KARUN_KEPT=yes"])
            // The daemon blocks signals for its signalfd and may ignore some: the child must not.
            var blocked = sigset_t()
            var saved = sigset_t()
            sigemptyset(&blocked)
            sigaddset(&blocked, SIGTERM)
            sigaddset(&blocked, SIGHUP)
            pthread_sigmask(SIG_BLOCK, &blocked, &saved)
            let previous = signal(SIGUSR1, SIG_IGN)
            defer {
                signal(SIGUSR1, previous)
                pthread_sigmask(SIG_SETMASK, &saved, nil)
            }
            var result: ChildExit?
            let pid = try spawner.spawn(argv: [probe]) { exit, error in
                #expect(error == nil)
                result = exit
            }
            runLoop(loop, limit: 5) { result != nil }
            #expect(result == .exited(0))
            #expect(scratch.lines("signals") == ["SigBlk:\t0000000000000000", "SigIgn:\t0000000000000000"])
            #expect(scratch.read("stdin") == "/dev/null\n")
            #expect(scratch.read("group") == "\(pid) \(pid)\n")
            #expect(scratch.read("environment") == "unset yes\n")
            #expect(!ProcessSpawner.scriptEnvironment().contains { $0.hasPrefix("LD_PRELOAD=") })
        }

        @Test func execFailuresComeBackAsErrors() throws {
            let loop = try EventLoop()
            let children = ChildWatcher(loop: loop)
            let spawner = ProcessSpawner(children: children)
            var outcome: (ChildExit, SystemError?)?
            try spawner.spawn(argv: ["/nonexistent/karun-script"]) { outcome = ($0, $1) }
            runLoop(loop, limit: 5) { outcome != nil }
            #expect(outcome?.1?.code == ENOENT)
            #expect(spawner.statistics.count == 1)
        }
    }
}
