import KAConfig

/// `nopreempt` or `preempt_delay` that keepalived 2.2.7 clears when it completes the instance:
/// nopreempt with priority 255, either with an initial state of MASTER, and preempt_delay together
/// with nopreempt. (Strict mode clearing preempt_delay is vrrp-strict-conflict's finding.)
struct NopreemptIgnoredRule: LintRule {
    let rule = LintRuleCatalogue.nopreemptIgnored

    func check(_ node: LintNode) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // Every finding is about a nopreempt or a preempt_delay that is set.
        let candidates = node.withInstances { instances in
            node.instanceFacts.filter {
                instances.at($0.index).pointee.nopreempt || instances.at($0.index).pointee.preemptDelayMicroseconds > 0
            }
        }
        for facts in candidates {
            let instance = facts.instance
            var nopreempt = instance.nopreempt
            var delay = instance.preemptDelayMicroseconds > 0
            let nopreemptLine = facts.statements(.nopreempt).last
            let delayLine = facts.statements(.preemptDelay).last { $0.microseconds() != nil }
            let priorityLine = facts.statements(.priority).last
            let stateLine = facts.stateLines.last.map { facts.tree.statements[$0.statement] }
            let priority = facts.basePriority
            if priority == 255, nopreempt, let line = nopreemptLine {
                found.append(Diagnostic(
                    rule,
                    "nopreempt with priority 255 in '\(instance.name)': keepalived 2.2.7 reports \"nopreempt is incompatible with priority 255. resetting nopreempt\" and preempts",
                    at: line.words[0].origin.span, related: priorityLine.map { note($0, "priority 255") }
                        ?? note(stateLine, "state MASTER without priority (255)")))
                nopreempt = false
            }
            if facts.initialState(node.model) == .master {
                let cause = facts.configuredState == .master ? "state MASTER" : "initial state MASTER (from priority 255)"
                let causeLine = facts.configuredState == .master ? stateLine : priorityLine
                if nopreempt, let line = nopreemptLine {
                    found.append(Diagnostic(
                        rule,
                        "nopreempt with \(cause) in '\(instance.name)': keepalived 2.2.7 reports \"nopreempt will not work with initial state MASTER - clearing\" and preempts; start the instance as BACKUP to keep nopreempt",
                        at: line.words[0].origin.span, related: note(causeLine, cause)))
                    nopreempt = false
                }
                if delay, let line = delayLine {
                    found.append(Diagnostic(
                        rule,
                        "preempt_delay with \(cause) in '\(instance.name)': keepalived 2.2.7 reports \"preempt delay will not work with initial state MASTER - clearing\" and preempts at once",
                        at: line.words[0].origin.span, related: note(causeLine, cause)))
                    delay = false
                }
            }
            if delay, nopreempt, !facts.isStrict(node.model), let line = delayLine {
                found.append(Diagnostic(
                    rule,
                    "preempt_delay with nopreempt in '\(instance.name)': keepalived 2.2.7 reports \"preempt_delay is incompatible with nopreempt mode - resetting\" and never preempts",
                    at: line.words[0].origin.span, related: note(nopreemptLine, "nopreempt")))
            }
        }
        return found
    }

    func note(_ statement: BoundStatement?, _ what: String) -> [RelatedLocation] {
        guard let statement else { return [] }
        return [RelatedLocation(
            file: statement.origin.file, line: statement.origin.line, column: statement.origin.column, message: "\(what) here")]
    }
}
