import Foundation

/// Runs `keepalived -t -f` on a config inside a throwaway network namespace that has dummy
/// interfaces with the names the config uses. One run at a time (`time()`), so that a caller can
/// alternate them with its own measurements: on a shared machine whose speed drifts, both then
/// see the same states of it.
final class KeepalivedTimer {
    private let namespace: String
    private let directory: URL
    /// The config file keepalived reads (another tool can be timed on the same file).
    let path: String

    /// Nil when that is not possible here (needs root, ip netns and keepalived installed).
    init?(config: String, interfaces: [String]) {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/sbin/keepalived") else { return nil }
        namespace = "kabench\(getpid())"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kabench-\(getpid())")
        path = directory.appendingPathComponent("bench.conf").path
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: Data(config.utf8)),
            Self.run("/usr/sbin/ip", ["netns", "add", namespace]) == 0
        else {
            try? FileManager.default.removeItem(at: directory)
            return nil
        }
        for name in interfaces {
            Self.run("/usr/sbin/ip", ["-n", namespace, "link", "add", name, "type", "bridge"])
        }
    }

    deinit {
        Self.run("/usr/sbin/ip", ["netns", "delete", namespace])
        try? FileManager.default.removeItem(at: directory)
    }

    /// The wall time of one `keepalived -t -f` run, in seconds.
    func time() -> Double {
        let start = monotonicSeconds()
        Self.run("/usr/sbin/ip", ["netns", "exec", namespace, "/usr/sbin/keepalived", "-t", "-f", path])
        return monotonicSeconds() - start
    }

    /// Wall time and peak RSS of one `keepalived -t -f` run.
    func measure() -> SpawnedRun {
        SpawnedRun.measure("/usr/sbin/ip", ["netns", "exec", namespace, "/usr/sbin/keepalived", "-t", "-f", path])
    }

    /// Runs `executable` with its output discarded and waits for it; its exit status, or -1.
    /// posix_spawn and waitpid, not Foundation's Process: `waitUntilExit` notices the exit only
    /// at its run loop's next 50 ms poll, which rounded keepalived's times up to a multiple of it.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) -> Int32 {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return -1 }
        }
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : -1
    }
}
