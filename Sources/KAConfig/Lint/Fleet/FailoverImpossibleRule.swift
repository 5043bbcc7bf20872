/// The master candidate's priority minus the weights of its failing trackers can never drop below
/// the best backup's priority: a failed check never moves the VIP (the seeds' classic: 120 with
/// weight -20 against a backup at 100 gives 100 = 100, a tie the higher IP address wins).
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
            // failing tracker means FAULT, which does move the VIP.
            guard weights.hasWeightedTrackers, master.instance.priority < 255 else { continue }
            let worst = max(1, master.instance.priority - weights.totalNegative)
            let backups = ranked.dropFirst()
            let bestBackup = backups.map { item -> (Int, ClusterMatcher.Member) in
                let best = min(254, item.instance.priority + TrackerWeights(item.instance, in: fleet.node(item.member).model).totalPositive)
                return (best, item.member)
            }.max { $0.0 < $1.0 }
            guard let (backupPriority, backupMember) = bestBackup, worst >= backupPriority else { continue }
            let tie = worst == backupPriority
            found.append(Diagnostic(
                rule,
                "when every weighted check fails, '\(master.instance.name)' drops from \(master.instance.priority) to \(worst), "
                    + (tie ? "equal to" : "still above")
                    + " the best backup's \(backupPriority): the VIP does not move"
                    + (tie ? " (the tie goes to the higher IP address)" : "")
                    + "; make the weights larger than \(master.instance.priority - backupPriority)",
                at: fleet.span(master.member, keyword: "priority"),
                related: [fleet.note(backupMember, keyword: "priority", "the best backup, priority \(backupPriority)")]))
        }
        return found
    }
}

/// The weights an instance's trackers can move its priority by.
struct TrackerWeights {
    var totalNegative = 0
    var totalPositive = 0
    var hasWeightedTrackers = false

    init(_ instance: VRRPInstance, in model: Configuration) {
        func add(_ weight: Int, reverse: Bool) {
            guard weight != 0 else { return }
            hasWeightedTrackers = true
            // reverse: the weight applies in the opposite state, so a negative one raises priority when failing.
            let effective = reverse ? -weight : weight
            if effective < 0 { totalNegative += -effective } else { totalPositive += effective }
        }
        for reference in instance.trackScripts where reference.resolved {
            let script = model.script(named: reference.name)
            add(reference.weight ?? script?.weight ?? 0, reverse: reference.reverse || (reference.weight == nil && (script?.weightReverse ?? false)))
        }
        for tracked in instance.trackInterfaces { add(tracked.weight, reverse: tracked.reverse) }
        for reference in instance.trackFiles where reference.resolved {
            add(reference.weight ?? model.trackFiles.first { $0.name == reference.name }?.weight ?? 0, reverse: reference.reverse)
        }
        for reference in instance.trackProcesses where reference.resolved {
            add(reference.weight ?? model.trackProcesses.first { $0.name == reference.name }?.weight ?? 0, reverse: reference.reverse)
        }
    }
}
