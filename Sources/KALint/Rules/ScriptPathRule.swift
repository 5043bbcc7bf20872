import KAConfig

/// A script whose command is not an absolute path. keepalived 2.2.7 searches a bare name in the
/// PATH keepalived itself was started with (systemd's, not a login shell's), as the script's user,
/// and disables the script if it is not found; a relative path with a '/' is taken from
/// keepalived's working directory, which is '/' once it runs as a daemon.
struct ScriptPathRule: LintRule {
    let rule = LintRuleCatalogue.scriptPath

    func check(_ node: LintNode) -> [Diagnostic] {
        ConfiguredScript.all(in: node).compactMap { script in
            guard !script.isFileTest, let program = script.command.argv.first, !program.hasPrefix("/") else { return nil }
            let what: String
            if program.contains("/") {
                what = "keepalived 2.2.7 resolves it against its working directory ('/' once it runs as a daemon), "
                    + "not the configuration's directory"
            } else {
                what = "keepalived 2.2.7 searches it in the PATH keepalived was started with (e.g. systemd's, not your "
                    + "shell's) and disables the script (\"Cannot find script \(program) in path - disabling\") if it is not there"
            }
            return Diagnostic(
                rule,
                "'\(script.statement.keyword)' runs '\(program)', which is not an absolute path: \(what); write the full path",
                at: script.commandWord.origin.span)
        }
    }
}
