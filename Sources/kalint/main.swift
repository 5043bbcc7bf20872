import ArgumentParser
import KAConfig
import KALint
import KAVersion

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// kalint: parses, expands and binds each node's configuration, runs the single-file and
/// cross-node rules, and prints the findings. All logic lives in KALint (KalintDriver); this
/// is the shell: arguments, output, atomic writes for --fix, exit status.
struct Kalint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kalint",
        abstract: "Lint keepalived.conf files: one file per node, checked alone and against each other.",
        discussion: "Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable input.",
        version: ToolchainVersion.text)

    @Argument(help: "Configuration files, one per node (includes are followed).")
    var files: [String] = []

    @Option(help: "Output format.")
    var format: DiagnosticFormat = .human

    @Option(name: .customLong("config-id"), help: "Config id for @id conditional lines (keepalived -i).")
    var configID: String?

    @Option(help: "Print one view of a single file.")
    var emit: EmitView?

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes kalint exit 1.")
    var failOn: Severity = .error

    @Option(
        help: "Do not report this rule (slug or code; repeatable, comma-separated lists allowed).",
        completion: .list(ruleSlugs))
    var disable: [String] = []

    @Option(name: .customLong("enable-only"), help: "Report only these rules (slug or code; repeatable).", completion: .list(ruleSlugs))
    var enableOnly: [String] = []

    @Option(
        name: .customLong("target-version"),
        help: "The keepalived version to check against (keywords newer than it, version-specific refusals); default: the installed keepalived's (keepalived -v), else 2.2.7.")
    var targetVersion: String?

    @Option(help: "A saved ruleset (nft list ruleset or iptables-save output) to check VRRP traffic against.", completion: .file())
    var firewall: String?

    @Flag(name: .customLong("list-rules"), help: "List every rule: code, slug, severity, summary.")
    var listRules = false

    @Option(help: "Print the documentation page of a rule (slug or code).", completion: .list(ruleSlugs))
    var explain: String?

    @Flag(help: "Apply safe fix-its in place (atomically).")
    var fix = false

    @Flag(help: "With --fix: print the changes as a unified diff instead of writing them.")
    var diff = false

    @Flag(name: .customLong("no-color"), help: "Never colour human output.")
    var noColor = false

    func request() -> KalintRequest {
        KalintRequest(
            files: files, format: format.rawValue, configID: configID, emit: emit?.rawValue, failOn: failOn.rawValue, disable: disable,
            enableOnly: enableOnly, targetVersion: targetVersion ?? (listRules || explain != nil || emit != nil ? nil : defaultTargetVersion()), firewall: firewall, listRules: listRules,
            explain: explain, fix: fix, diff: diff,
            color: !noColor && isatty(1) != 0 && getenv("NO_COLOR") == nil)
    }
}

/// The installed keepalived's version, only when rules run (not for --explain, --emit, ...).
func defaultTargetVersion() -> String? {
    InstalledKeepalived.version() ?? KeepalivedVersion.checked.description
}

/// Output gathered up to 64 KB, then written (one write per chunk, not per finding).
final class BufferedOutput {
    let descriptor: Int32
    private var buffer: [UInt8] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        writeAll(buffer, to: descriptor)
        buffer.removeAll(keepingCapacity: true)
    }
}

func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written <= 0 { return }
        offset += written
    }
}

/// Runs kalint and exits with its status, without returning: the analysis is still held (in the
/// response) when the process ends, so none of it is freed piece by piece.
func runKalint() -> Never {
    let command: Kalint
    do {
        command = try Kalint.parse()
    } catch {
        let message = Kalint.fullMessage(for: error)
        if Kalint.exitCode(for: error) == .success {
            writeAll(Array((message + "\n").utf8), to: 1)
            exit(0)
        }
        writeAll(Array((message + "\n").utf8), to: 2)
        exit(2)
    }
    // Findings are written as they are rendered, through a 64 KB buffer.
    let stdout = BufferedOutput(descriptor: 1)
    var response = KalintDriver.run(command.request(), fileSystem: LocalFileSystem(), output: stdout.write)
    stdout.flush()
    for (path, bytes) in response.writes {
        do {
            try AtomicFileWriter.replace(path, with: bytes)
        } catch {
            response.stderr += "kalint: cannot write \(error.description)\n"
            response.status = 2
        }
    }
    writeAll(response.rawStdout ?? Array(response.stdout.utf8), to: 1)
    writeAll(Array(response.stderr.utf8), to: 2)
    withExtendedLifetime(response) { exit(response.status) }
}

runKalint()
