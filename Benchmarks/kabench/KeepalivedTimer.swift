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
    func time() -> Double { measure().seconds }

    /// Wall time and peak RSS of one `keepalived -t -f` run.
    func measure() -> SpawnedRun {
        SpawnedRun.measure("/usr/sbin/ip", ["netns", "exec", namespace, "/usr/sbin/keepalived", "-t", "-f", path])
    }

    /// Runs `executable` with its output discarded and waits for it; its exit status, or -1.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) -> Int32 {
        SpawnedRun.spawnAndWait([executable] + arguments).status
    }
}
