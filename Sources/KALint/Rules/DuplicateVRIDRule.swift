import KAConfig

/// Two instances of one node that keepalived 2.2.7 refuses to run together (check_vrid_conflicts):
/// multicast instances with the same VRID, family, interface and multicast group; unicast instances
/// with the same VRID, family, interface and source address that share a peer. Either stops the daemon.
struct DuplicateVRIDRule: LintRule {
    let rule = LintRuleCatalogue.duplicateVRID

    struct Member {
        var facts: InstanceFacts
        var vrid: Int
        var instance: VRRPInstance { facts.instance }
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

    func check(_ node: LintNode) -> [Diagnostic] { check(node, filing: \.hashValue) }

    /// `filing` gives the number a key is filed under (its hash; the tests file every key under
    /// one number, so that every earlier member is a candidate).
    func check(_ node: LintNode, filing: (Key) -> Int) -> [Diagnostic] {
        let all = node.instanceFacts
        let model = node.model
        // Members filed under a key form a chain: the last one filed, then `previous[...]`
        // back to the first (no array per key: nearly every key has one member). Filed under
        // the key's hash, not the key: a table of keys took 2.5 MB at 20,000 instances, for
        // the lint's largest transient. Two keys with one hash only add a candidate, and every
        // candidate is checked in full (`conflict`).
        var last: [Int: Int32] = [:]
        last.reserveCapacity(all.count)
        var previous: [Int32] = []
        var owner: [Int32] = []
        var found: [Diagnostic] = []
        for index in all.indices {
            guard let vrid = model.instances[index].virtualRouterID else { continue }
            let later = Member(facts: all[index], vrid: vrid)
            var keyCount = 0
            var candidates: [Int] = []
            forEachKey(later, model) { key in
                keyCount += 1
                // Filed and looked up in one hash. The member's keys differ, but two of their
                // hashes may not: a chain can then hold the member itself, which is skipped.
                let head = last.updateValue(Int32(truncatingIfNeeded: owner.count), forKey: filing(key))
                owner.append(Int32(truncatingIfNeeded: index))
                previous.append(head ?? -1)
                var link = head.map(Int.init)
                while let current = link {
                    if Int(owner[current]) != index { candidates.append(Int(owner[current])) }
                    link = previous[current] < 0 ? nil : Int(previous[current])
                }
            }
            guard !candidates.isEmpty else { continue }
            candidates = keyCount > 1 ? Array(Set(candidates)).sorted() : candidates.reversed()
            // The first conflict is described; the others are counted, and the first few of them
            // noted (n instances on one VRID would otherwise make n²/2 notes).
            var first: (member: Member, message: String)?
            var noted: [Member] = []
            var more = 0
            for candidate in candidates {
                // Its own VRID (filed members have one): `conflict` compares them, since a
                // shared hash does not mean a shared key.
                guard let earlierVRID = model.instances[candidate].virtualRouterID else { continue }
                let earlier = Member(facts: all[candidate], vrid: earlierVRID)
                guard let kind = conflict(earlier, later, model) else { continue }
                if first == nil {
                    first = (earlier, message(kind, earlier, later))
                    noted.append(earlier)
                } else {
                    if noted.count < Self.maximumNotes { noted.append(earlier) } else { more += 1 }
                }
            }
            guard let first else { continue }
            var related = noted.map { earlier in
                let span = vridSpan(earlier, node)
                return RelatedLocation(
                    file: span.file, line: span.start.line, column: span.start.column,
                    message: "'\(earlier.instance.name)' uses VRID \(earlier.vrid) here")
            }
            if more > 0, let last = related.last {
                related.append(RelatedLocation(
                    file: last.file, line: last.line, column: last.column,
                    message: "and \(more) more earlier instance\(more == 1 ? "" : "s") with VRID \(vrid) that conflict with '\(later.instance.name)'"))
            }
            found.append(Diagnostic(
                rule,
                "'\(later.instance.name)' and '\(first.member.instance.name)' \(first.message); keepalived 2.2.7 refuses to start; give one of them another virtual_router_id",
                at: vridSpan(later, node), related: related))
        }
        return found
    }

    /// Earlier conflicting instances noted on one finding; the rest are counted.
    static let maximumNotes = 5

    /// Calls `body` with each key a member is filed under (none: it can conflict with no other
    /// instance). No array: a multicast instance, the usual one, has a single key.
    func forEachKey(_ member: Member, _ model: Configuration, _ body: (Key) -> Void) {
        let family = member.facts.effectiveFamily
        let interface = member.facts.read { $0.pointee.interface }
        guard member.isUnicast else {
            guard let interface else { return }
            body(.multicast(member.vrid, family, interface, group(member, model)))
            return
        }
        let peers = Set(member.facts.unicastPeers)
        if let source = member.facts.sourceAddress {
            for peer in peers { body(.unicastFrom(member.vrid, family, source, peer)) }
            return
        }
        guard let interface else { return }
        for peer in peers { body(.unicastOn(member.vrid, family, interface, peer)) }
    }

    /// How two instances conflict, when keepalived refuses them together.
    enum Conflict {
        case unicast(peer: IPAddress)
        case multicast(interface: String, group: IPAddress)
    }

    /// How the pair conflicts, or nil when keepalived lets them coexist.
    func conflict(_ first: Member, _ second: Member, _ model: Configuration) -> Conflict? {
        guard first.vrid == second.vrid, first.facts.effectiveFamily == second.facts.effectiveFamily,
            first.isUnicast == second.isUnicast
        else { return nil }
        if first.isUnicast {
            if let a = first.instance.interface, let b = second.instance.interface, a != b { return nil }
            // The local address: the configured source, else the interface's (same interface: same address).
            switch (first.facts.sourceAddress, second.facts.sourceAddress) {
            case (let a?, let b?): guard a == b else { return nil }
            case (nil, nil): guard first.instance.interface != nil, first.instance.interface == second.instance.interface else { return nil }
            default: return nil
            }
            guard let peer = first.facts.unicastPeers.first(where: second.facts.unicastPeers.contains) else { return nil }
            return .unicast(peer: peer)
        }
        guard let interface = first.instance.interface, interface == second.instance.interface,
            group(first, model) == group(second, model)
        else { return nil }
        return .multicast(interface: interface, group: group(first, model))
    }

    /// keepalived's message for a conflicting pair.
    func message(_ conflict: Conflict, _ first: Member, _ second: Member) -> String {
        let family = first.facts.effectiveFamily.rawValue
        switch conflict {
        case .unicast(let peer):
            return "both send VRID \(first.vrid) (\(family)) by unicast from the same address to peer \(peer): keepalived reports \"(\(first.instance.name)) duplicate VRID conflict with \(second.instance.name) VRID \(first.vrid)\""
        case .multicast(let interface, let group):
            return "both use VRID \(first.vrid) with \(family) on \(interface) (multicast group \(group)): keepalived reports \"\(first.instance.name) and \(second.instance.name) both use VRID \(first.vrid) with \(family) on interface \(interface)\""
        }
    }

    func group(_ member: Member, _ model: Configuration) -> IPAddress {
        if let destination = member.facts.multicastDestination { return destination }
        return member.facts.effectiveFamily == .ipv6 ? model.globalDefs.multicastGroup6 : model.globalDefs.multicastGroup4
    }

    func vridSpan(_ member: Member, _ node: LintNode) -> SourceSpan {
        let line = member.facts.lastIndex(.virtualRouterID) { $0.int() != nil }
        return line.map { NodeAnalysis.span(of: member.facts.tree.statements[$0], argument: 0) } ?? node.instanceSpan(member.instance)
    }
}
