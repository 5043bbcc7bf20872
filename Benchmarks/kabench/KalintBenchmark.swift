import ArgumentParser
import KAConfig

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The whole kalint process as a user runs it (`kalint FILE`, release build, output discarded),
/// alternating with `keepalived -t -f` on the same file: both times, their ratio, both peak RSS
/// figures, and kalint's time per instance at the largest size over the smallest (linearity).
struct KalintBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kalint",
        abstract: "Whole-process kalint FILE beside keepalived -t -f at 1k/5k/20k instances (targets: >= 10x faster at 5k, linear to 20k, peak RSS <= keepalived's).")

    @Option(parsing: .upToNextOption, help: "Instance counts (default 1000 5000 20000).")
    var sizes: [Int] = [1000, 5000, 20000]

    @Option(help: "Runs of each per size, alternating (the best time and the highest peak RSS are reported).")
    var repetitions: Int = 5

    @Option(help: "The kalint executable (default: the one beside kabench, i.e. .build/release/kalint).")
    var kalint: String?

    @Option(parsing: .upToNextOption, help: "Extra kalint arguments before the file.")
    var arguments: [String] = []

    @Flag(name: .customLong("skip-keepalived"), help: "Do not run keepalived -t.")
    var skipKeepalived = false

    func run() throws {
        let executable = kalint ?? Self.besideSelf("kalint")
        guard access(executable, X_OK) == 0 else {
            throw ValidationError("no kalint at \(executable) (swift build -c release --product kalint, or --kalint PATH)")
        }
        print("kabench kalint: \(executable) \((arguments + ["FILE"]).joined(separator: " ")) as a process, best of \(repetitions), alternating with keepalived -t -f")
        var perInstance: [Double] = []
        for size in sizes.sorted() {
            let text = ConfigGenerator.largeConfig(instances: size)
            let interfaces = (0...(size - 1) / ConfigGenerator.instancesPerInterface).map { "eth\($0)" }
            let timer = skipKeepalived ? nil : KeepalivedTimer(config: text, interfaces: interfaces)
            let path = timer?.path ?? Self.writeTemporary(text)
            var ours = SpawnedRun(seconds: .infinity, peakBytes: 0, status: 0)
            var theirs = SpawnedRun(seconds: .infinity, peakBytes: 0, status: 0)
            for _ in 0..<max(1, repetitions) {
                ours.merge(SpawnedRun.measure(executable, arguments + [path]))
                if let timer { theirs.merge(timer.measure()) }
            }
            if timer == nil { unlink(path) }
            perInstance.append(ours.seconds / Double(size))
            var line = "  \(size) instances, \(formatted(Double(text.utf8.count) / 1e6)) MB: kalint \(formatted(ours.seconds * 1000, decimals: 1)) ms, "
                + "\(formatted(ours.seconds * 1e6 / Double(size), decimals: 2)) µs/instance, peak RSS \(megabytes(ours.peakBytes)) MB (exit \(ours.status))"
            if timer != nil {
                line += "; keepalived -t -f \(formatted(theirs.seconds * 1000, decimals: 1)) ms, peak RSS \(megabytes(theirs.peakBytes)) MB; "
                    + "kalint \(formatted(theirs.seconds / ours.seconds, decimals: 1))x faster, RSS ratio \(formatted(Double(ours.peakBytes) / Double(max(1, theirs.peakBytes))))"
            } else if !skipKeepalived {
                line += "; keepalived -t not run (needs root, ip netns and keepalived installed)"
            }
            print(line)
        }
        if let first = perInstance.first, let last = perInstance.last, perInstance.count > 1 {
            print("  time per instance, largest size over smallest: \(formatted(last / first))x (1.0 = linear)")
        }
    }

    func megabytes(_ bytes: Int) -> String { formatted(Double(bytes) / 1_048_576, decimals: 1) }

    /// An executable in the folder of this one (`swift run -c release kabench` builds kalint beside it).
    static func besideSelf(_ name: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return ".build/release/\(name)" }
        let path = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return name }
        return String(path[...slash]) + name
    }

    static func writeTemporary(_ text: String) -> String {
        var template = Array("/tmp/kabench-kalint-XXXXXX.conf".utf8CString)
        let descriptor = mkstemps(&template, 5)
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeMutableBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written <= 0 { break }
            offset += written
        }
        bytes = []
        close(descriptor)
        return path
    }
}

extension SpawnedRun {
    /// Best time, highest peak.
    mutating func merge(_ run: SpawnedRun) {
        seconds = min(seconds, run.seconds)
        peakBytes = max(peakBytes, run.peakBytes)
        status = run.status
    }
}
