import Foundation

/// What the distribution tests share: where the package and its debug binaries are, how a
/// program is run (bounded in time), scratch folders, and whether this is CI.
enum Toolbox {
    /// The package root, found from this file's path.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The folder of the debug kalint, kafmt and karun (`swift build --build-tests` builds them).
    static let binFolder: String = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [runner, runner.deletingLastPathComponent()] where isExecutable(folder.path + "/kalint") {
            return folder.path
        }
        return packageRoot + "/.build/debug"
    }()

    /// CI (`.ci/run` sets CI=true) must run every suite here: a missing tool there is a failure,
    /// not a skip. Elsewhere a suite whose tools are missing is skipped, saying which.
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    static let isRoot = getuid() == 0

    static func isExecutable(_ path: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: path)
    }

    /// The Python that setup.sh installs pre-commit and ansible-core into, and its scripts folder.
    static let python: String? = which("python3")

    static func which(_ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for folder in (path ?? "").split(separator: ":") where isExecutable("\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
        return nil
    }

    /// True when `python3 -c 'import MODULE'` works.
    static func pythonHas(_ module: String) -> Bool {
        guard let python else { return false }
        return (try? run(python, ["-c", "import \(module)"]).status) == 0
    }

    struct Result {
        var status: Int32
        /// stdout and stderr together, in the order they were written.
        var output: String
    }

    /// Runs a program under coreutils' `timeout` (exit 124 when it ran out of time); `environment`
    /// nil inherits this process's environment, otherwise it is the whole environment.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, in folder: String? = nil,
        seconds: Int = 120
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["-k", "5", String(seconds), executable] + arguments
        if let environment { process.environment = environment }
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// What bash offers after `words` (the last one is being typed) with the completion script
    /// at `script` loaded, as the shell would ask it: COMP_WORDS, COMP_CWORD, then `_TOOL`.
    static func bashCompletions(script: String, words: [String], environment: [String: String]? = nil) throws -> [String] {
        let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
        let line = words.joined(separator: " ")
        let command = """
            source '\(script)'
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
            _\(words[0]) \(words[0]) '\(words.last!)' '\(words[words.count - 2])'
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try run("/bin/bash", ["-c", command], environment: environment)
        return result.output.split(separator: "\n").map(String.init).sorted()
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder(_ prefix: String) throws -> String {
        let path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    static func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// This process's environment with the debug binaries first on PATH (for tools that find
    /// kalint and kafmt by name: pre-commit's system hooks, Ansible's validate).
    static func environmentWithTools(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = binFolder + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment.merge(extra) { _, new in new }
        return environment
    }
}
