/// Two instances of one node that keepalived 2.2.7 refuses to run together (check_vrid_conflicts):
/// multicast instances with the same VRID, family, interface and multicast group; unicast instances
/// with the same VRID, family, interface and source address that share a peer. Either stops the daemon.
struct DuplicateVRIDRule: LintRule {
    let rule = LintRuleCatalogue.duplicateVRID

    struct Member {
        var instance: VRRPInstance
        var facts: InstanceFacts
        var vrid: Int
        var isUnicast: Bool { !facts.unicastPeers.isEmpty }
    }

    /// What two instances must share to conflict, beyond the interface check: each member files
    /// itself under its keys, and meets only the earlier members filed under one of them, so the
    /// rule is linear in instances (the pairwise check of every instance was quadratic).
    enum Key: Hashable {
        /// VRID, family, interface and multicast group.
        case multicast(Int, InstanceFacts.Family, String, IPAddress)
        /// VRID, family, source address and one peer (interfaces compared apart: an instance
        /// without one conflicts with any).
        case unicastFrom(Int, InstanceFacts.Family, IPAddress, IPAddress)
        /// VRID, family, interface and one peer, for instances without a source address.
        case unicastOn(Int, InstanceFacts.Family, String, IPAddress)
    }

    func check(_ node: NodeAnalysis) -> [Diagnostic] {
        let members = node.instanceFacts.compactMap { facts -> Member? in
            guard let vrid = facts.instance.virtualRouterID else { return nil }
            return Member(instance: facts.instance, facts: facts, vrid: vrid)
        }
        var filed: [Key: [Int]] = [:]
        var found: [Diagnostic] = []
        for (index, later) in members.enumerated() {
            let keys = self.keys(later, node.model)
            var candidates: [Int] = []
            for key in keys { candidates += filed[key] ?? [] }
            for key in keys { filed[key, default: []].append(index) }
            guard !candidates.isEmpty else { continue }
            if keys.count > 1 { candidates = Array(Set(candidates)).sorted() }
            var conflicts: [(Member, String)] = []
            for earlier in candidates {
                if let message = conflict(members[earlier], later, node.model) { conflicts.append((members[earlier], message)) }
            }
            guard let first = conflicts.first else { continue }
            let related = conflicts.map { earlier, _ in
                let span = vridSpan(earlier.instance, node)
                return RelatedLocation(
                    file: span.file, line: span.start.line, column: span.start.column,
                    message: "'\(earlier.instance.name)' uses VRID \(earlier.vrid) here")
            }
            found.append(Diagnostic(
                rule,
                "'\(later.instance.name)' and '\(first.0.instance.name)' \(first.1); keepalived 2.2.7 refuses to start; give one of them another virtual_router_id",
                at: vridSpan(later.instance, node), related: related))
        }
        return found
    }

    /// The keys a member is filed under (none: it can conflict with no other instance).
    func keys(_ member: Member, _ model: Configuration) -> [Key] {
        let family = member.facts.effectiveFamily
        guard member.isUnicast else {
            guard let interface = member.instance.interface else { return [] }
            return [.multicast(member.vrid, family, interface, group(member, model))]
        }
        let peers = Set(member.facts.unicastPeers)
        if let source = member.facts.sourceAddress {
            return peers.map { .unicastFrom(member.vrid, family, source, $0) }
        }
        guard let interface = member.instance.interface else { return [] }
        return peers.map { .unicastOn(member.vrid, family, interface, $0) }
    }

    /// keepalived's message for a conflicting pair, or nil when it lets them coexist.
    func conflict(_ first: Member, _ second: Member, _ model: Configuration) -> String? {
        guard first.vrid == second.vrid, first.facts.effectiveFamily == second.facts.effectiveFamily,
            first.isUnicast == second.isUnicast
        else { return nil }
        let family = first.facts.effectiveFamily.rawValue
        if first.isUnicast {
            if let a = first.instance.interface, let b = second.instance.interface, a != b { return nil }
            // The local address: the configured source, else the interface's (same interface: same address).
            switch (first.facts.sourceAddress, second.facts.sourceAddress) {
            case (let a?, let b?): guard a == b else { return nil }
            case (nil, nil): guard first.instance.interface != nil, first.instance.interface == second.instance.interface else { return nil }
            default: return nil
            }
            guard let peer = first.facts.unicastPeers.first(where: second.facts.unicastPeers.contains) else { return nil }
            return "both send VRID \(first.vrid) (\(family)) by unicast from the same address to peer \(peer): keepalived reports \"(\(first.instance.name)) duplicate VRID conflict with \(second.instance.name) VRID \(first.vrid)\""
        }
        guard let interface = first.instance.interface, interface == second.instance.interface,
            group(first, model) == group(second, model)
        else { return nil }
        return "both use VRID \(first.vrid) with \(family) on \(interface) (multicast group \(group(first, model))): keepalived reports \"\(first.instance.name) and \(second.instance.name) both use VRID \(first.vrid) with \(family) on interface \(interface)\""
    }

    func group(_ member: Member, _ model: Configuration) -> IPAddress {
        if let destination = member.facts.multicastDestination { return destination }
        return member.facts.effectiveFamily == .ipv6 ? model.globalDefs.multicastGroup6 : model.globalDefs.multicastGroup4
    }

    func vridSpan(_ instance: VRRPInstance, _ node: NodeAnalysis) -> SourceSpan {
        let line = node.statements("virtual_router_id", inInstance: instance.name).last { $0.int() != nil }
        return line.map { NodeAnalysis.span(of: $0, argument: 0) } ?? node.instanceSpan(instance)
    }
}
