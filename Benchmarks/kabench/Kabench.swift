import ArgumentParser
import KAVersion

/// kabench: commands that print figures. Speed targets are checked here, never in unit tests.
@main
struct Kabench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kabench",
        abstract: "Benchmarks of the keepalived toolchain (run with -c release).",
        version: ToolchainVersion.text,
        subcommands: [ParseBenchmark.self, KalintBenchmark.self, RulesBenchmark.self, FleetLintBenchmark.self, FormatBenchmark.self, VRRPBenchmark.self, FailoverBenchmark.self, GenerateConfig.self])
}
