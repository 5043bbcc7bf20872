import ArgumentParser
import KAConfig
import KALint

/// Each single-file rule's own time on the generated configs at 1k, 5k and 20k instances, and
/// whether its time per instance grows (a rule that is not linear in instances).
struct RulesBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Each rule's own time at 1k/5k/20k instances; flags time per instance growing > 1.5x from the smallest to the largest size.")

    @Option(parsing: .upToNextOption, help: "Instance counts (default 1000 5000 20000).")
    var sizes: [Int] = [1000, 5000, 20000]

    @Option(help: "Repetitions per rule and size (the best time is reported).")
    var repetitions: Int = 3

    @Option(help: "Growth of the time per instance (largest size over smallest) that is flagged.")
    var limit: Double = 1.5

    func run() throws {
        let sizes = self.sizes.sorted()
        guard let smallest = sizes.first, let largest = sizes.last else { return }
        print("kabench rules: each rule's check on one node, best of \(repetitions); µs per instance, growth = per-instance time at \(largest) / at \(smallest)")
        let rules = RuleRegistry.singleFile
        // [rule][size] best seconds; the last rows are the whole engine (facts, the rules on every
        // core for a large node, suppressions), the renderer and the shared facts alone.
        var times = Array(repeating: [Double](), count: rules.count + 3)
        for size in sizes {
            let bare = Analyzer.analyze(path: "bench.conf", text: ConfigGenerator.largeConfig(instances: size))
            // The facts the engine derives once per node and the rules share are timed apart.
            times[rules.count + 2].append(bestTime(repetitions: repetitions) { _ = LintNode(bare) })
            let node = LintNode(bare)
            for (index, rule) in rules.enumerated() {
                times[index].append(bestTime(repetitions: repetitions) { _ = rule.check(node) })
            }
            var report: LintEngine.Report?
            let engine = bestTime(repetitions: repetitions) { report = LintEngine().run([bare]) }
            times[rules.count].append(engine)
            let sources = node.sources
            times[rules.count + 1].append(bestTime(repetitions: repetitions) {
                _ = DiagnosticRenderer.render(report!.diagnostics, format: .human, sources: sources, color: false, rules: RuleRegistry.allRules)
            })
        }
        let names = rules.map(\.rule.slug) + ["(whole engine)", "(human renderer)", "(shared facts)"]
        var flagged: [String] = []
        var rows: [(String, [Double], Double)] = []
        for (index, name) in names.enumerated() {
            let perInstance = zip(times[index], sizes).map { $0 / Double($1) }
            // Below 20 µs in total (at either end) a figure is noise, not growth.
            let measurable = times[index].first! >= 20e-6 && times[index].last! >= 20e-6
            let growth = measurable ? perInstance.last! / perInstance.first! : 1
            rows.append((name, times[index], growth))
            if growth > limit { flagged.append(name) }
        }
        for (name, seconds, growth) in rows.sorted(by: { $0.1.last! > $1.1.last! }) {
            let cells = zip(seconds, sizes).map { "\(formatted($0 * 1000, decimals: 3)) ms (\(formatted($0 * 1e6 / Double($1), decimals: 3)) µs/inst)" }
            print("  \(name.padded(28)) \(cells.joined(separator: "  "))  growth \(formatted(growth))x\(growth > limit ? "  <-- NOT LINEAR" : "")")
        }
        print(flagged.isEmpty ? "  every rule linear (growth <= \(limit)x)" : "  growth > \(limit)x: \(flagged.joined(separator: ", "))")
    }
}

extension String {
    func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
