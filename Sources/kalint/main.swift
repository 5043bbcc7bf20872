import CKAMemory
import KACommandLine
import KAConfig
import KALint
import KAVersion

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// kalint: parses, expands and binds each node's configuration, runs the single-file and
// cross-node rules, and prints the findings. All logic lives in KALint (KalintDriver, and
// KalintInterface for the command line); this is the shell: arguments, output, atomic writes for
// --fix, exit status.

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
    let parsed: ParsedCommand
    switch CommandLineParser(root: KalintInterface.root).parse(Array(CommandLine.arguments.dropFirst())) {
    case .run(let command):
        parsed = command
    case .help(let text):
        writeAll(Array((text + "\n").utf8), to: 1)
        exit(0)
    case .completionScript(let text):
        writeAll(Array(text.utf8), to: 1)
        exit(0)
    case .version:
        writeAll(Array((ToolchainVersion.text + "\n").utf8), to: 1)
        exit(0)
    case .usageError(let text):
        writeAll(Array(text.utf8), to: 2)
        exit(KalintInterface.usageStatus)
    }
    let request = KalintInterface.request(
        parsed, color: isatty(1) != 0 && getenv("NO_COLOR") == nil, installedVersion: defaultTargetVersion)
    // Findings are written as they are rendered, through a 64 KB buffer.
    let stdout = BufferedOutput(descriptor: 1)
    var response = KalintDriver.run(request, fileSystem: LocalFileSystem(), output: stdout.write)
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

ka_fix_mmap_threshold()
runKalint()
