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

    /// karun writes its completion scripts from its own command table (no swift-argument-parser);
    /// each shell loads its script and offers the values.
    @Test(.enabled(if: built, "the executables are not built (swift build)"))
    func karunCompletesInEachShell() throws {
        let folder = try Toolbox.temporaryFolder("karun-completion")
        defer { Toolbox.remove(folder) }
        for shell in ["bash", "zsh", "fish"] {
            let script = try Toolbox.run(Self.tool("karun"), ["--generate-completion-script", shell])
            #expect(script.status == 0)
            try Toolbox.write(script.output, to: folder + "/karun." + shell)
        }
        let levels = ["critical", "debug", "error", "info", "notice", "trace", "warning"]
        let bash = { (words: [String]) in try Toolbox.bashCompletions(script: folder + "/karun.bash", words: words) }
        #expect(try bash(["karun", "--log-level", ""]) == levels)
        #expect(try bash(["karun", "cleanup", "--log-level", "w"]) == ["warning"])
        #expect(try bash(["karun", "status", "--s"]) == ["--socket"])
        #expect(try bash(["karun", "run", "--signum", "STATS"]) == ["STATS", "STATS_CLEAR"])
        #expect(try bash(["karun", "--generate-completion-script", ""]) == ["bash", "fish", "zsh"])
        let fish = try Toolbox.run("/usr/bin/fish", ["-c", "source \(folder)/karun.fish; complete -C 'karun --log-level '"])
        #expect(fish.status == 0, "\(fish.output)")
        #expect(fish.output.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }.sorted() == levels)
        let fishStatus = try Toolbox.run("/usr/bin/fish", ["-c", "source \(folder)/karun.fish; complete -C 'karun status --so'"])
        #expect(fishStatus.output.hasPrefix("--socket"), "\(fishStatus.output)")
        let zsh = try Toolbox.run("/usr/bin/zsh", ["-n", folder + "/karun.zsh"])
        #expect(zsh.status == 0, "zsh cannot read karun's script: \(zsh.output)")
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
