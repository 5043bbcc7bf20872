import KACommandLine

/// kafmt's command line as data: `kafmt` reads it and prints its help and completion scripts from
/// it, and a test holds packaging/kafmt.1 to it. The spellings, texts and exit statuses are those
/// kafmt had on swift-argument-parser.
public enum KafmtInterface {
    /// A usage error: 64 (EX_USAGE), as swift-argument-parser exited.
    public static let usageStatus: Int32 = 64

    public static let root = CommandSpec(
        name: "kafmt",
        abstract: "Format keepalived.conf files in the one canonical style.",
        discussion: """
            With no FILE, or with -, reads standard input and writes standard output.
            Exit status: 0 all well; 1 with --check when a file would change; 2 when a file has a \
            syntax error (it is left untouched) or cannot be read or written.
            """,
        arguments: [ArgumentSpec("files", help: "Files to format; - for standard input.", repeating: true)],
        options: [
            .flag("write", short: "w", help: "Write the result back to each file (atomically, only when it changes)."),
            .flag("check", help: "List the files that would change and exit 1; write nothing."),
            .flag("diff", help: "Print a unified diff of the changes instead of the formatted text."),
            .flag("recursive", short: "r", help: "Also format the files that each file includes."),
        ],
        listsOptionsInUsage: true)

    /// What kafmt is asked to do, once the words are read.
    public struct Request: Sendable, Equatable {
        /// The files in order; standard input ("-") when none was named.
        public var files: [String]
        public var write: Bool
        public var check: Bool
        public var diff: Bool
        public var recursive: Bool
    }

    /// The request, or the usage error of options that cannot go together.
    public static func request(_ parsed: ParsedCommand) -> Result<Request, UsageProblem> {
        let files = parsed.arguments("files")
        let request = Request(
            files: files.isEmpty ? ["-"] : files, write: parsed.flag("write"), check: parsed.flag("check"),
            diff: parsed.flag("diff"), recursive: parsed.flag("recursive"))
        if request.write && request.check { return .failure(UsageProblem("--check never writes; use either -w or --check.")) }
        if request.write && request.files.contains("-") { return .failure(UsageProblem("-w needs file names, not standard input.")) }
        if request.recursive && files.contains("-") { return .failure(UsageProblem("-r follows includes of named files, not of standard input.")) }
        return .success(request)
    }

    public struct UsageProblem: Error, Equatable {
        public var message: String
        init(_ message: String) { self.message = message }
    }
}
