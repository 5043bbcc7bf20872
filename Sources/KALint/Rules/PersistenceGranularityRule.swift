import KAConfig

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `persistence_granularity` of an IPv4 virtual_server that inet_aton cannot read: keepalived
/// 2.2.7 reports "Invalid IPv4 persistence_granularity specified - WORD" and ignores it, so
/// persistence is per client address. (inet_aton reads `24` as 0.0.0.24 without a word.)
struct PersistenceGranularityRule: LintRule {
    let rule = KeepalivedCheckCatalogue.persistenceGranularity

    func check(_ node: LintNode) -> [Diagnostic] {
        let tree = node.bound.tree
        let context = node.statementContext
        return node.statementIndices(ofKeywords: ["persistence_granularity"]).compactMap { index in
            let statement = tree.statements[index]
            guard statement.words.count > 1, let server = context.enclosing(index, keywords: ["virtual_server"]) else { return nil }
            let opener = tree.statements[server].words
            // IPv4 services only (an IPv6 one takes a prefix length; fwmark and groups are skipped).
            guard opener.count > 1, let address = IPAddress(opener[1].text), !address.isIPv6 else { return nil }
            let word = statement.words[1]
            var parsed = in_addr()
            guard inet_aton(word.text, &parsed) == 0 else { return nil }
            return Diagnostic(
                rule,
                "'\(word.text)' is not an IPv4 address or netmask: keepalived 2.2.7 reports \"Invalid IPv4 persistence_granularity specified - \(word.text)\" and ignores it (persistence stays per client address)",
                at: word.origin.span)
        }
    }
}
