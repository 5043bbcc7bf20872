import KACommandLine
import Testing

/// The parts of KACommandLine a command without subcommands uses (kalint, kafmt): options given
/// more than once, an argument taking every file, grouped short flags, values that look like
/// options, the usage errors and the help layout swift-argument-parser gave these tools.
@Suite struct CommandLineParserTests {
    static let tool = CommandSpec(
        name: "tool",
        abstract: "Do a thing to files.",
        discussion: "First paragraph line.\nExit status: 0 well, 1 not, and a line long enough that it has to be wrapped at eighty columns.",
        arguments: [ArgumentSpec("files", help: "The files.", repeating: true)],
        options: [
            .value("skip", help: "Skip these (repeatable).", completion: .values(["alpha", "beta"]), repeatable: true),
            .value("mode", type: .choice(["fast", "slow", "exact"]), help: "How.", defaultValue: "fast"),
            .value("config-id", help: "A label 25 columns wide."),
            .flag("write", short: "w", help: "Write."),
            .flag("recursive", short: "r", help: "Recurse."),
            .value("name", short: "n", help: "A name."),
        ])
    static var listing: CommandSpec {
        var spec = tool
        spec.listsOptionsInUsage = true
        return spec
    }

    let parser = CommandLineParser(root: tool)

    func parsed(_ words: [String]) -> ParsedCommand? { parser.parse(words).parsedCommand }

    func usageError(_ words: [String]) -> String? { parser.parse(words).usageMessage }

    @Test func aRepeatableOptionKeepsEveryValueInOrder() throws {
        let run = try #require(parsed(["--skip", "a,b", "x.conf", "--skip=c", "--mode", "slow", "--mode", "exact"]))
        #expect(run.values("skip") == ["a,b", "c"])
        #expect(run.value("skip") == "c")
        #expect(run.value("mode") == "exact", "a plain option given twice: the last counts")
        #expect(run.values("mode") == ["exact"])
        #expect(try #require(parsed([])).values("skip").isEmpty)
        #expect(try #require(parsed([])).values("mode") == ["fast"], "the default when none was given")
    }

    @Test func aRepeatingArgumentTakesEveryFileWhereverItStands() throws {
        let run = try #require(parsed(["a.conf", "-w", "b.conf", "--", "-c.conf", "-"]))
        #expect(run.arguments("files") == ["a.conf", "b.conf", "-c.conf", "-"])
        #expect(run.argument("files") == "a.conf")
        #expect(try #require(parsed(["-w"])).arguments("files").isEmpty)
    }

    @Test func groupedShortFlagsAndAttachedValues() throws {
        let grouped = try #require(parsed(["-rw", "x"]))
        #expect(grouped.flag("recursive") && grouped.flag("write"))
        #expect(grouped.arguments("files") == ["x"])
        let valued = try #require(parsed(["-wnfirst", "-n=second"]))
        #expect(valued.flag("write"))
        #expect(valued.value("name") == "second")
        #expect(try #require(parsed(["-wn", "third"])).value("name") == "third")
        #expect(usageError(["-wq"])?.contains("Unknown option '-q'") == true)
    }

    @Test func aValueThatLooksLikeAnOptionIsMissing() throws {
        let text = try #require(usageError(["--config-id", "--write", "x"]))
        #expect(text.hasPrefix("Error: Missing value for '--config-id <config-id>'\nHelp:  --config-id <config-id>  A label 25 columns wide.\n"))
        #expect(try #require(parsed(["--config-id", "-"])).value("config-id") == "-", "- is standard input, a value")
    }

    @Test func usageErrorsReadAsSwiftArgumentParserWroteThem() throws {
        #expect(usageError(["--mode", "quick"]) == """
            Error: The value 'quick' is invalid for '--mode <mode>'. Please provide one of 'fast', 'slow' or 'exact'.
            Help:  --mode <mode>  How.
            Usage: tool [<options>] [<files> ...]
              See 'tool --help' for more information.

            """)
        #expect(usageError(["--write=yes"])?.hasPrefix("Error: The option '--write' does not take any value, but 'yes' was specified.\nUsage:") == true)
        #expect(usageError(["--bogus"])?.hasPrefix("Error: Unknown option '--bogus'\nUsage: tool [<options>] [<files> ...]\n") == true)
        #expect(parser.usageError("-w and -r disagree.") == "Error: -w and -r disagree.\nUsage: tool [<options>] [<files> ...]\n  See 'tool --help' for more information.\n")
        let listing = CommandLineParser(root: Self.listing)
        #expect(listing.usageError("x").contains(
            "Usage: tool [--skip <skip> ...] [--mode <mode>] [--config-id <config-id>] [--write] [--recursive] [--name <name>] [<files> ...]"))
    }

    @Test func helpHasTheDiscussionAndTheColumnRule() throws {
        guard case .help(let help) = parser.parse(["x.conf", "--help"]) else {
            Issue.record("no help")
            return
        }
        #expect(help.hasPrefix("""
            OVERVIEW: Do a thing to files.

            First paragraph line.
            Exit status: 0 well, 1 not, and a line long enough that it has to be wrapped at
            eighty columns.

            USAGE: tool [<options>] [<files> ...]

            ARGUMENTS:
              <files>                 The files.

            """))
        // A label of 25 columns still takes its help on the same line; 26 would not.
        #expect(help.contains("\n  --config-id <config-id> A label 25 columns wide.\n"))
        #expect(help.contains("\n  --mode <mode>           How. (values: fast, slow, exact; default: fast)\n"))
        #expect(help.contains("\n  -w, --write             Write.\n"))
        #expect(parser.parse(["a", "--version"]) == .version)
        #expect(parser.parse(["help"]) == .run(try #require(parsed(["help"]))), "no help subcommand without subcommands: a file")
    }

    @Test func completionScriptsOfACommandWithoutSubcommands() throws {
        guard case .completionScript(let bash) = parser.parse(["--generate-completion-script", "bash"]),
            case .completionScript(let zsh) = parser.parse(["--generate-completion-script=zsh"]),
            case .completionScript(let fish) = parser.parse(["--generate-completion-script", "fish"])
        else {
            Issue.record("no scripts")
            return
        }
        #expect(bash.contains("--skip) COMPREPLY=( $(compgen -W 'alpha beta' -- \"$cur\") ); return ;;"))
        #expect(bash.contains("command=tool"))
        #expect(zsh.contains("'*--skip[Skip these (repeatable).]:skip:(alpha beta)'"), "a repeatable option is offered again")
        #expect(zsh.contains("'(-w --write)'{-w,--write}'[Write.]'"))
        #expect(zsh.contains("'*:files:_files'"), "every file, not one")
        #expect(fish.contains("complete -c tool -l skip -x -a 'alpha beta' -d 'Skip these (repeatable).'"))
        #expect(fish.contains("complete -c tool -s w -l write -d 'Write.'"))
    }
}
