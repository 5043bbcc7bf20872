import KAConfig

/// A route with no `dev` (or `oif`) before any `nexthop` and no `no_track`: keepalived 2.2.7
/// cannot tell which interface's failure takes the route away, reports "Warning - cannot track
/// route DEST with no interface specified, not tracking" and treats it as no_track.
struct UntrackedRouteRule: LintRule {
    let rule = KeepalivedCheckCatalogue.untrackedRoute

    func check(_ node: LintNode) -> [Diagnostic] {
        RouteEntryWords.all(in: node, kind: .route).compactMap { entry in
            guard entry.invalidAddresses.isEmpty, !entry.keywords.contains("no_track"),
                !entry.keywords.contains("dev"), !entry.keywords.contains("oif"), let first = entry.words.first
            else { return nil }
            let destination = entry.addresses.last { $0.form == .destination }?.word.text ?? first.text
            return Diagnostic(
                rule,
                "route \(destination) names no interface: keepalived 2.2.7 reports \"Warning - cannot track route "
                    + "\(destination) with no interface specified, not tracking\"; add 'dev IFNAME', or 'no_track' to say so",
                at: first.origin.span)
        }
    }
}
