import ArgumentParser
@_spi(Benchmark) import KAConfig

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CPU time of the calling thread in seconds (other processes sharing the cores do not count).
private func threadCPUSeconds() -> Double { cpuSeconds(CLOCK_THREAD_CPUTIME_ID) }

/// CPU time of every thread of this process in seconds (the pipeline's three threads together).
private func processCPUSeconds() -> Double { cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) }

private func cpuSeconds(_ clock: clockid_t) -> Double {
    var spec = timespec()
    clock_gettime(clock, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Parse (+ expand + bind) throughput on generated configs, and keepalived -t on the same file.
struct ParseBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse+bind throughput in MB/s on generated configs, next to keepalived -t -f.")

    @Option(help: "Instances in the main figure.")
    var instances: Int = 5000

    // 15: on the shared build VM a run's best times still drift by ±15 % at 7 repetitions.
    @Option(help: "Repetitions per size, alternating with keepalived's (the best time of each is reported).")
    var repetitions: Int = 15

    @Flag(name: .customLong("skip-keepalived"), help: "Do not time keepalived -t.")
    var skipKeepalived = false

    @Flag(help: "Also print the time of each stage (line table, lexer, parser) on the main size.")
    var stages = false

    func run() throws {
        Self.pinAllocator()
        print("kabench parse: parse+expand+bind+model (Analyzer.analyze), best of \(repetitions) runs; wall time, and the same work on one thread (its CPU time)")
        if stages { printStages() }
        for size in [instances / 5, instances / 2, instances] where size > 0 {
            let text = ConfigGenerator.largeConfig(instances: size)
            let megabytes = Double(text.utf8.count) / 1_000_000
            let interfaces = (0...(size - 1) / ConfigGenerator.instancesPerInterface).map { "eth\($0)" }
            let keepalivedTimer = skipKeepalived ? nil : KeepalivedTimer(config: text, interfaces: interfaces)
            // The ways alternate (ours, ours on one thread, keepalived), so that all see the same
            // states of a shared machine; each figure is its best run.
            var analyzer = Timing()
            var oneThread = Timing()
            var keepalived = Double.infinity
            for _ in 0..<max(1, repetitions) {
                analyzer.measure { Analyzer.analyze(path: "bench.conf", text: text) }
                oneThread.measure { Analyzer.analyzeSequentially(path: "bench.conf", text: text) }
                if let keepalivedTimer { keepalived = min(keepalived, keepalivedTimer.time()) }
            }
            let seconds = analyzer.seconds
            var line =
                "  \(size) instances, \(formatted(megabytes)) MB: \(formatted(seconds * 1000)) ms, "
                + "\(formatted(megabytes / seconds, decimals: 1)) MB/s, \(formatted(seconds * 1e6 / Double(size), decimals: 2)) µs/instance, "
                + "CPU on all threads \(formatted(analyzer.processCPU * 1000)) ms "
                + "(one thread: \(formatted(oneThread.seconds * 1000)) ms, CPU \(formatted(oneThread.cpu * 1000)) ms; "
                + "freeing the result: \(formatted(analyzer.release * 1000)) ms more)"
            if !skipKeepalived {
                if keepalivedTimer != nil {
                    line += "; keepalived -t -f \(formatted(keepalived * 1000)) ms, \(formatted(keepalived / seconds, decimals: 1))x faster"
                } else {
                    line += "; keepalived -t not timed (needs root, ip netns and keepalived installed)"
                }
            }
            print(line)
        }
    }

    /// glibc moves its mmap threshold up to the largest block freed so far, and trims the heap
    /// when its free top grows past twice that. Over repeated analyses in one process, the page
    /// faults then depend on incidental block sizes: replacing one 460 KB table by a 64 KB one
    /// doubled them (75k to 170k over a run) and cost more time than the change saved. Fixed
    /// thresholds make every run after the first reuse the same heap, so the figures measure the
    /// analysis. keepalived runs in processes of its own, with the default allocator settings.
    static func pinAllocator() {
        #if canImport(Glibc)
            // mallopt is in <malloc.h>, which the Glibc module does not export; its parameter
            // numbers are M_TRIM_THRESHOLD (-1) and M_MMAP_THRESHOLD (-3).
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            _ = mallopt(-3, 32 << 20)
            _ = mallopt(-1, 256 << 20)
        #endif
    }

    /// Best wall and CPU time of one way of analysing, and of freeing its result.
    struct Timing {
        var seconds = Double.infinity
        var cpu = Double.infinity
        var processCPU = Double.infinity
        var release = Double.infinity

        mutating func measure(_ analyze: () -> NodeAnalysis) {
            // The result is freed after the clock stops: freeing memory is not parsing (its cost
            // is printed apart).
            var analysis: NodeAnalysis?
            let start = monotonicSeconds()
            let cpuStart = threadCPUSeconds()
            let processStart = processCPUSeconds()
            analysis = analyze()
            cpu = min(cpu, threadCPUSeconds() - cpuStart)
            processCPU = min(processCPU, processCPUSeconds() - processStart)
            seconds = min(seconds, monotonicSeconds() - start)
            let releaseStart = monotonicSeconds()
            withExtendedLifetime(analysis) {}
            analysis = nil
            release = min(release, monotonicSeconds() - releaseStart)
        }
    }

    func printStages() {
        let bytes = Array(ConfigGenerator.largeConfig(instances: instances).utf8)
        let lineTable = bestTime(repetitions: repetitions) { _ = SourceFile(path: "bench.conf", bytes: bytes) }
        let lexer = bestTime(repetitions: repetitions) { _ = Lexer.tokenize(bytes) }
        let parser = bestTime(repetitions: repetitions) { _ = Parser.parse(path: "bench.conf", bytes: bytes) }
        let tree = Parser.parse(path: "bench.conf", bytes: bytes)
        let files = InMemoryFileSystem(files: [:])
        var expanded: ExpandedConfig?
        let expand = bestTime(repetitions: repetitions) {
            expanded = Expander.expand(tree: tree, options: ExpansionOptions(), fileSystem: files)
        }
        let bind = bestTime(repetitions: repetitions) { _ = Binder.bind(expanded!, schema: .keepalived) }
        print("  stages on \(instances) instances: line table \(formatted(lineTable * 1000)) ms, lexer \(formatted(lexer * 1000)) ms, lexer+parser \(formatted(parser * 1000)) ms, expand \(formatted(expand * 1000)) ms, bind \(formatted(bind * 1000)) ms")
    }
}
