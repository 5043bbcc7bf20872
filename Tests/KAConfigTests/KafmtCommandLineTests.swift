import KACommandLine
@testable import KAFormat
import Testing

/// kafmt's command line, read from KafmtInterface's table: spellings (grouped short flags too),
/// the options that cannot go together (exit 64, as swift-argument-parser gave), the help users
/// know, and the manual page held to the table.
@Suite struct KafmtCommandLineTests {
    let parser = CommandLineParser(root: KafmtInterface.root)

    func outcome(_ words: [String]) -> Result<KafmtInterface.Request, KafmtInterface.UsageProblem>? {
        guard case .run(let parsed) = parser.parse(words) else { return nil }
        return KafmtInterface.request(parsed)
    }

    @Test func spellingsAndStandardInput() throws {
        let asked = try #require(outcome(["-rw", "a.conf", "--diff", "b.conf"])).get()
        #expect(asked == KafmtInterface.Request(files: ["a.conf", "b.conf"], write: true, check: false, diff: true, recursive: true))
        let plain = try #require(outcome([])).get()
        #expect(plain.files == ["-"], "no file: standard input")
        #expect(try #require(outcome(["--check", "--recursive", "x.conf"])).get().check)
        #expect(try #require(outcome(["--", "-"])).get().files == ["-"])
    }

    @Test func optionsThatCannotGoTogetherAreUsageErrors() throws {
        #expect(KafmtInterface.usageStatus == 64)
        let cases: [([String], String)] = [
            (["-w", "--check", "a.conf"], "--check never writes; use either -w or --check."),
            (["-w"], "-w needs file names, not standard input."),
            (["--write", "a.conf", "-"], "-w needs file names, not standard input."),
            (["-r", "-"], "-r follows includes of named files, not of standard input."),
        ]
        for (words, message) in cases {
            guard case .failure(let problem) = try #require(outcome(words), "\(words)") else {
                Issue.record("\(words) was accepted")
                continue
            }
            #expect(problem.message == message)
            #expect(parser.usageError(problem.message) == """
                Error: \(message)
                Usage: kafmt [--write] [--check] [--diff] [--recursive] [<files> ...]
                  See 'kafmt --help' for more information.

                """)
        }
        guard case .usageError(let text) = parser.parse(["-wx", "a.conf"]) else {
            Issue.record("-x accepted")
            return
        }
        #expect(text.hasPrefix("Error: Unknown option '-x'\n"))
    }

    /// The help users saw with swift-argument-parser, byte for byte.
    @Test func helpIsTheOneUsersKnow() throws {
        guard case .help(let help) = parser.parse(["a.conf", "--help"]) else {
            Issue.record("no help")
            return
        }
        #expect(help == """
            OVERVIEW: Format keepalived.conf files in the one canonical style.

            With no FILE, or with -, reads standard input and writes standard output.
            Exit status: 0 all well; 1 with --check when a file would change; 2 when a file
            has a syntax error (it is left untouched) or cannot be read or written.

            USAGE: kafmt [--write] [--check] [--diff] [--recursive] [<files> ...]

            ARGUMENTS:
              <files>                 Files to format; - for standard input.

            OPTIONS:
              -w, --write             Write the result back to each file (atomically, only
                                      when it changes).
              --check                 List the files that would change and exit 1; write
                                      nothing.
              --diff                  Print a unified diff of the changes instead of the
                                      formatted text.
              -r, --recursive         Also format the files that each file includes.
              --version               Show the version.
              -h, --help              Show help information.

            """)
    }

    /// packaging/kafmt.1 is written by hand: every option of the table is on it, no other, and
    /// the exit statuses.
    @Test func theManualPageFollowsTheTable() throws {
        let page = try ManualPage("kafmt.1")
        #expect(page.lacks(KafmtInterface.root) == [])
        #expect(page.strangers(to: KafmtInterface.root) == [])
        #expect(page.text.contains("cannot be\nread or written; 64 on a usage error"))
    }
}
