import Foundation
import KACommandLine
import KARuntime
import Testing

/// karun's command line, read from its table: the spellings users and the systemd unit type, the
/// usage errors (exit 64, as swift-argument-parser gave them), the help, and the manual page that
/// must name every option and value of the table.
@Suite struct KarunCommandLineTests {
    let parser = CommandLineParser(root: KarunInterface.root)

    func parsed(_ words: [String]) -> ParsedCommand? { parser.parse(words).parsedCommand }

    func usageError(_ words: [String]) -> String? { parser.parse(words).usageMessage }

    @Test func aConfigAloneRunsItAndDefaultsFillTheRest() throws {
        let plain = try #require(parsed(["/etc/k.conf"]))
        #expect(plain.path == ["karun", "run"])
        #expect(plain.argument("config") == "/etc/k.conf")
        #expect(plain.value("log-level") == "info")
        #expect(plain.value("status-socket") == DaemonOptions.defaultStatusSocket)
        #expect(!plain.flag("check"))
        let empty = try #require(parsed([]))
        #expect(empty.command == "run")
        #expect(empty.argument("config") == "/etc/keepalived/keepalived.conf")
    }

    @Test func everySpellingOfAnOptionIsRead() throws {
        let words = ["run", "-t", "-i", "node1", "--log-level=debug", "--notify-timeout", "2.5", "--metrics", "9165", "k.conf"]
        let run = try #require(parsed(words))
        #expect(run.flag("check"))
        #expect(run.value("config-id") == "node1")
        #expect(run.value("log-level") == "debug")
        #expect(run.value("notify-timeout") == "2.5")
        #expect(run.value("metrics") == "9165")
        #expect(run.argument("config") == "k.conf")
        #expect(parsed(["-inode2", "k.conf"])?.value("config-id") == "node2")
        #expect(parsed(["--check", "--", "-odd-name.conf"])?.argument("config") == "-odd-name.conf")
        #expect(parsed(["--signum", "JSON"])?.value("signum") == "JSON", "root options go to the default command")
        let status = try #require(parsed(["status", "--socket", "/tmp/s.sock"]))
        #expect(status.command == "status")
        #expect(status.value("socket") == "/tmp/s.sock")
        let cleanup = try #require(parsed(["cleanup", "-i", "a", "c.conf"]))
        #expect(cleanup.command == "cleanup")
        #expect(cleanup.argument("config") == "c.conf")
        #expect(cleanup.value("config-id") == "a")
    }

    @Test func wrongCommandLinesAreUsageErrorsThatSayWhy() throws {
        let cases: [([String], String)] = [
            (["--bogus"], "Unknown option '--bogus'"),
            (["--log-level", "loud"], "The value 'loud' is invalid for '--log-level <log-level>'. Please provide one of 'trace', 'debug'"),
            (["--notify-timeout", "soon"], "a number is expected"),
            (["--log-level"], "Missing value for '--log-level <log-level>'"),
            (["a.conf", "b.conf"], "Unexpected argument 'b.conf'"),
            (["--check=yes"], "does not take any value"),
            (["status", "--check"], "Unknown option '--check'"),
            (["help", "nothing"], "Unknown subcommand 'nothing'"),
            (["--generate-completion-script", "tcsh"], "Please provide one of 'bash', 'zsh' and 'fish'"),
        ]
        for (words, message) in cases {
            let text = try #require(usageError(words), "\(words)")
            #expect(text.hasPrefix("Error: "), "\(words)")
            #expect(text.contains(message), "\(words): \(text)")
            #expect(text.contains("See 'karun"), "\(words): \(text)")
        }
        #expect(CommandLineParser.exitUsage == 64)
    }

    @Test func helpAndVersionAnswerAnywhere() throws {
        guard case .help(let root) = parser.parse(["--help"]) else { Issue.record("no root help"); return }
        #expect(root.contains("SUBCOMMANDS:") && root.contains("run (default)") && root.contains("cleanup"))
        guard case .help(let run) = parser.parse(["run", "--log-level", "debug", "-h"]) else { Issue.record("no run help"); return }
        let flat = run.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("values: trace, debug, info, notice, warning, error, critical; default: info"))
        #expect(flat.contains("-i, --config-id <config-id>"))
        #expect(flat.contains("<config> The keepalived.conf to run. (default: /etc/keepalived/keepalived.conf)"))
        // The option column is 26 wide and no line passes 80 columns.
        for line in run.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        guard case .help(let status) = parser.parse(["help", "status"]) else { Issue.record("no status help"); return }
        #expect(status.contains("--socket <socket>"))
        #expect(parser.parse(["--version"]) == .version)
        #expect(parser.parse(["status", "--version"]) == .version)
    }

    @Test func completionScriptsComeFromTheSameTable() throws {
        for shell in ["bash", "zsh", "fish"] {
            guard case .completionScript(let script) = parser.parse(["--generate-completion-script", shell]) else {
                Issue.record("no \(shell) script")
                continue
            }
            for value in KarunInterface.logLevels + ["STATS_CLEAR", "--status-socket", "--socket", "cleanup"] {
                #expect(script.contains(value.hasPrefix("--") && shell == "fish" ? "-l " + value.dropFirst(2) : value), "\(shell) lacks \(value)")
            }
        }
    }

    /// packaging/karun.8 is written by hand: every option, value and subcommand of the table is on it.
    @Test func theManualPageNamesEveryOptionAndValue() throws {
        let root = String(#filePath.split(separator: "/").dropLast(3).joined(separator: "/"))
        let page = try String(contentsOfFile: "/" + root + "/packaging/karun.8", encoding: .utf8)
        // troff escapes every '-' of an option as "\-".
        let text = page.replacingOccurrences(of: "\\-", with: "-")
        for command in KarunInterface.root.subcommands {
            #expect(text.contains(".B \(command.name)"), "the page lacks the \(command.name) command")
            for option in command.options {
                #expect(text.contains("--" + option.long), "the page lacks --\(option.long) (\(command.name))")
                if let short = option.short { #expect(text.contains("-\(short)"), "the page lacks -\(short)") }
                if case .choice(let values) = option.valueType {
                    for value in values { #expect(text.contains(value), "the page lacks \(value) of --\(option.long)") }
                }
                if let value = option.defaultValue { #expect(text.contains(value), "the page lacks the default \(value)") }
            }
        }
        for signal in KeepalivedSignal.allCases { #expect(text.contains(signal.rawValue), "the page lacks \(signal.rawValue)") }
    }
}
