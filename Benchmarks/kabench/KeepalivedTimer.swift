import Foundation

/// Times `keepalived -t -f` on a config inside a throwaway network namespace that has dummy
/// interfaces with the names the config uses. Returns nil when that is not possible here.
enum KeepalivedTimer {
    static func time(config: String, interfaces: [String]) -> Double? {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/sbin/keepalived") else { return nil }
        let namespace = "kabench\(getpid())"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kabench-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer {
            _ = run("/usr/sbin/ip", ["netns", "delete", namespace])
            try? FileManager.default.removeItem(at: directory)
        }
        let path = directory.appendingPathComponent("bench.conf").path
        guard FileManager.default.createFile(atPath: path, contents: Data(config.utf8)) else { return nil }
        guard run("/usr/sbin/ip", ["netns", "add", namespace]) == 0 else { return nil }
        for name in interfaces {
            _ = run("/usr/sbin/ip", ["-n", namespace, "link", "add", name, "type", "bridge"])
        }
        var best = Double.infinity
        for _ in 0..<3 {
            let start = monotonicSeconds()
            _ = run("/usr/sbin/ip", ["netns", "exec", namespace, "/usr/sbin/keepalived", "-t", "-f", path])
            best = min(best, monotonicSeconds() - start)
        }
        return best
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
