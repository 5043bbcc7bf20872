import KAConfig

/// Scripts without `enable_script_security`, or with it but no `script_user`. keepalived 2.2.7 runs
/// a script as its own user if it names one, else as global_defs' script_user, else as
/// `keepalived_script` if that user exists, else as root. Without script security it logs
/// "SECURITY VIOLATION" and also runs scripts that non-root users can modify; with it and no
/// script_user, a host without a `keepalived_script` user loses every script that names no user.
struct ScriptSecurityRule: LintRule {
    let rule = LintRuleCatalogue.scriptSecurity

    func check(_ node: LintNode) -> [Diagnostic] {
        let scripts = ConfiguredScript.all(in: node).filter { !$0.isFileTest }
        guard let first = scripts.first else { return [] }
        let defs = node.model.globalDefs
        let defaultUsers = scripts.filter { $0.ownUser == nil }
        // keepalived 2.2.7's handler ignores any argument: `enable_script_security 0` turns it on too.
        let security = node.blocks(ofKind: "global_defs").lazy
            .compactMap { node.statement("enable_script_security", inBlock: $0.block) }.first
        guard let security else {
            let runAs = defs.scriptUser.map { "as script_user \($0)" } ?? "as root (or as keepalived_script, if that user exists)"
            let count = scripts.count == 1 ? "1 script is" : "\(scripts.count) scripts are"
            let who = defaultUsers.isEmpty ? "each as the user it names" : "\(defaultUsers.count == scripts.count ? "them" : "those that name no user") \(runAs)"
            return [Diagnostic(
                rule,
                "\(count) configured but global_defs has no enable_script_security: keepalived 2.2.7 logs "
                    + "\"SECURITY VIOLATION - scripts are being executed but script_security not enabled\" (for the scripts it finds) and runs "
                    + "\(who), even when non-root users can modify them; add enable_script_security (and script_user)",
                at: first.statement.words[0].origin.span,
                related: scripts.dropFirst().prefix(5).map { $0.statement.origin.note("also runs '\($0.command.argv[0])'") })]
        }
        guard defs.scriptUser == nil, let firstDefault = defaultUsers.first else { return [] }
        let count = defaultUsers.count == 1 ? "1 script names" : "\(defaultUsers.count) scripts name"
        return [Diagnostic(
            rule,
            "enable_script_security without script_user: \(count) no user, so keepalived 2.2.7 runs them as "
                + "keepalived_script; on a host without that user it reports \"Unable to set default user "
                + "keepalived_script for script\" and drops them; set script_user in global_defs",
            at: security.words[0].origin.span,
            related: [firstDefault.statement.origin.note("'\(firstDefault.command.argv[0])' names no user")]
                + defaultUsers.dropFirst().prefix(4).map { $0.statement.origin.note("'\($0.command.argv[0])' names no user") })]
    }
}
