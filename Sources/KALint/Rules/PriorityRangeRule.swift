import KAConfig

/// `priority` outside 1-255 (keepalived uses 100, even with state MASTER), and priority 255 on a
/// node that does not own its virtual addresses: keepalived never checks ownership.
struct PriorityRangeRule: LintRule {
    let rule = LintRuleCatalogue.priorityRange

    func check(_ node: LintNode) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // The node's statements once, not through each instance, and read in place: both rule
        // threads would count references on the same arrays once an instance.
        node.bound.tree.withRefs { ref in
            for facts in node.instanceFacts {
                var invalid = false
                facts.forEachIndex(.priority) { index in
                    let line = ref(index)
                    if line.wordCount > 1, line.int() == nil { invalid = true }
                }
                // Only an invalid line or priority 255 with virtual addresses has something to say.
                guard invalid || (facts.basePriority == 255 && !facts.virtualAddresses.isEmpty) else { continue }
                let instance = facts.instance
                let lines = facts.statements(.priority)
                for (index, statement) in lines.enumerated() where statement.words.count > 1 && statement.int() == nil {
                    var message = "priority '\(statement.words[1].text)' is not a number from 1 to 255; keepalived 2.2.7 reports \"Priority not valid\" and sets priority 100"
                    if facts.configuredState == .master { message += " (not 255, although state is MASTER)" }
                    if lines[(index + 1)...].contains(where: { $0.int() != nil }) {
                        message += "; a later priority line sets \(instance.priority)"
                    }
                    found.append(Diagnostic(rule, message, at: NodeAnalysis.span(of: statement, argument: 0)))
                }
                if let finding = ownerFinding(instance, facts, node) { found.append(finding) }
            }
        }
        return found
    }

    /// 255 means "address owner": keepalived starts as MASTER at once, clears nopreempt, ignores
    /// tracker weights and answers for the VIPs as their owner. Plausible only when every VIP is
    /// one of the node's source addresses.
    func ownerFinding(_ instance: VRRPInstance, _ facts: InstanceFacts, _ node: LintNode) -> Diagnostic? {
        guard facts.basePriority == 255 else { return nil }
        let owned = Set(facts.sourceAddresses)
        guard let foreign = facts.virtualAddresses.first(where: { !owned.contains($0) }) else { return nil }
        let source: String
        let sourceLine = [facts.lastIndex(.unicastSourceIP), facts.lastIndex(.multicastSourceIP)].compactMap { $0 }.max()
        if let address = facts.sourceAddress, let line = sourceLine {
            let keyword = facts.tree.statements[line].keyword
            source = "\(foreign) is not its source address (\(keyword) \(address))"
        } else {
            source = "nothing in this file shows that this node owns \(foreign)"
        }
        let start = facts.initialState(node.model) == .master ? "starts as MASTER at once, " : ""
        let claim = "priority 255 declares '\(instance.name)' the owner of its virtual addresses, but \(source); keepalived 2.2.7 does not check ownership: it \(start)ignores nopreempt, drops weighted track scripts and tracked-interface weights, and answers for \(foreign) as its owner; use 254 or lower"
        if let statement = facts.statements(.priority).last(where: { $0.int() != nil }) {
            return Diagnostic(rule, claim, at: NodeAnalysis.span(of: statement, argument: 0), severity: .warning)
        }
        guard let stateIndex = facts.stateLines.last(where: { facts.tree.statements[$0.statement].words.count > 1 })?.statement
        else { return nil }
        let state = facts.tree.statements[stateIndex]
        return Diagnostic(
            rule, "no priority with state MASTER: keepalived 2.2.7 uses 255; " + claim,
            at: NodeAnalysis.span(of: state, argument: 0), severity: .warning)
    }
}
