import KACommandLine
import Testing
@testable import KAConfig
@testable import KALint

/// kalint's command line, read from KalintInterface's table: the spellings users and CI already
/// type, what the driver is asked, the usage errors (exit 2), the help as swift-argument-parser
/// printed it, and the manual page held to the table.
@Suite struct KalintCommandLineTests {
    let parser = CommandLineParser(root: KalintInterface.root)

    func request(_ words: [String], installed: String? = "2.2.8") throws -> KalintRequest {
        guard case .run(let parsed) = parser.parse(words) else {
            Issue.record("\(words) did not parse: \(parser.parse(words))")
            throw CancellationError()
        }
        return KalintInterface.request(parsed, color: true, installedVersion: { installed })
    }

    @Test func everySpellingReachesTheDriver() throws {
        let words = [
            "--format", "sarif", "--fail-on=warning", "--config-id", "node1", "--target-version", "2.2.4", "--firewall", "r.nft",
            "--fix", "--diff", "--no-color", "a.conf", "b.conf",
        ]
        let asked = try request(words)
        #expect(asked.files == ["a.conf", "b.conf"])
        #expect(asked.format == "sarif")
        #expect(asked.failOn == "warning")
        #expect(asked.configID == "node1")
        #expect(asked.targetVersion == "2.2.4")
        #expect(asked.firewall == "r.nft")
        #expect(asked.fix && asked.diff)
        #expect(!asked.color, "--no-color wins over a terminal")
        let plain = try request(["a.conf"])
        #expect(plain.format == "human" && plain.failOn == "error")
        #expect(plain.targetVersion == "2.2.8", "the installed keepalived's version by default")
        #expect(plain.color)
        #expect(try request(["--list-rules"]).listRules)
        #expect(try request(["--explain", "vrid-mismatch"]).targetVersion == nil, "keepalived is not asked for --explain")
        #expect(try request(["--emit", "model", "a.conf"]).emit == "model")
        #expect(try request(["--emit", "model", "a.conf"]).targetVersion == nil)
    }

    /// --disable and --enable-only take comma lists and repeats; the driver splits the lists.
    @Test func commaListsAndRepeatsDisableEachRule() throws {
        let asked = try request(["--disable", "state-value,unknown-keyword", "--format", "json", "--disable", "KA501", "/c/a.conf"])
        #expect(asked.disable == ["state-value,unknown-keyword", "KA501"])
        let files = ["/c/a.conf": KalintDriverTests.broken]
        let all = KalintDriver.run(try request(["--format", "json", "/c/a.conf"]), fileSystem: InMemoryFileSystem(files: files))
        for rule in ["state-value", "unknown-keyword", "firewall-hint"] { #expect(all.stdout.contains("\"\(rule)\""), "\(rule)") }
        let quiet = KalintDriver.run(asked, fileSystem: InMemoryFileSystem(files: files))
        for rule in ["state-value", "unknown-keyword", "firewall-hint"] { #expect(!quiet.stdout.contains("\"\(rule)\""), "\(rule)") }
        #expect(quiet.status != 2, "no usage error")
        let only = try request(["--enable-only", "KA228", "--enable-only", "firewall-hint,vrid-range", "--format", "json", "/c/a.conf"])
        #expect(only.enableOnly == ["KA228", "firewall-hint,vrid-range"])
        let some = KalintDriver.run(only, fileSystem: InMemoryFileSystem(files: files))
        #expect(some.stdout.contains("\"state-value\"") && some.stdout.contains("\"firewall-hint\""))
        #expect(!some.stdout.contains("\"unknown-keyword\""))
    }

    @Test func usageErrorsExitTwoAndSayWhy() throws {
        #expect(KalintInterface.usageStatus == 2)
        let cases: [([String], String)] = [
            (["--format", "xml", "a.conf"], "Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'human', 'json', 'sarif' or 'github'.\nHelp:  --format <format>  Output format.\n"),
            (["--fail-on", "fatal"], "Please provide one of 'info', 'warning' or 'error'."),
            (["--emit=ast"], "Please provide one of 'tokens', 'tree', 'source' or 'model'."),
            (["--format"], "Error: Missing value for '--format <format>'"),
            (["--config-id", "--fix"], "Error: Missing value for '--config-id <config-id>'"),
            (["--fix=yes"], "Error: The option '--fix' does not take any value, but 'yes' was specified."),
            (["--bogus"], "Error: Unknown option '--bogus'"),
            (["-x"], "Error: Unknown option '-x'"),
        ]
        for (words, message) in cases {
            guard case .usageError(let text) = parser.parse(words) else {
                Issue.record("\(words) is no usage error")
                continue
            }
            #expect(text.hasPrefix("Error: "), "\(words)")
            #expect(text.contains(message), "\(words): \(text)")
            #expect(text.hasSuffix("Usage: kalint [<options>] [<files> ...]\n  See 'kalint --help' for more information.\n"), "\(text)")
        }
    }

    /// The help users saw with swift-argument-parser, byte for byte.
    @Test func helpIsTheOneUsersKnow() throws {
        guard case .help(let help) = parser.parse(["-h"]) else {
            Issue.record("no help")
            return
        }
        #expect(help == """
            OVERVIEW: Lint keepalived.conf files: one file per node, checked alone and
            against each other.

            Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error or
            unreadable input.

            USAGE: kalint [<options>] [<files> ...]

            ARGUMENTS:
              <files>                 Configuration files, one per node (includes are
                                      followed).

            OPTIONS:
              --format <format>       Output format. (values: human, json, sarif, github;
                                      default: human)
              --config-id <config-id> Config id for @id conditional lines (keepalived -i).
              --emit <emit>           Print one view of a single file. (values: tokens,
                                      tree, source, model)
              --fail-on <fail-on>     Lowest severity that makes kalint exit 1. (values:
                                      info, warning, error; default: error)
              --disable <disable>     Do not report this rule (slug or code; repeatable,
                                      comma-separated lists allowed).
              --enable-only <enable-only>
                                      Report only these rules (slug or code; repeatable).
              --target-version <target-version>
                                      The keepalived version to check against (keywords
                                      newer than it, version-specific refusals); default:
                                      the installed keepalived's (keepalived -v), else
                                      2.2.7.
              --firewall <firewall>   A saved ruleset (nft list ruleset or iptables-save
                                      output) to check VRRP traffic against.
              --list-rules            List every rule: code, slug, severity, summary.
              --explain <explain>     Print the documentation page of a rule (slug or code).
              --fix                   Apply safe fix-its in place (atomically).
              --diff                  With --fix: print the changes as a unified diff
                                      instead of writing them.
              --no-color              Never colour human output.
              --version               Show the version.
              -h, --help              Show help information.

            """)
        #expect(parser.parse(["a.conf", "--version"]) == .version)
    }

    @Test func completionsOfferRuleSlugsAndFiles() throws {
        let slugs = RuleRegistry.allRules.map(\.slug)
        #expect(KalintInterface.ruleSlugs == slugs)
        for long in ["disable", "enable-only", "explain"] {
            let option = try #require(KalintInterface.root.options.first { $0.long == long })
            #expect(option.completion == .values(slugs), "--\(long)")
        }
        #expect(KalintInterface.root.options.first { $0.long == "firewall" }?.completion == .file)
        #expect(KalintInterface.formats == DiagnosticFormat.allCases.map(\.rawValue))
    }

    /// packaging/kalint.1 is written by hand: every option, value and default of the table is on
    /// it, it names no option the table lacks, and it gives the exit statuses.
    @Test func theManualPageFollowsTheTable() throws {
        let page = try ManualPage("kalint.1")
        #expect(page.lacks(KalintInterface.root) == [])
        #expect(page.strangers(to: KalintInterface.root) == [])
        for view in KalintInterface.emitViews { #expect(page.text.contains(view)) }
        #expect(page.text.contains("1 when one does, 2 on a usage error or unreadable input"))
    }
}
