import Foundation

/// Runs a program with a time limit. Output goes to temporary files rather than pipes, so a
/// chatty child can never block on a full pipe while we wait for it.
enum ProcessRunner {
    struct Outcome: Sendable {
        var status: Int32
        /// True when the child was still running at the deadline and was killed (SIGKILL).
        var timedOut: Bool
        /// True when the child ended by a signal; `status` is then the signal number.
        var signaled: Bool
        var stdout: String
        var stderr: String
    }

    static func run(_ executable: String, _ arguments: [String], stdin: String? = nil, timeout: Double = 10) throws
        -> Outcome
    {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ka-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        let inURL = scratch.appendingPathComponent("stdin")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inURL.path, contents: Data((stdin ?? "").utf8))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let inHandle = try FileHandle(forReadingFrom: inURL)
        defer {
            try? outHandle.close()
            try? errHandle.close()
            try? inHandle.close()
        }
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle
        try process.run()

        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() >= deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        // Lenient decoding: keepalived echoes config bytes, which need not be UTF-8.
        let stdout = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        return Outcome(
            status: process.terminationStatus, timedOut: timedOut,
            signaled: process.terminationReason == .uncaughtSignal, stdout: stdout, stderr: stderr)
    }

    /// The first of `candidates` that is an executable file, else a search of PATH for `name`.
    static func locate(_ name: String, candidates: [String]) -> String? {
        let fileManager = FileManager.default
        if let hit = candidates.first(where: { fileManager.isExecutableFile(atPath: $0) }) { return hit }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if fileManager.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
