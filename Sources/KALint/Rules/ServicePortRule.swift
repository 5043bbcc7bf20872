import KAConfig

/// The port of a `virtual_server IP PORT` or `real_server IP PORT` that keepalived 2.2.7 cannot
/// read as a number in 1-65535 (0 means "no port"): it reports "number 'P' outside range [1,
/// 65535]" (or "invalid number") and "Invalid real server ip address/port ... - skipping", and
/// skips the whole block.
struct ServicePortRule: LintRule {
    let rule = KeepalivedCheckCatalogue.servicePort

    func check(_ node: LintNode) -> [Diagnostic] {
        node.statements(withKeywords: ["real_server", "virtual_server"]).compactMap { statement in
            guard statement.words.count > 2, statement.words[1].text != "fwmark", statement.words[1].text != "group"
            else { return nil }
            let port = statement.words[2]
            guard !Self.isValid(port.text) else { return nil }
            return Diagnostic(
                rule,
                "port '\(port.text)' is not a number in 1-65535: keepalived 2.2.7 reports it (\"Invalid "
                    + "\(statement.keyword == "real_server" ? "real server" : "virtual server") ip address/port\") and skips "
                    + "this whole \(statement.keyword) block",
                at: port.origin.span)
        }
    }

    static func isValid(_ text: String) -> Bool { ServerHeader.isPort(text) }
}
