/// The master candidate's priority minus the weights of its failing trackers can never drop below
/// the best backup's priority: a failed check never moves the VIP (the seeds' classic: 120 with
/// weight -20 against a backup at 100 gives 100 = 100, a tie the higher IP address wins).
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
            found.append(Diagnostic(
                rule,
                message(master.instance, weights: weights, worst: worst, backupPriority: backupPriority),
                at: fleet.span(master.member, keyword: master.instance.priorityConfigured != nil ? "priority" : nil),
                related: [fleet.note(backupMember, keyword: fleet.instance(backupMember).priorityConfigured != nil ? "priority" : nil,
                    "the best backup, priority \(backupPriority), on \(fleet.nodeName(backupMember))")]))
        }
        return found
    }

    func message(_ instance: VRRPInstance, weights: TrackerWeights, worst: Int, backupPriority: Int) -> String {
        let tie = worst == backupPriority
        var text = ""
        if !weights.unresolved.isEmpty {
            let names = weights.unresolved.map { "'\($0)'" }.joined(separator: ", ")
            text += "as written, \(names) \(weights.unresolved.count == 1 ? "is" : "are") not tracked at all (defined after the instance, "
                + "so keepalived ignores the reference) and a failing check changes nothing; even once tracked, "
        }
        text += "when every weighted check fails, '\(instance.name)' drops from \(instance.priority) to \(worst), "
            + (tie ? "equal to" : "still above") + " the best backup's \(backupPriority): the VIP does not move"
            + (tie ? " (the tie goes to the higher IP address)" : "")
            + "; make the weights add up to more than \(instance.priority - backupPriority)"
        return text
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
