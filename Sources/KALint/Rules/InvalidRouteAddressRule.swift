import KAConfig

/// An address in a route (destination, `src`, `via`/`gw`, `or`) or rule (`from`, `to`) that does
/// not parse: keepalived 2.2.7 reports "VRRP parsed invalid IP ADDR. skipping IP..." and drops
/// the whole route or rule.
struct InvalidRouteAddressRule: LintRule {
    let rule = KeepalivedCheckCatalogue.invalidRouteAddress

    func check(_ node: LintNode) -> [Diagnostic] {
        let entries = RouteEntryWords.all(in: node, kind: .route) + RouteEntryWords.all(in: node, kind: .rule)
        return entries.flatMap { entry in
            entry.invalidAddresses.map { word in
                let what = entry.kind == .route ? "route" : "rule"
                return Diagnostic(
                    rule,
                    "'\(word.text)' is not an IP address: keepalived 2.2.7 reports \"VRRP parsed invalid IP \(word.text). "
                        + "skipping IP...\" and drops this \(what)",
                    at: word.origin.span)
            }
        }
    }
}
