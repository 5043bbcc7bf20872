/// What a command line asks for, once read against its `CommandSpec`.
public enum CommandLineOutcome: Sendable, Equatable {
    /// Run the command: `parsed.path` names it (`["karun", "run"]`).
    case run(ParsedCommand)
    /// Print this help text on stdout and exit 0.
    case help(String)
    case version
    /// Print this shell completion script on stdout and exit 0.
    case completionScript(String)
    /// Print this on stderr and exit with the tool's usage status (karun and kafmt: 64, EX_USAGE,
    /// as swift-argument-parser does; kalint: 2).
    case usageError(String)
}

extension CommandLineOutcome {
    /// The command to run; nil for help, version, a script or a usage error.
    public var parsedCommand: ParsedCommand? {
        if case .run(let parsed) = self { return parsed }
        return nil
    }

    /// The usage error's text; nil for any other outcome.
    public var usageMessage: String? {
        if case .usageError(let text) = self { return text }
        return nil
    }
}

/// The options, flags and arguments of one command, by their long names.
public struct ParsedCommand: Sendable, Equatable {
    public var path: [String]
    /// Each option's values in the order given (one for most: the last one counts).
    public var options: [String: [String]] = [:]
    public var flags: Set<String> = []
    /// Positional words given, by argument name (several for a repeating argument).
    public var positionals: [String: [String]] = [:]
    var defaults: [String: String] = [:]

    /// The option's value: the last one given, else its default.
    public func value(_ long: String) -> String? { options[long]?.last ?? defaults[long] }
    /// Every value a repeatable option was given, in order (its default alone when none was).
    public func values(_ long: String) -> [String] { options[long] ?? defaults[long].map { [$0] } ?? [] }
    public func flag(_ long: String) -> Bool { flags.contains(long) }
    /// The argument's word, else its default.
    public func argument(_ name: String) -> String? { positionals[name]?.first ?? defaults["<\(name)>"] }
    /// Every word a repeating argument took (none given: empty).
    public func arguments(_ name: String) -> [String] { positionals[name] ?? [] }
    /// The subcommand chosen (`run`), or the root's name when it has none.
    public var command: String { path.last ?? "" }
}

/// Reads argv (without argv[0]) against a command table. Pure: no output, no exit.
public struct CommandLineParser: Sendable {
    public let root: CommandSpec

    public init(root: CommandSpec) { self.root = root }

    public static let exitUsage: Int32 = 64

    public func parse(_ words: [String]) -> CommandLineOutcome {
        guard let first = words.first else {
            return root.defaultSubcommand.flatMap(root.subcommand(named:)).map { parse([], as: $0) } ?? parse([], as: root, path: [root.name])
        }
        if first == "help", !root.subcommands.isEmpty {
            guard words.count > 1 else { return .help(HelpRenderer.help(for: root, path: [root.name])) }
            guard let sub = root.subcommand(named: words[1]) else {
                return usageError("Unknown subcommand '\(words[1])'", command: root, path: [root.name])
            }
            return .help(HelpRenderer.help(for: sub, path: [root.name, sub.name]))
        }
        if let sub = root.subcommand(named: first) { return parse(Array(words.dropFirst()), as: sub) }
        if first == "--generate-completion-script" || first.hasPrefix("--generate-completion-script=") {
            let shell = first.contains("=") ? String(first.split(separator: "=", maxSplits: 1)[1]) : (words.count > 1 ? words[1] : "")
            guard let script = CompletionScripts.script(for: root, shell: shell) else {
                return usageError("The value '\(shell)' is invalid for '--generate-completion-script <shell>'. Please provide one of 'bash', 'zsh' and 'fish'.", command: root, path: [root.name])
            }
            return .completionScript(script)
        }
        if first == "-h" || first == "--help" { return .help(HelpRenderer.help(for: root, path: [root.name])) }
        if first == "--version" { return .version }
        if let name = root.defaultSubcommand, let sub = root.subcommand(named: name) { return parse(words, as: sub) }
        return parse(words, as: root, path: [root.name])
    }

    /// A usage error found after parsing (options that exclude each other, ...), worded and laid
    /// out like the parser's own: `Error: MESSAGE`, the usage line, where to find help.
    public func usageError(_ message: String) -> String {
        usageText(message, command: root, path: [root.name])
    }

    private func parse(_ words: [String], as command: CommandSpec) -> CommandLineOutcome {
        parse(words, as: command, path: [root.name, command.name])
    }

    private func parse(_ words: [String], as command: CommandSpec, path: [String]) -> CommandLineOutcome {
        var parsed = ParsedCommand(path: path)
        for option in command.options { if let value = option.defaultValue { parsed.defaults[option.long] = value } }
        for argument in command.arguments { if let value = argument.defaultValue { parsed.defaults["<\(argument.name)>"] = value } }
        var positionals: [String] = []
        var index = 0
        var optionsEnded = false

        /// Records one option as given (`attached`: the value after `=` or a short letter); nil
        /// when all is well, else what to answer instead of running.
        func take(_ option: OptionSpec, attached: String?) -> CommandLineOutcome? {
            if option.long == "help" { return .help(HelpRenderer.help(for: command, path: path)) }
            if option.long == "version" { return .version }
            guard option.takesValue else {
                if let attached {
                    return usageError("The option '--\(option.long)' does not take any value, but '\(attached)' was specified.", command: command, path: path)
                }
                parsed.flags.insert(option.long)
                return nil
            }
            let value: String
            if let attached {
                value = attached
            } else if index < words.count, !Self.looksLikeOption(words[index]) {
                value = words[index]
                index += 1
            } else {
                return usageError("Missing value for '\(option.synopsis)'", command: command, path: path, option: option)
            }
            if let problem = Self.problem(with: value, for: option) { return usageError(problem, command: command, path: path, option: option) }
            if option.repeatable {
                parsed.options[option.long, default: []].append(value)
            } else {
                parsed.options[option.long] = [value]
            }
            return nil
        }

        while index < words.count {
            let word = words[index]
            index += 1
            if optionsEnded || !Self.looksLikeOption(word) {
                positionals.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            if word.hasPrefix("--") {
                // --name, --name=value, --name value
                let parts = word.dropFirst(2).split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard let option = command.allOptions.first(where: { $0.long == parts[0] }) else {
                    return usageError("Unknown option '\(word)'", command: command, path: path)
                }
                if let outcome = take(option, attached: parts.count == 2 ? String(parts[1]) : nil) { return outcome }
                continue
            }
            // -x, -xVALUE, -x=VALUE, -x VALUE, and flags grouped: -rw is -r -w.
            var letters = word.dropFirst()
            while let letter = letters.first {
                letters = letters.dropFirst()
                guard let option = command.allOptions.first(where: { $0.short == letter }) else {
                    return usageError("Unknown option '-\(letter)'", command: command, path: path)
                }
                if option.takesValue {
                    let attached = letters.isEmpty ? nil : String(letters.hasPrefix("=") ? letters.dropFirst() : letters)
                    if let outcome = take(option, attached: attached) { return outcome }
                    break
                }
                if let outcome = take(option, attached: nil) { return outcome }
            }
        }
        var arguments = command.arguments[...]
        for word in positionals {
            guard let argument = arguments.first else {
                return usageError("Unexpected argument '\(word)'", command: command, path: path)
            }
            parsed.positionals[argument.name, default: []].append(word)
            if !argument.repeating { arguments = arguments.dropFirst() }
        }
        return .run(parsed)
    }

    /// `-x`, `--name`, `--`; not `-` (standard input) nor a plain word.
    static func looksLikeOption(_ word: String) -> Bool {
        word.hasPrefix("-") && word != "-"
    }

    static func problem(with value: String, for option: OptionSpec) -> String? {
        switch option.valueType {
        case .text:
            return nil
        case .number:
            guard let number = Double(value), number.isFinite else {
                return "The value '\(value)' is invalid for '\(option.synopsis)': a number is expected"
            }
            return nil
        case .choice(let values):
            guard !values.contains(value) else { return nil }
            return "The value '\(value)' is invalid for '\(option.synopsis)'. Please provide one of \(listed(values))."
        }
    }

    /// 'a', 'b' or 'c'.
    static func listed(_ values: [String]) -> String {
        let quoted = values.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.joined() }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }

    private func usageError(_ message: String, command: CommandSpec, path: [String], option: OptionSpec? = nil) -> CommandLineOutcome {
        .usageError(usageText(message, command: command, path: path, option: option))
    }

    /// The option's own line (`Help:  --format <format>  Output format.`) follows an error about
    /// its value.
    private func usageText(_ message: String, command: CommandSpec, path: [String], option: OptionSpec? = nil) -> String {
        let name = path.joined(separator: " ")
        let help = option.map { "Help:  \($0.synopsis)  \($0.help)\n" } ?? ""
        return "Error: \(message)\n\(help)Usage: \(HelpRenderer.usage(for: command, path: path))\n  See '\(name) --help' for more information.\n"
    }
}
