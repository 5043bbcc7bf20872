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

    /// kalint and kafmt write their completion scripts from their own tables too (no
    /// swift-argument-parser): each shell loads them and offers the values, the rule slugs and
    /// files.
    @Test(.enabled(if: built, "the executables are not built (swift build)"), arguments: ["kalint", "kafmt"])
    func kalintAndKafmtCompleteInEachShell(_ tool: String) throws {
        let folder = try Toolbox.temporaryFolder("\(tool)-completion")
        defer { Toolbox.remove(folder) }
        for shell in ["bash", "zsh", "fish"] {
            let script = try Toolbox.run(Self.tool(tool), ["--generate-completion-script", shell])
            #expect(script.status == 0)
            try Toolbox.write(script.output, to: folder + "/\(tool)." + shell)
            if shell == "zsh" {
                let zsh = try Toolbox.run("/usr/bin/zsh", ["-n", folder + "/\(tool).zsh"])
                #expect(zsh.status == 0, "zsh cannot read \(tool)'s script: \(zsh.output)")
            }
        }
        try Toolbox.write("", to: folder + "/ruleset.nft")
        let bash = { (words: [String]) in try Toolbox.bashCompletions(script: folder + "/\(tool).bash", words: words) }
        let fish = { (line: String) in
            let result = try Toolbox.run("/usr/bin/fish", ["-c", "cd \(folder); source \(folder)/\(tool).fish; complete -C '\(line)'"])
            #expect(result.status == 0, "\(result.output)")
            return result.output.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }.sorted()
        }
        if tool == "kalint" {
            #expect(try bash(["kalint", "--disable", "vrid-m"]) == ["vrid-mismatch"])
            #expect(try bash(["kalint", "--disable", "auth-mismatch", "--disable", "vrid-m"]) == ["vrid-mismatch"], "offered again")
            #expect(try bash(["kalint", "--enable-only", "firewall-m"]) == ["firewall-missing"])
            #expect(try bash(["kalint", "--firewall", folder + "/rules"]) == [folder + "/ruleset.nft"], "files for --firewall")
            #expect(try bash(["kalint", "--no-c"]) == ["--no-color"])
            #expect(try fish("kalint --fail-on ") == ["error", "info", "warning"])
            #expect(try fish("kalint --explain vrid-m") == ["vrid-mismatch"])
            #expect(try fish("kalint --em") == ["--emit"])
        } else {
            #expect(try bash(["kafmt", "--re"]) == ["--recursive"])
            #expect(try bash(["kafmt", "-w", folder + "/rules"]) == [folder + "/ruleset.nft"], "files to format")
            #expect(try fish("kafmt --ch") == ["--check"])
            #expect(try fish("kafmt -w rules").contains("ruleset.nft"))
        }
    }

    /// Usage errors exit as they did on swift-argument-parser (kalint 2, kafmt 64) and say why
    /// on stderr; --disable and --enable-only take comma lists and repeats.
    @Test(.enabled(if: built, "the executables are not built (swift build)"))
    func usageErrorsAndRepeatedOptions() throws {
        try Self.withConfig("vrrp_instance VI_1 {\n    state Master\n    interface eth0\n    virtual_router_id 300\n}\n") { config in
            let cases: [(String, [String], Int32, String)] = [
                ("kalint", ["--bogus", config], 2, "Error: Unknown option '--bogus'"),
                ("kalint", ["--format"], 2, "Error: Missing value for '--format <format>'"),
                ("kalint", ["--fix=now", config], 2, "does not take any value"),
                ("kafmt", ["--bogus"], 64, "Error: Unknown option '--bogus'"),
                ("kafmt", ["-w", "--check", config], 64, "Error: --check never writes; use either -w or --check."),
                ("kafmt", ["-w"], 64, "Error: -w needs file names, not standard input."),
                ("kafmt", ["-r", "-"], 64, "Error: -r follows includes of named files, not of standard input."),
            ]
            for (tool, arguments, status, message) in cases {
                let result = try Toolbox.run(Self.tool(tool), arguments)
                #expect(result.status == status, "\(tool) \(arguments): \(result.output)")
                #expect(result.output.contains(message), "\(tool) \(arguments): \(result.output)")
                #expect(result.output.contains("See '\(tool) --help' for more information."))
            }
            let all = try Toolbox.run(Self.tool("kalint"), ["--format", "json", "--fail-on", "info", config])
            #expect(all.status == 1)
            for rule in ["state-value", "vrid-range"] { #expect(all.output.contains("\"\(rule)\""), "\(rule): \(all.output)") }
            let quiet = try Toolbox.run(
                Self.tool("kalint"), ["--disable", "state-value,vrid-range", "--format=json", "--disable", "firewall-hint", config])
            #expect(quiet.status != 2 && !quiet.output.contains("\"state-value\"") && !quiet.output.contains("\"vrid-range\""), "\(quiet.output)")
            let only = try Toolbox.run(Self.tool("kalint"), ["--enable-only", "vrid-range", "--enable-only", "KA228", "--format", "json", config])
            #expect(only.output.contains("\"vrid-range\"") && only.output.contains("\"state-value\""), "\(only.output)")
            #expect(!only.output.contains("\"firewall-hint\""), "\(only.output)")
            let formatted = try Toolbox.run(Self.tool("kafmt"), ["-rw", config])
            #expect(formatted.status == 0, "grouped short flags: \(formatted.output)")
        }
    }

    /// The spellings users already wrote keep working; a value outside the set is a usage error
    /// (exit 2, as before) that names the values.
    @Test(.enabled(if: built, "the executables are not built (swift build)"))
    func spellingsAndUsageErrors() throws {
        try Self.withConfig("vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 300\n}\n") { config in
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

    /// Runs `body` with a keepalived.conf holding `text` in a scratch folder, removed after.
    static func withConfig(_ text: String, _ body: (String) throws -> Void) throws {
        let folder = try Toolbox.temporaryFolder("kalint-cli")
        defer { Toolbox.remove(folder) }
        let config = folder + "/keepalived.conf"
        try Toolbox.write(text, to: config)
        try body(config)
    }
}
