import Foundation
import KACommandLine

/// A hand-written manual page in packaging/, read for the names a command table holds: tests
/// check that it names every option, short name, closed value and default of the table, and no
/// option the table does not have.
struct ManualPage {
    /// The page with troff's escaped hyphens ("\-") as plain ones.
    let text: String

    init(_ name: String) throws {
        let page = try String(contentsOf: RepoPaths.root.appendingPathComponent("packaging/" + name), encoding: .utf8)
        text = page.replacingOccurrences(of: "\\-", with: "-")
    }

    /// What of `command`'s table the page lacks, in words a failure can print.
    func lacks(_ command: CommandSpec) -> [String] {
        var missing: [String] = []
        for option in command.allOptions {
            if !text.contains("--" + option.long) { missing.append("--" + option.long) }
            if let short = option.short, !text.contains("-\(short)") { missing.append("-\(short)") }
            if case .choice(let values) = option.valueType {
                missing += values.filter { !text.contains($0) }.map { "\($0) (a value of --\(option.long))" }
            }
            if let value = option.defaultValue, !text.contains("default: \(value)") {
                missing.append("default: \(value) (--\(option.long))")
            }
        }
        if !text.contains("--generate-completion-script") { missing.append("--generate-completion-script") }
        return missing
    }

    /// The `--options` the page names that the table does not have.
    func strangers(to command: CommandSpec) -> [String] {
        let known = Set(command.allOptions.map { "--" + $0.long } + ["--generate-completion-script"])
        let named = text.matches(of: /--[a-z][a-z-]*[a-z]/).map { String($0.output) }
        return Array(Set(named).subtracting(known)).sorted()
    }
}
