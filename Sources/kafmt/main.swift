import ArgumentParser
import KAConfig
import KAFormat
import KAVersion

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// kafmt: the canonical formatter for keepalived.conf. Argument parsing, output and exit codes
/// only; the work is in KAFormat (`Formatter`, `FileFormatting`) and KAConfig (`AtomicFileWriter`).
@main
struct Kafmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kafmt",
        abstract: "Format keepalived.conf files in the one canonical style.",
        discussion: """
            With no FILE, or with -, reads standard input and writes standard output.
            Exit status: 0 all well; 1 with --check when a file would change; 2 when a file has a \
            syntax error (it is left untouched) or cannot be read or written.
            """,
        version: ToolchainVersion.text)

    @Flag(name: [.customShort("w"), .long], help: "Write the result back to each file (atomically, only when it changes).")
    var write = false

    @Flag(name: .long, help: "List the files that would change and exit 1; write nothing.")
    var check = false

    @Flag(name: .long, help: "Print a unified diff of the changes instead of the formatted text.")
    var diff = false

    @Flag(name: [.customShort("r"), .long], help: "Also format the files that each file includes.")
    var recursive = false

    @Argument(help: "Files to format; - for standard input.")
    var files: [String] = []

    func validate() throws {
        if write && check { throw ValidationError("--check never writes; use either -w or --check.") }
        if write && (files.isEmpty || files.contains("-")) { throw ValidationError("-w needs file names, not standard input.") }
        if recursive && files.contains("-") { throw ValidationError("-r follows includes of named files, not of standard input.") }
    }

    mutating func run() throws {
        var status: Int32 = 0
        var seen = Set<String>()
        var queue = files.isEmpty ? ["-"] : files
        var next = 0
        while next < queue.count {
            let path = queue[next]
            next += 1
            if path != "-" {
                guard seen.insert(canonicalPath(path)).inserted else { continue }
            }
            let outcome = path == "-" ? FileFormatting.runStandardInput() : FileFormatting.run(path: path, write: write)
            status = max(status, report(outcome))
            if recursive, let tree = outcome.tree {
                queue.insert(contentsOf: IncludedFiles.matches(in: tree), at: next)
            }
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// Prints what the outcome calls for and returns its exit status.
    private func report(_ outcome: FileFormatOutcome) -> Int32 {
        if !outcome.diagnostics.isEmpty {
            printDiagnostics(outcome)
            standardError("kafmt: \(outcome.path): not formatted: fix the syntax errors first; the file is unchanged\n")
            return 2
        }
        if let failure = outcome.failure {
            standardError("kafmt: \(failure)\n")
            return 2
        }
        guard let original = outcome.original, let formatted = outcome.formatted else { return 2 }
        if diff, outcome.changes {
            standardOutput(UnifiedDiff.diff(
                old: original, new: formatted, oldName: outcome.path, newName: outcome.path + " (formatted)"))
        }
        if check {
            if outcome.changes && !diff { standardOutput(Array((outcome.path + "\n").utf8)) }
            return outcome.changes ? 1 : 0
        }
        if !write && !diff { standardOutput(formatted) }
        return 0
    }

    private func printDiagnostics(_ outcome: FileFormatOutcome) {
        var sources: [String: SourceFile] = [:]
        if let tree = outcome.tree { sources[tree.source.path] = tree.source }
        let color = isatty(2) == 1 && getenv("NO_COLOR") == nil
        standardError(HumanRenderer(sources: sources, color: color).render(outcome.diagnostics))
    }
}

private func canonicalPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
}

private func standardOutput(_ bytes: [UInt8]) {
    writeAll(1, bytes)
}

private func standardError(_ text: String) {
    writeAll(2, Array(text.utf8))
}

private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
        if written < 0 {
            if errno == EINTR { continue }
            return
        }
        offset += written
    }
}
