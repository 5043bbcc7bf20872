import CKAMemory
import KACommandLine
import KAConfig
import KAFormat
import KAVersion

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// kafmt: the canonical formatter for keepalived.conf. Argument parsing, output and exit codes
// only; the work is in KAFormat (`Formatter`, `FileFormatting`, `KafmtInterface` for the command
// line) and KAConfig (`AtomicFileWriter`).
struct Kafmt {
    let request: KafmtInterface.Request

    /// Reads the words, runs, and returns the exit status.
    static func main(_ words: [String]) -> Int32 {
        let parser = CommandLineParser(root: KafmtInterface.root)
        switch parser.parse(words) {
        case .help(let text):
            standardOutput(Array((text + "\n").utf8))
            return 0
        case .completionScript(let text):
            standardOutput(Array(text.utf8))
            return 0
        case .version:
            standardOutput(Array((ToolchainVersion.text + "\n").utf8))
            return 0
        case .usageError(let text):
            standardError(text)
            return KafmtInterface.usageStatus
        case .run(let parsed):
            switch KafmtInterface.request(parsed) {
            case .success(let request):
                return Kafmt(request: request).run()
            case .failure(let problem):
                standardError(parser.usageError(problem.message))
                return KafmtInterface.usageStatus
            }
        }
    }

    func run() -> Int32 {
        var status: Int32 = 0
        var seen = Set<String>()
        var queue = request.files
        var next = 0
        while next < queue.count {
            let path = queue[next]
            next += 1
            if path != "-" {
                guard seen.insert(canonicalPath(path)).inserted else { continue }
            }
            let outcome = path == "-" ? FileFormatting.runStandardInput() : FileFormatting.run(path: path, write: request.write)
            status = max(status, report(outcome))
            if request.recursive, let tree = outcome.tree {
                queue.insert(contentsOf: IncludedFiles.matches(in: tree), at: next)
            }
        }
        return status
    }

    /// Prints what the outcome calls for and returns its exit status.
    private func report(_ outcome: FileFormatOutcome) -> Int32 {
        if !outcome.diagnostics.isEmpty {
            printDiagnostics(outcome)
            if outcome.isRefusedAsLayoutBug {
                standardError("kafmt: \(outcome.path): not formatted: kafmt's layout would change what keepalived reads (a kafmt bug: please report it with the file); the file is unchanged\n")
            } else if outcome.isRefusedForLineLength {
                standardError("kafmt: \(outcome.path): not formatted: a line would be longer than keepalived reads once laid out; shorten it by hand; the file is unchanged\n")
            } else {
                standardError("kafmt: \(outcome.path): not formatted: fix the syntax errors first; the file is unchanged\n")
            }
            return 2
        }
        if let failure = outcome.failure {
            standardError("kafmt: \(failure)\n")
            return 2
        }
        guard let original = outcome.original, let formatted = outcome.formatted else { return 2 }
        if request.diff, outcome.changes {
            standardOutput(UnifiedDiff.diff(
                old: original, new: formatted, oldName: outcome.path, newName: outcome.path + " (formatted)"))
        }
        if request.check {
            if outcome.changes && !request.diff { standardOutput(Array((outcome.path + "\n").utf8)) }
            return outcome.changes ? 1 : 0
        }
        if !request.write && !request.diff { standardOutput(formatted) }
        return 0
    }

    private func printDiagnostics(_ outcome: FileFormatOutcome) {
        var sources: [String: SourceFile] = [:]
        if let tree = outcome.tree { sources[tree.source.path] = tree.source }
        let color = isatty(2) == 1 && getenv("NO_COLOR") == nil
        standardError(HumanRenderer(sources: sources, color: color).render(FindingFlood.limit(outcome.diagnostics.sortedForOutput())))
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

ka_fix_mmap_threshold()
exit(Kafmt.main(Array(CommandLine.arguments.dropFirst())))
