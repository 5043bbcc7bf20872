/// A command line described as data: the parser, the help text and the shell completion scripts
/// all read the same table, so they cannot drift apart. Built for karun, kalint and kafmt, whose
/// memory is measured: swift-argument-parser links FoundationEssentials, which costs a resident
/// daemon about 3.7 MB (a static hello-world with it: 9.1 MB, without: 5.4 MB).
public struct CommandSpec: Sendable {
    public var name: String
    public var abstract: String
    /// Paragraphs shown after the abstract in help (exit statuses, ...); each line wrapped alone.
    public var discussion: String?
    public var arguments: [ArgumentSpec]
    public var options: [OptionSpec]
    public var subcommands: [CommandSpec]
    /// The subcommand that runs when the first word names none (`karun CONFIG` is `karun run CONFIG`).
    public var defaultSubcommand: String?
    /// The usage line names each option (`kafmt [--write] [--check] [<files> ...]`) rather than
    /// `[<options>]`: for a command with a few flags, as swift-argument-parser wrote it.
    public var listsOptionsInUsage: Bool

    public init(
        name: String, abstract: String, discussion: String? = nil, arguments: [ArgumentSpec] = [], options: [OptionSpec] = [],
        subcommands: [CommandSpec] = [], defaultSubcommand: String? = nil, listsOptionsInUsage: Bool = false
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.subcommands = subcommands
        self.defaultSubcommand = defaultSubcommand
        self.listsOptionsInUsage = listsOptionsInUsage
    }

    public func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }

    /// The options a user can type here, the built-in `--version` and `--help` included.
    public var allOptions: [OptionSpec] { options + OptionSpec.builtIn }
}

/// A positional argument (always optional here, with its default shown in help).
public struct ArgumentSpec: Sendable {
    public var name: String
    public var help: String
    public var defaultValue: String?
    public var completion: Completion
    /// Takes every remaining positional word (`kalint FILE...`); only the last argument may.
    public var repeating: Bool

    public init(_ name: String, help: String, defaultValue: String? = nil, completion: Completion = .file, repeating: Bool = false) {
        self.name = name
        self.help = help
        self.defaultValue = defaultValue
        self.completion = completion
        self.repeating = repeating
    }
}

/// What a shell offers for a value.
public enum Completion: Sendable, Equatable {
    case none
    case file
    case directory
    case values([String])
}

/// What an option's value must be; the parser refuses anything else with a usage error.
public enum ValueType: Sendable, Equatable {
    case text
    case number
    /// One of a closed set, listed in help and offered by completions.
    case choice([String])
}

public struct OptionSpec: Sendable {
    public var long: String
    public var short: Character?
    /// nil: a flag; otherwise the value's name in help (`--log-level <log-level>`).
    public var valueName: String?
    public var valueType: ValueType
    public var help: String
    public var defaultValue: String?
    public var completion: Completion
    /// May be given more than once, each value kept (`--disable a --disable b`); otherwise the
    /// last one given counts.
    public var repeatable: Bool

    /// A flag: present or not.
    public static func flag(_ long: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: nil, valueType: .text, help: help, defaultValue: nil, completion: .none, repeatable: false)
    }

    /// An option with a value; a `.choice` completes with its values unless told otherwise.
    public static func value(
        _ long: String, short: Character? = nil, valueName: String? = nil, type: ValueType = .text, help: String,
        defaultValue: String? = nil, completion: Completion? = nil, repeatable: Bool = false
    ) -> OptionSpec {
        var offered = completion ?? Completion.none
        if completion == nil, case .choice(let values) = type { offered = .values(values) }
        return OptionSpec(
            long: long, short: short, valueName: valueName ?? long, valueType: type, help: help,
            defaultValue: defaultValue, completion: offered, repeatable: repeatable)
    }

    public var takesValue: Bool { valueName != nil }

    /// `-i, --config-id <config-id>` as help and error messages spell it.
    public var synopsis: String {
        let names = (short.map { "-\($0), " } ?? "") + "--" + long
        return valueName.map { "\(names) <\($0)>" } ?? names
    }

    static let version = OptionSpec.flag("version", help: "Show the version.")
    static let help = OptionSpec.flag("help", short: "h", help: "Show help information.")
    static let builtIn = [version, help]
}
