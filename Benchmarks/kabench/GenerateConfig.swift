import ArgumentParser
import KAConfig

/// Writes the generated benchmark configuration to stdout.
struct GenerateConfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Print a generated config with N vrrp_instance blocks.")

    @Option(help: "Number of vrrp_instance blocks.")
    var instances: Int = 5000

    func run() {
        print(ConfigGenerator.largeConfig(instances: instances), terminator: "")
    }
}
