import ArgumentParser
import KAConfig
import KAFormat

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// kafmt speed on the generated configuration: once as generated (already canonical, the
/// `kafmt --check` case) and once scrambled (tabs, odd indentation, braces on their own lines
/// and shared with entries, spaced-out words) so that every line is rewritten.
struct FormatBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "kafmt (parse + format) time on the generated 5,000-instance config; target < 100 ms in release.")

    @Option(help: "Number of vrrp_instance blocks.")
    var instances: Int = 5000

    @Option(help: "Repetitions (the best time is reported).")
    var repetitions: Int = 7

    func run() throws {
        let generated = Array(ConfigGenerator.largeConfig(instances: instances).utf8)
        let canonical = Formatter.format(path: "bench.conf", bytes: generated).bytes ?? []
        let scrambled = Self.scramble(generated)
        print("kabench fmt: parse + format, best of \(repetitions) runs, target < 100 ms")
        for (name, bytes) in [("as generated", generated), ("canonical", canonical), ("scrambled", scrambled)] {
            var output: [UInt8] = []
            let total = bestTime(repetitions: repetitions) {
                output = Formatter.format(path: "bench.conf", bytes: bytes).bytes ?? []
            }
            // CPU time too: on a machine shared with other work, wall time overstates.
            let cpu = Self.bestCPUTime(repetitions: repetitions) {
                _ = Formatter.format(path: "bench.conf", bytes: bytes)
            }
            let tree = Parser.parse(path: "bench.conf", bytes: bytes)
            let formatOnly = Self.bestCPUTime(repetitions: repetitions) { _ = Formatter.format(tree) }
            let megabytes = Double(bytes.count) / 1_000_000
            let refusal = Formatter.format(tree).diagnostics.first.map { "REFUSED: \($0.line):\($0.column) \($0.message)" }
            let verdict = refusal ?? (output == canonical ? "= canonical" : "differs from canonical")
            print(
                "  \(name): \(instances) instances, \(formatted(megabytes)) MB: \(formatted(total * 1000)) ms "
                    + "(CPU \(formatted(cpu * 1000)) ms; format alone, CPU \(formatted(formatOnly * 1000)) ms), \(formatted(megabytes / total, decimals: 1)) MB/s, "
                    + "output \(verdict)")
        }
    }

    /// Best process CPU time of `repetitions` runs, in seconds.
    static func bestCPUTime(repetitions: Int, _ body: () -> Void) -> Double {
        func now() -> Double {
            var spec = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
            return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
        }
        var best = Double.infinity
        for _ in 0..<max(1, repetitions) {
            let start = now()
            body()
            best = min(best, now() - start)
        }
        return best
    }

    /// Same configuration, messy layout: every meaning-preserving change kafmt undoes.
    static func scramble(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 4)
        var lineNumber = 0
        var previousHasComment = false
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var content = Array(line.drop { $0 == 0x20 })
            let indentation: [UInt8] = lineNumber % 3 == 0 ? [0x09] : Array(repeating: 0x20, count: lineNumber % 5)
            if content.last == UInt8(ascii: "{"), content.count > 1, lineNumber % 2 == 0 {
                // `keyword {` → `keyword` / `{`
                content.removeLast(2)
                output += indentation + content + [0x0A] + indentation + [UInt8(ascii: "{")]
            } else if content == [UInt8(ascii: "}")], lineNumber % 4 == 1, output.last == 0x0A,
                !previousHasComment
            {
                // `entry` / `}` → `entry }` (never after a comment, which would swallow the brace)
                output.removeLast()
                output += [0x20, UInt8(ascii: "}")]
            } else {
                // Blanks inside comments and quoted strings are text: leave those lines' words alone.
                let isText = content.contains { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "\"") }
                output += indentation + (isText ? content : content.flatMap { $0 == 0x20 ? [0x20, 0x09, 0x20] : [$0] })
                if !content.isEmpty, lineNumber % 7 == 0 { output += [0x20, 0x20] }
            }
            output.append(0x0A)
            previousHasComment = content.contains(UInt8(ascii: "#")) || content.contains(UInt8(ascii: "!"))
        }
        return output
    }
}
