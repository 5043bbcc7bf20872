/// `--help` text in swift-argument-parser's layout (OVERVIEW, USAGE, ARGUMENTS, OPTIONS,
/// SUBCOMMANDS; help in a column at 26, wrapped at 80), as karun, kalint and kafmt printed it
/// when they were built on it.
enum HelpRenderer {
    static let width = 80
    static let column = 26

    static func help(for command: CommandSpec, path: [String]) -> String {
        var text = wrap("OVERVIEW: \(command.abstract)", width: width).joined(separator: "\n")
        if let discussion = command.discussion {
            let lines = discussion.split(separator: "\n", omittingEmptySubsequences: false)
            text += "\n\n" + lines.map { wrap(String($0), width: width).joined(separator: "\n") }.joined(separator: "\n")
        }
        text += "\n\nUSAGE: \(usage(for: command, path: path))\n"
        if !command.arguments.isEmpty {
            text += "\nARGUMENTS:\n"
            for argument in command.arguments {
                text += entry("<\(argument.name)>", argument.help + suffix(values: nil, defaultValue: argument.defaultValue))
            }
        }
        text += "\nOPTIONS:\n"
        for option in command.allOptions {
            var values: [String]?
            if case .choice(let choices) = option.valueType { values = choices }
            text += entry(option.synopsis, option.help + suffix(values: values, defaultValue: option.defaultValue))
        }
        if !command.subcommands.isEmpty {
            text += "\nSUBCOMMANDS:\n"
            for sub in command.subcommands {
                let name = sub.name + (sub.name == command.defaultSubcommand ? " (default)" : "")
                text += entry(name, sub.abstract)
            }
            text += "\n  See '\(path.joined(separator: " ")) help <subcommand>' for detailed help.\n"
        }
        return text
    }

    static func usage(for command: CommandSpec, path: [String]) -> String {
        var words = [path.joined(separator: " ")]
        if !command.subcommands.isEmpty { words.append("<subcommand>") }
        if command.listsOptionsInUsage {
            words += command.options.map(usage(of:))
        } else if !command.options.isEmpty {
            words.append("[<options>]")
        }
        words += command.arguments.map { "[<\($0.name)>" + ($0.repeating ? " ...]" : "]") }
        return words.joined(separator: " ")
    }

    /// `[--write]`, `[--format <format>]`, `[--disable <disable> ...]`: the long name, as
    /// swift-argument-parser's usage line spells an option.
    static func usage(of option: OptionSpec) -> String {
        let value = option.valueName.map { " <\($0)>" } ?? ""
        return "[--\(option.long)\(value)\(option.repeatable ? " ..." : "")]"
    }

    static func suffix(values: [String]?, defaultValue: String?) -> String {
        var parts: [String] = []
        if let values { parts.append("values: " + values.joined(separator: ", ")) }
        if let defaultValue { parts.append("default: \(defaultValue)") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }

    /// "  NAME    help…", the help wrapped into its column; on the next line when NAME reaches it.
    static func entry(_ name: String, _ help: String) -> String {
        let lead = "  " + name
        let lines = wrap(help, width: width - column)
        let pad = String(repeating: " ", count: column)
        var text: String
        var rest = lines[...]
        if lead.count < column, let first = rest.first {
            text = lead + String(repeating: " ", count: column - lead.count) + first + "\n"
            rest = rest.dropFirst()
        } else {
            text = lead + "\n"
        }
        for line in rest { text += pad + line + "\n" }
        return text
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
