import KAConfig

/// IPv4 and IPv6 in one instance. The first address keepalived reads (a virtual address, source
/// address, unicast peer or multicast destination) fixes the instance's family; keepalived skips
/// every later address of the other family. Also `version 2` in an IPv6 instance.
struct AddressFamilyMixRule: LintRule {
    let rule = LintRuleCatalogue.addressFamilyMix

    func check(_ node: LintNode) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let model = node.model
        for facts in node.instanceFacts {
            // The usual instance: one family, no version line in an IPv6 instance.
            guard !facts.skipped.isEmpty || facts.nativeIPv6Ignored != nil
                || (facts.effectiveFamily == .ipv6 && !facts.versionLines.isEmpty)
            else { continue }
            let instance = facts.instance
            found += skippedAddresses(instance, facts, model)
            if let line = facts.nativeIPv6Ignored {
                found.append(Diagnostic(
                    rule,
                    "native_ipv6 in IPv4 instance '\(instance.name)': keepalived 2.2.7 reports \"Cannot specify native_ipv6 with IPv4 addresses\" and ignores it",
                    at: facts.tree.statements[line].words[0].origin.span, related: familyNote(facts)))
            }
            found += versionFindings(instance, facts, model)
        }
        return found
    }

    func skippedAddresses(_ instance: VRRPInstance, _ facts: InstanceFacts, _ model: Configuration) -> [Diagnostic] {
        let family = facts.effectiveFamily.rawValue
        let noVIPLeft = facts.skipped.contains { $0.keyword == "virtual_ipaddress" } && facts.virtualAddresses.isEmpty
        let noPeerLeft = facts.unicastPeers.isEmpty && facts.skipped.contains { $0.keyword == "unicast_peer" }
        return facts.skipped.map { skipped in
            let text = skipped.word.text
            let quoted: String
            switch skipped.keyword {
            case "virtual_ipaddress":
                quoted = "(\(instance.name)): address family must match VRRP instance [\(text)] - ignoring"
            case "unicast_peer":
                quoted = "VRRP instance[\(instance.name)] and unicast peer address[\(text)] MUST be of the same family !!! Skipping..."
            case "mcast_dst_ip":
                quoted = "(\(instance.name)) mcast dest address \(text) MUST match VRRP instance family. Skipping..."
            default:
                quoted = "VRRP instance[\(instance.name)] and src address[\(text)] MUST be of the same family !!! Skipping..."
            }
            var message = "\(skipped.keyword) \(text) is \(skipped.family.rawValue) but '\(instance.name)' is already \(family): keepalived 2.2.7 reports \"\(quoted)\" and skips it"
            if noVIPLeft, skipped.keyword == "virtual_ipaddress" {
                message += facts.effectiveVersion(model) == 3 || facts.isStrict(model)
                    ? "; no virtual address is left, so keepalived exits (\"No VIP specified; at least one is required\")"
                    : "; no virtual address is left"
            }
            if noPeerLeft, skipped.keyword == "unicast_peer" {
                message += "; no unicast peer is left, so keepalived falls back to multicast"
            }
            if skipped.keyword == "virtual_ipaddress" {
                message += "; put the other family in its own vrrp_instance, or in virtual_ipaddress_excluded"
            }
            return Diagnostic(rule, message, at: skipped.word.origin.span, related: familyNote(facts))
        }
    }

    func versionFindings(_ instance: VRRPInstance, _ facts: InstanceFacts, _ model: Configuration) -> [Diagnostic] {
        guard facts.effectiveFamily == .ipv6 else { return [] }
        var found: [Diagnostic] = []
        let used = facts.effectiveVersion(model)
        for line in facts.versionLines where line.version == 2 {
            let span = NodeAnalysis.span(of: facts.tree.statements[line.statement], argument: 0)
            if line.afterIPv6 {
                found.append(Diagnostic(
                    rule,
                    "version 2 in IPv6 instance '\(instance.name)': keepalived 2.2.7 reports \"vrrp_version 2 conflicts with configured or deduced version\", ignores it and runs VRRPv\(used)",
                    at: span, related: familyNote(facts)))
            } else if line.ignored {
                continue
            } else if used == 2 {
                found.append(Diagnostic(
                    rule,
                    "version 2 in IPv6 instance '\(instance.name)': read before the first IPv6 address, so keepalived 2.2.7 keeps it and sends VRRPv2 adverts over IPv6, which RFC 3768 does not define and other VRRP implementations drop; use version 3",
                    at: span, related: familyNote(facts)))
            } else if facts.isStrict(model) {
                found.append(Diagnostic(
                    rule,
                    "version 2 in IPv6 instance '\(instance.name)': keepalived 2.2.7 reports \"cannot use IPv6 with VRRP version 2; setting version 3\" (strict mode) and runs VRRPv3",
                    at: span, related: familyNote(facts)))
            }
        }
        return found
    }

    func familyNote(_ facts: InstanceFacts) -> [RelatedLocation] {
        guard let word = facts.familyWord, let keyword = facts.familyKeyword, let family = facts.family else { return [] }
        return [RelatedLocation(
            file: word.origin.file, line: word.origin.line, column: word.origin.column,
            message: "the instance's family (\(family.rawValue)) is fixed by \(keyword) \(word.text)")]
    }
}
