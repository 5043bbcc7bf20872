import Foundation

/// Bytes a child process writes, gathered by a background reader.
final class OutputBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) {
        lock.lock()
        data.append(chunk)
        lock.unlock()
    }

    var bytes: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return [UInt8](data)
    }
}

/// A program started with pipes, stopped (SIGKILL) if it outlives the test.
final class ChildProcess {
    let process = Process()
    let input = Pipe()
    let output = OutputBuffer()
    let errors = OutputBuffer()

    init(_ executable: String, _ arguments: [String] = [], environment: [String: String]? = nil) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = input
        process.standardOutput = stdout
        process.standardError = stderr
        let output = self.output
        let errors = self.errors
        stdout.fileHandleForReading.readabilityHandler = { handle in output.append(handle.availableData) }
        stderr.fileHandleForReading.readabilityHandler = { handle in errors.append(handle.availableData) }
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    func write(_ bytes: [UInt8]) { input.fileHandleForWriting.write(Data(bytes)) }

    func closeInput() { try? input.fileHandleForWriting.close() }

    /// Waits until `condition` holds or `seconds` pass; true when it held.
    static func wait(seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    /// The exit status, or nil when the process is still running after `seconds`.
    func exitStatus(within seconds: Double) -> Int32? {
        guard Self.wait(seconds: seconds, until: { !process.isRunning }) else { return nil }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The first executable among `candidates`.
    static func locate(_ candidates: [String]) -> String? {
        candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
