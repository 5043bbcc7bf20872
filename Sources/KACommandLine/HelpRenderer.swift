/// `--help` text in swift-argument-parser's layout (OVERVIEW, USAGE, ARGUMENTS, OPTIONS,
/// SUBCOMMANDS; help in a column at 26, wrapped at 80), so karun reads like kalint and kafmt.
enum HelpRenderer {
    static let width = 80
    static let column = 26

    static func help(for command: CommandSpec, path: [String]) -> String {
        var text = wrap("OVERVIEW: \(command.abstract)", width: width).joined(separator: "\n")
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
        if !command.options.isEmpty { words.append("[<options>]") }
        words += command.arguments.map { "[<\($0.name)>]" }
        return words.joined(separator: " ")
    }

    static func suffix(values: [String]?, defaultValue: String?) -> String {
        var parts: [String] = []
        if let values { parts.append("values: " + values.joined(separator: ", ")) }
        if let defaultValue { parts.append("default: \(defaultValue)") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }

    /// "  NAME    help…", the help wrapped into its column; on the next line when NAME is long.
    static func entry(_ name: String, _ help: String) -> String {
        let lead = "  " + name
        let lines = wrap(help, width: width - column)
        let pad = String(repeating: " ", count: column)
        var text: String
        var rest = lines[...]
        if lead.count <= column - 2, let first = rest.first {
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
