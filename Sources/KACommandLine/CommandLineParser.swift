/// What a command line asks for, once read against its `CommandSpec`.
public enum CommandLineOutcome: Sendable, Equatable {
    /// Run the command: `parsed.path` names it (`["karun", "run"]`).
    case run(ParsedCommand)
    /// Print this help text on stdout and exit 0.
    case help(String)
    case version
    /// Print this shell completion script on stdout and exit 0.
    case completionScript(String)
    /// Print this on stderr and exit 64 (EX_USAGE, as swift-argument-parser does).
    case usageError(String)
}

/// The options, flags and arguments of one command, by their long names.
public struct ParsedCommand: Sendable, Equatable {
    public var path: [String]
    public var values: [String: String] = [:]
    public var flags: Set<String> = []
    /// Positional arguments given, by name; `argument(_:)` falls back to the default.
    public var arguments: [String: String] = [:]
    var defaults: [String: String] = [:]

    public func value(_ long: String) -> String? { values[long] ?? defaults[long] }
    public func flag(_ long: String) -> Bool { flags.contains(long) }
    public func argument(_ name: String) -> String? { arguments[name] ?? defaults["<\(name)>"] }
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
        while index < words.count {
            let word = words[index]
            index += 1
            if optionsEnded || word == "-" || !word.hasPrefix("-") {
                positionals.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            // --name, --name=value, -x, -xVALUE, -x VALUE
            let option: OptionSpec?
            var attached: String?
            if word.hasPrefix("--") {
                let body = word.dropFirst(2)
                let parts = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                option = command.allOptions.first { $0.long == parts[0] }
                if parts.count == 2 { attached = String(parts[1]) }
            } else {
                let letter = word.dropFirst().first!
                option = command.allOptions.first { $0.short == letter }
                let rest = word.dropFirst(2)
                if !rest.isEmpty { attached = String(rest.hasPrefix("=") ? rest.dropFirst() : rest) }
            }
            guard let option else { return usageError("Unknown option '\(word)'", command: command, path: path) }
            if option.long == "help" { return .help(HelpRenderer.help(for: command, path: path)) }
            if option.long == "version" { return .version }
            guard option.takesValue else {
                if attached != nil { return usageError("The flag '\(option.synopsis)' takes no value", command: command, path: path) }
                parsed.flags.insert(option.long)
                continue
            }
            let value: String
            if let attached {
                value = attached
            } else if index < words.count {
                value = words[index]
                index += 1
            } else {
                return usageError("Missing value for '\(option.synopsis)'", command: command, path: path)
            }
            if let problem = Self.problem(with: value, for: option) { return usageError(problem, command: command, path: path) }
            parsed.values[option.long] = value
        }
        for (position, word) in positionals.enumerated() {
            guard position < command.arguments.count else {
                return usageError("Unexpected argument '\(word)'", command: command, path: path)
            }
            parsed.arguments[command.arguments[position].name] = word
        }
        return .run(parsed)
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
            return "The value '\(value)' is invalid for '\(option.synopsis)'. Please provide one of "
                + values.map { "'\($0)'" }.joined(separator: ", ")
        }
    }

    private func usageError(_ message: String, command: CommandSpec, path: [String]) -> CommandLineOutcome {
        let name = path.joined(separator: " ")
        return .usageError(
            "Error: \(message)\nUsage: \(HelpRenderer.usage(for: command, path: path))\n  See '\(name) --help' for more information.\n")
    }
}
