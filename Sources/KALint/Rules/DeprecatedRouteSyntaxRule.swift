import KAConfig

/// `gw` and `or` in a route: keepalived 2.2.7 still reads them but reports "\"gw\" for routes is
/// deprecated. Please use \"via\"" / "\"or\" for routes is deprecated. Please use \"nexthop\"".
struct DeprecatedRouteSyntaxRule: LintRule {
    let rule = KeepalivedCheckCatalogue.deprecatedRouteSyntax

    func check(_ node: LintNode) -> [Diagnostic] {
        RouteEntryWords.all(in: node, kind: .route).flatMap { entry in
            entry.deprecated.map { word in
                let replacement = word.text == "gw" ? "via" : "nexthop"
                return Diagnostic(
                    rule,
                    "'\(word.text)' in a route is deprecated: keepalived 2.2.7 reports \"\\\"\(word.text)\\\" for routes is "
                        + "deprecated. Please use \\\"\(replacement)\\\"\"; write '\(replacement)'",
                    at: word.origin.span)
            }
        }
    }
}
