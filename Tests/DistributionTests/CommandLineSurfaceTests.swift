import Foundation
import KAVersion
import Testing

/// What users and their shells see of the debug executables: `--version` from the one version
/// source, and the closed sets of option values in help and completions.
@Suite struct CommandLineSurfaceTests {
    static let built = Toolbox.isExecutable(Toolbox.binFolder + "/kalint")

    static func tool(_ name: String) -> String { Toolbox.binFolder + "/" + name }

    @Test(.enabled(if: built, "the executables are not built (swift build)"), arguments: ["kalint", "kafmt", "karun", "kabench"])
    func versionIsTheToolchainVersion(_ name: String) throws {
        let result = try Toolbox.run(Self.tool(name), ["--version"])
        #expect(result.status == 0)
        // The release number, and the commit when the build was given one (scripts/package.sh).
        let pattern = "^" + ToolchainVersion.release.replacingOccurrences(of: ".", with: "\\.") + #"( \(git [0-9A-Za-z._+-]+\))?\n$"#
        #expect(result.output.range(of: pattern, options: .regularExpression) != nil, "\(result.output)")
    }

    @Test(.enabled(if: built, "the executables are not built (swift build)"))
    func helpListsTheValuesOfClosedOptions() throws {
        let help = try Toolbox.run(Self.tool("kalint"), ["--help"]).output
        let flattened = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flattened.contains("values: human, json, sarif, github; default: human"))
        #expect(flattened.contains("values: info, warning, error; default: error"))
        #expect(flattened.contains("values: tokens, tree, source, model"))
        let karun = try Toolbox.run(Self.tool("karun"), ["run", "--help"]).output
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(karun.contains("values: trace, debug, info, notice, warning, error, critical; default: info"))
    }

    @Test(.enabled(if: built, "the executables are not built (swift build)"))
    func completionsOfferTheValues() throws {
        let folder = try Toolbox.temporaryFolder("kalint-completion")
        defer { Toolbox.remove(folder) }
        let bash = try Toolbox.run(Self.tool("kalint"), ["--generate-completion-script", "bash"])
        #expect(bash.status == 0)
        try Toolbox.write(bash.output, to: folder + "/kalint")
        let offered = { (words: [String]) in try Toolbox.bashCompletions(script: folder + "/kalint", words: words) }
        #expect(try offered(["kalint", "--format", ""]) == ["github", "human", "json", "sarif"])
        #expect(try offered(["kalint", "--fail-on", ""]) == ["error", "info", "warning"])
        #expect(try offered(["kalint", "--emit", "t"]) == ["tokens", "tree"])
        #expect(try offered(["kalint", "--explain", "vrid-m"]) == ["vrid-mismatch"], "rule slugs complete")
        let fish = try Toolbox.run(Self.tool("karun"), ["--generate-completion-script", "fish"])
        #expect(fish.output.contains("STATS_CLEAR"))
    }

    /// The spellings users already wrote keep working; a value outside the set is a usage error
    /// (exit 2, as before) that names the values.
    @Test(.enabled(if: built, "the executables are not built (swift build)"))
    func spellingsAndUsageErrors() throws {
        let folder = try Toolbox.temporaryFolder("kalint-cli")
        defer { Toolbox.remove(folder) }
        let config = folder + "/keepalived.conf"
        try Toolbox.write("vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 300\n}\n", to: config)
        let warning = try Toolbox.run(Self.tool("kalint"), ["--format", "json", "--fail-on", "warning", config])
        #expect(warning.status == 1)
        #expect(warning.output.hasPrefix("{") || warning.output.hasPrefix("["))
        let source = try Toolbox.run(Self.tool("kalint"), ["--emit", "source", config])
        #expect(source.status == 0)
        #expect(source.output == Toolbox.read(config))
        for arguments in [["--format", "xml", config], ["--fail-on", "fatal", config], ["--emit", "ast", config]] {
            let usage = try Toolbox.run(Self.tool("kalint"), arguments)
            #expect(usage.status == 2, "\(arguments)")
            #expect(usage.output.contains("Please provide one of"), "\(arguments): \(usage.output)")
        }
    }
}
