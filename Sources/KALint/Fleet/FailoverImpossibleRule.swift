import KAConfig

/// The master candidate's priority minus the weights of its failing trackers can never drop below
/// the best backup's priority: a failed check never moves the VIP (the seeds' classic: 120 with
/// weight -20 against a backup at 100 gives 100 = 100, a tie the higher IP address wins). A tie
/// is an error only when both source addresses are known and the master's is the higher; the
/// backup's being higher moves the VIP (no finding); an unknown address makes it a warning.
///
/// A track_script (track_file, track_process) that names an object defined further down the file
/// is not tracked by keepalived at all (undefined-reference reports that); its weight is counted
/// here as intended, and the message says that as written nothing is tracked.
struct FailoverImpossibleRule: FleetRule {
    let rule = LintRuleCatalogue.failoverImpossible

    func check(_ fleet: Fleet) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for cluster in fleet.clusters {
            let ranked = cluster.map { (member: $0, instance: fleet.instance($0)) }
                .sorted { $0.instance.priority > $1.instance.priority }
            guard let master = ranked.first, ranked.count > 1 else { continue }
            let masterNode = fleet.node(master.member)
            let weights = TrackerWeights(master.instance, in: masterNode.model)
            // Only weighted trackers keep the instance running with a lower priority; an unweighted
            // failing tracker means FAULT, which does move the VIP. keepalived ignores weights at 255.
            guard weights.hasWeightedTrackers, master.instance.priority < 255 else { continue }
            let worst = max(1, master.instance.priority - weights.totalNegative)
            let backups = ranked.dropFirst().filter { $0.member.node != master.member.node }
            let bestBackup = backups.map { item -> (Int, ClusterMatcher.Member) in
                let best = min(254, item.instance.priority + TrackerWeights(item.instance, in: fleet.node(item.member).model).totalPositive)
                return (best, item.member)
            }.max { $0.0 < $1.0 }
            guard let (backupPriority, backupMember) = bestBackup, worst >= backupPriority else { continue }
            var tie = Tie.none
            if worst == backupPriority {
                tie = Tie(master: sourceAddress(master.member, fleet), backup: sourceAddress(backupMember, fleet))
                if case .backupWins = tie { continue }
            }
            found.append(Diagnostic(
                rule,
                message(master.instance, weights: weights, worst: worst, backupPriority: backupPriority, tie: tie),
                at: fleet.span(master.member, keyword: master.instance.priorityConfigured != nil ? "priority" : nil),
                severity: tie.isUndecided ? .warning : nil,
                related: [fleet.note(backupMember, keyword: fleet.instance(backupMember).priorityConfigured != nil ? "priority" : nil,
                    "the best backup, priority \(backupPriority), on \(fleet.nodeName(backupMember))")]))
        }
        return found
    }

    /// Equal priorities: VRRP gives mastership to the higher primary address (the source address
    /// keepalived sends from), so a tie moves the VIP exactly when the backup's is higher.
    enum Tie {
        case none
        case masterWins(IPAddress, IPAddress)
        case backupWins
        /// One of the addresses is the interface's (not in the file): the outcome depends on it.
        case undecided

        init(master: IPAddress?, backup: IPAddress?) {
            guard let master, let backup, master.isIPv6 == backup.isIPv6 else {
                self = .undecided
                return
            }
            self = backup > master ? .backupWins : .masterWins(master, backup)
        }

        var isUndecided: Bool {
            if case .undecided = self { return true }
            return false
        }
    }

    /// The configured `unicast_src_ip` / `mcast_src_ip` keepalived sends from (nil: the interface's address).
    func sourceAddress(_ member: ClusterMatcher.Member, _ fleet: Fleet) -> IPAddress? {
        let facts = fleet.node(member).instanceFacts
        return member.instance < facts.count ? facts[member.instance].sourceAddress : nil
    }

    func message(_ instance: VRRPInstance, weights: TrackerWeights, worst: Int, backupPriority: Int, tie: Tie) -> String {
        var text = ""
        if !weights.unresolved.isEmpty {
            let names = weights.unresolved.map { "'\($0)'" }.joined(separator: ", ")
            text += "as written, \(names) \(weights.unresolved.count == 1 ? "is" : "are") not tracked at all (defined after the instance, "
                + "so keepalived ignores the reference) and a failing check changes nothing; even once tracked, "
        }
        let healthy = min(254, instance.priority + weights.totalPositive)
        text += "when every weighted check fails, '\(instance.name)' drops from \(healthy) to \(worst), "
        switch tie {
        case .none:
            text += "still above the best backup's \(backupPriority): the VIP does not move"
        case .masterWins(let master, let backup):
            text += "equal to the best backup's \(backupPriority), and the tie goes to the higher address, this node's \(master) "
                + "(the backup sends from \(backup)): the VIP does not move"
        case .backupWins, .undecided:
            text += "equal to the best backup's \(backupPriority): the tie goes to the higher primary address, and at least one "
                + "node sends from its interface's address (no unicast_src_ip or mcast_src_ip), so whether the VIP moves "
                + "depends on the addresses"
        }
        return text + "; make the weights add up to more than \(instance.priority - backupPriority)"
    }
}

/// The weights an instance's trackers can move its priority by. References that keepalived did not
/// resolve count when the object is defined later in the file (the author's evident intent);
/// their names are collected in `unresolved`.
struct TrackerWeights {
    var totalNegative = 0
    var totalPositive = 0
    var hasWeightedTrackers = false
    var unresolved: [String] = []

    init(_ instance: VRRPInstance, in model: Configuration) {
        func add(_ weight: Int, reverse: Bool, resolved: Bool, name: String) {
            guard weight != 0 else { return }
            hasWeightedTrackers = true
            if !resolved, !unresolved.contains(name) { unresolved.append(name) }
            // reverse: the weight applies in the opposite state, so a negative one raises priority when failing.
            let effective = reverse ? -weight : weight
            if effective < 0 { totalNegative += -effective } else { totalPositive += effective }
        }
        for reference in instance.trackScripts {
            guard let script = model.script(named: reference.name) else { continue }
            let reverse = reference.reverse || (reference.weight == nil && script.weightReverse)
            add(reference.weight ?? script.weight, reverse: reverse, resolved: reference.resolved, name: reference.name)
        }
        for tracked in instance.trackInterfaces {
            add(tracked.weight, reverse: tracked.reverse, resolved: true, name: tracked.name)
        }
        for reference in instance.trackFiles {
            guard let file = model.trackFiles.first(where: { $0.name == reference.name }) else { continue }
            add(reference.weight ?? file.weight, reverse: reference.reverse, resolved: reference.resolved, name: reference.name)
        }
        for reference in instance.trackProcesses {
            guard let process = model.trackProcesses.first(where: { $0.name == reference.name }) else { continue }
            add(reference.weight ?? process.weight, reverse: reference.reverse, resolved: reference.resolved, name: reference.name)
        }
    }
}
