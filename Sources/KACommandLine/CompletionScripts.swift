/// bash, zsh and fish completion scripts written from the command table: subcommands, options,
/// the closed sets of values, files and folders where a path is expected.
enum CompletionScripts {
    static func script(for root: CommandSpec, shell: String) -> String? {
        switch shell {
        case "bash": bash(root)
        case "zsh": zsh(root)
        case "fish": fish(root)
        default: nil
        }
    }

    /// The commands whose options a word list can reach: the root's own, and each subcommand.
    private static func commands(_ root: CommandSpec) -> [CommandSpec] {
        root.subcommands.isEmpty ? [root] : root.subcommands
    }

    private static func rootWords(_ root: CommandSpec) -> [String] {
        root.subcommands.map(\.name) + ["--version", "--help", "-h"] + (root.subcommands.isEmpty ? [] : ["--generate-completion-script"])
    }

    private static func optionWords(_ command: CommandSpec) -> [String] {
        command.allOptions.flatMap { option in (option.short.map { ["-\($0)"] } ?? []) + ["--" + option.long] }
    }

    private static func quoted(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "'\\''") + "'"
    }

    // MARK: bash

    static func bash(_ root: CommandSpec) -> String {
        let function = "_" + root.name.replacingAll("-", with: "_")
        var text = """
            # bash completion for \(root.name) (written by `\(root.name) --generate-completion-script bash`)
            \(function)() {
                local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
                local command="" i

            """
        if !root.subcommands.isEmpty {
            text += """
                    for ((i = 1; i < COMP_CWORD; i++)); do
                        case "${COMP_WORDS[i]}" in
                            \(root.subcommands.map(\.name).joined(separator: "|"))) command="${COMP_WORDS[i]}"; break ;;
                        esac
                    done

                """
        }
        text += """
                if [[ "$prev" == --generate-completion-script ]]; then
                    COMPREPLY=( $(compgen -W "bash zsh fish" -- "$cur") ); return
                fi
                [[ -z "$command" ]] && command=\(root.defaultSubcommand ?? root.name)
                case "$command" in

            """
        for command in commands(root) {
            text += "        \(command.name))\n            case \"$prev\" in\n"
            for option in command.options where option.takesValue {
                let names = ((option.short.map { ["-\($0)"] } ?? []) + ["--" + option.long]).joined(separator: "|")
                text += "                \(names)) \(bashReply(option.completion)); return ;;\n"
            }
            text += "            esac\n"
            let atRoot = command.name == root.defaultSubcommand || root.subcommands.isEmpty
            let words = optionWords(command) + (atRoot ? rootWords(root).filter { $0.hasPrefix("-") } : [])
            text += "            if [[ \"$cur\" == -* ]]; then COMPREPLY=( $(compgen -W \(quoted(Array(Set(words)).sorted().joined(separator: " "))) -- \"$cur\") ); return; fi\n"
            if atRoot, !root.subcommands.isEmpty {
                let names = root.subcommands.map(\.name).joined(separator: " ")
                text += "            [[ $COMP_CWORD -eq 1 ]] && COMPREPLY=( $(compgen -W \(quoted(names)) -- \"$cur\") )\n"
            }
            if let argument = command.arguments.first {
                text += "            \(bashReply(argument.completion, appending: true))\n"
            }
            text += "            ;;\n"
        }
        text += "    esac\n}\ncomplete -o filenames -F \(function) \(root.name)\n"
        return text
    }

    private static func bashReply(_ completion: Completion, appending: Bool = false) -> String {
        let assign = appending ? "COMPREPLY+=" : "COMPREPLY="
        switch completion {
        case .none: return "COMPREPLY=()"
        case .file: return "\(assign)( $(compgen -f -- \"$cur\") )"
        case .directory: return "\(assign)( $(compgen -d -- \"$cur\") )"
        case .values(let values): return "\(assign)( $(compgen -W \(quoted(values.joined(separator: " "))) -- \"$cur\") )"
        }
    }

    // MARK: zsh

    static func zsh(_ root: CommandSpec) -> String {
        let function = "_" + root.name.replacingAll("-", with: "_")
        var text = "#compdef \(root.name)\n# zsh completion for \(root.name) (written by `\(root.name) --generate-completion-script zsh`)\n\n"
        for command in commands(root) {
            text += "\(function)_\(command.name)() {\n    _arguments -s \\\n"
            for option in command.allOptions {
                let help = zshEscaped(option.help)
                let action = option.takesValue ? ":\(zshEscaped(option.valueName ?? option.long)):\(zshAction(option.completion))" : ""
                // A repeatable option is offered again after it was given ('*'); others once.
                if let short = option.short {
                    let once = option.repeatable ? "'*'" : "'(-\(short) --\(option.long))'"
                    text += "        \(once){-\(short),--\(option.long)}'[\(help)]\(action)' \\\n"
                } else {
                    text += "        '\(option.repeatable ? "*" : "")--\(option.long)[\(help)]\(action)' \\\n"
                }
            }
            for argument in command.arguments {
                text += "        '\(argument.repeating ? "*" : ""):\(argument.name):\(zshAction(argument.completion))' \\\n"
            }
            text += "        && return 0\n}\n\n"
        }
        if root.subcommands.isEmpty {
            text += "\(function)() { \(function)_\(root.name) \"$@\" }\n\n\(function) \"$@\"\n"
            return text
        }
        let described = root.subcommands.map { "'\($0.name):\(zshEscaped($0.abstract))'" }.joined(separator: " ")
        let names = root.subcommands.map(\.name).joined(separator: "|")
        text += """
            \(function)() {
                local -a subcommands=(\(described))
                if (( CURRENT == 2 )); then
                    _describe -t commands 'subcommand' subcommands
                    [[ ${words[2]} == -* ]] && \(function)_\(root.defaultSubcommand ?? root.subcommands[0].name)
                    return
                fi
                case ${words[2]} in
                    \(names)) local command=${words[2]}; shift words; (( CURRENT-- )); \(function)_$command ;;
                    *) \(function)_\(root.defaultSubcommand ?? root.subcommands[0].name) ;;
                esac
            }

            \(function) "$@"

            """
        return text
    }

    private static func zshEscaped(_ text: String) -> String {
        text.replacingAll("'", with: "'\\''").replacingAll("[", with: "\\[").replacingAll("]", with: "\\]").replacingAll(":", with: "\\:")
    }

    private static func zshAction(_ completion: Completion) -> String {
        switch completion {
        case .none: " "
        case .file: "_files"
        case .directory: "_files -/"
        case .values(let values): "(" + values.joined(separator: " ") + ")"
        }
    }

    // MARK: fish

    static func fish(_ root: CommandSpec) -> String {
        var text = "# fish completion for \(root.name) (written by `\(root.name) --generate-completion-script fish`)\n"
        let names = root.subcommands.map(\.name).joined(separator: " ")
        for sub in root.subcommands {
            text += "complete -c \(root.name) -n '__fish_use_subcommand' -f -a \(sub.name) -d \(quoted(sub.abstract))\n"
        }
        for command in commands(root) {
            // The default subcommand's options also apply before any subcommand is named.
            let condition: String
            if root.subcommands.isEmpty {
                condition = ""
            } else if command.name == root.defaultSubcommand {
                condition = " -n 'not __fish_seen_subcommand_from \(names.split(separator: " ").filter { $0 != command.name }.joined(separator: " "))'"
            } else {
                condition = " -n '__fish_seen_subcommand_from \(command.name)'"
            }
            for option in command.allOptions {
                var line = "complete -c \(root.name)\(condition)"
                if let short = option.short { line += " -s \(short)" }
                line += " -l \(option.long)"
                if option.takesValue {
                    switch option.completion {
                    case .none: line += " -x"
                    case .file: line += " -r -F"
                    case .directory: line += " -x -a '(__fish_complete_directories)'"
                    case .values(let values): line += " -x -a \(quoted(values.joined(separator: " ")))"
                    }
                }
                text += line + " -d \(quoted(option.help))\n"
            }
        }
        if !root.subcommands.isEmpty {
            text += "complete -c \(root.name) -n '__fish_use_subcommand' -l generate-completion-script -x -a 'bash zsh fish' -d 'Print a shell completion script.'\n"
        }
        return text
    }
}

extension String {
    /// Every occurrence of the ASCII character `target` replaced (a shell escape is per
    /// character). Read as UTF-8 bytes: no Foundation, and no string-processing runtime (see
    /// Package.swift); a multi-byte character never holds an ASCII byte, so none is split.
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        precondition(target.isASCII, "replacingAll replaces an ASCII character")
        let byte = UInt8(target.value)
        guard utf8.contains(byte) else { return self }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + 8)
        for current in utf8 {
            if current == byte { result += replacement.utf8 } else { result.append(current) }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
