import KAConfig

/// Pushes one probe packet through the input path of a ruleset, as the kernel would: every base
/// chain hooked at prerouting, then at input, in priority order, must let it through; inside a
/// chain, rules run in order with jumps, gotos and returns. When a rule asks about a field kalint
/// does not know, both answers are followed and the verdict says under which assumption it drops.
final class RulesetEvaluator {
    private let program: RulesetProgram
    private var forks = 0
    private static let maxForks = 256
    private static let maxDepth = 64
    private static let budgetNote =
        "kalint stopped following unknown interface and address cases after \(maxForks) and treated the rest as not matching"

    init(program: RulesetProgram) {
        self.program = program
    }

    private struct Decider {
        /// "dropped by rule at line 3 ..." — the verb and what decided.
        var text: String
        var line: Int?
        /// What decided, without the verb.
        var rule: String
    }

    private enum End {
        case accept(Decider)
        case drop(Decider)
        /// Go on with the rule after the current one.
        case proceed
        /// End of chain or `return`: back to the caller, or the policy of a base chain.
        case fellThrough
    }

    private struct Outcome {
        var end: End
        var path: PathState
    }

    private struct ChainRef {
        var table: Int
        var chain: Int
    }

    // MARK: Base chains

    private func baseChains(for family: VRRPTrafficNeed.Family) -> [ChainRef] {
        var found: [(ref: ChainRef, hook: RulesetHook, priority: Int)] = []
        for (tableIndex, table) in program.tables.enumerated() where table.families.contains(family) {
            for (chainIndex, chain) in table.chains.enumerated() {
                guard let hook = chain.hook else { continue }
                found.append((ChainRef(table: tableIndex, chain: chainIndex), hook, chain.priority))
            }
        }
        // Ties keep text order (the kernel's order for equal priorities is registration order).
        return found.enumerated().sorted { a, b in
            (a.element.hook, a.element.priority, a.offset) < (b.element.hook, b.element.priority, b.offset)
        }.map(\.element.ref)
    }

    // MARK: Whole path

    func verdict(for packet: ProbePacket) -> FirewallVerdict {
        let stages = baseChains(for: packet.family)
        guard !stages.isEmpty else {
            let family = packet.family == .ipv4 ? "IPv4" : "IPv6"
            return FirewallVerdict(
                accepted: true,
                reason: "\(packet.summary) is accepted: no base chain filters \(family) input traffic in this ruleset")
        }
        var live = [PathState(packet: packet)]
        var drops: [(Decider, PathState)] = []
        for stage in stages {
            let chain = program.tables[stage.table].chains[stage.chain]
            var next: [PathState] = []
            let beforeConntrack = chain.hook == .prerouting && chain.priority < ProbePacket.conntrackPriority
            for var path in live {
                path.packet.connectionState = beforeConntrack ? "invalid" : "new"
                for outcome in run(stage, from: 0, path: path, depth: 0) {
                    var path = outcome.path
                    switch outcome.end {
                    case .accept(let decider):
                        path.acceptedBy.append((decider.rule, decider.line, true))
                        next.append(path)
                    case .drop(let decider):
                        drops.append((decider, path))
                    case .proceed, .fellThrough:
                        let policy = describePolicy(stage)
                        if chain.policyDrops {
                            drops.append((Decider(text: "dropped by " + policy, line: chain.policyLine, rule: policy), path))
                        } else {
                            path.acceptedBy.append((policy, chain.policyLine, false))
                            next.append(path)
                        }
                    }
                }
            }
            live = next
        }
        if let (decider, path) = drops.min(by: { $0.1.assumptions.count < $1.1.assumptions.count }) {
            var reason = "\(packet.summary) is \(decider.text)"
            if !path.assumptions.isEmpty {
                reason += " when " + path.assumptions.joined(separator: " and ") + " (kalint does not know)"
            }
            return FirewallVerdict(accepted: false, reason: reason + notes(path), line: decider.line)
        }
        let path = live.min { $0.assumptions.count < $1.assumptions.count } ?? PathState(packet: packet)
        let byRule = path.acceptedBy.filter(\.byRule)
        let shown = byRule.isEmpty ? path.acceptedBy : byRule
        let reason = "\(packet.summary) is accepted by " + shown.map(\.text).joined(separator: ", then by ")
        return FirewallVerdict(accepted: true, reason: reason + notes(path), line: shown.last?.line)
    }

    private func notes(_ path: PathState) -> String {
        path.notes.isEmpty ? "" : "; note: " + path.notes.joined(separator: "; ")
    }

    private func describePolicy(_ ref: ChainRef) -> String {
        let chain = program.tables[ref.table].chains[ref.chain]
        let line = chain.policyLine.map { " (line \($0))" } ?? ""
        let policy = chain.policyDrops ? "drop" : "accept"
        return "the \(policy) policy of chain \(chain.name) in table \(program.tables[ref.table].label)\(line)"
    }

    private func describeRule(_ rule: RulesetRule, in ref: ChainRef) -> String {
        let chain = program.tables[ref.table].chains[ref.chain]
        return "rule at line \(rule.line) in chain \(chain.name) of table \(program.tables[ref.table].label) (`\(rule.text)`)"
    }

    private func decider(_ verb: String, _ rule: RulesetRule, _ ref: ChainRef) -> Decider {
        let described = describeRule(rule, in: ref)
        return Decider(text: "\(verb) by \(described)", line: rule.line, rule: described)
    }

    // MARK: One chain

    private enum RuleFit {
        case matching
        case notMatching
        case fork(UnknownFact)
    }

    private func run(_ ref: ChainRef, from start: Int, path entry: PathState, depth: Int) -> [Outcome] {
        let rules = program.tables[ref.table].chains[ref.chain].rules
        var path = entry
        var index = start
        while index < rules.count {
            let rule = rules[index]
            switch fit(rule, path: &path) {
            case .notMatching:
                index += 1
            case .fork(let fact):
                return fork(fact, path) { self.run(ref, from: index, path: $0, depth: depth) }
            case .matching:
                let outcomes = take(rule.action, of: rule, in: ref, path: path, depth: depth)
                if outcomes.count == 1, case .proceed = outcomes[0].end {
                    path = outcomes[0].path
                    index += 1
                    continue
                }
                var results: [Outcome] = []
                for outcome in outcomes {
                    if case .proceed = outcome.end {
                        results += run(ref, from: index + 1, path: outcome.path, depth: depth)
                    } else {
                        results.append(outcome)
                    }
                }
                return results
            }
        }
        return [Outcome(end: .fellThrough, path: path)]
    }

    private func fit(_ rule: RulesetRule, path: inout PathState) -> RuleFit {
        var unknown: UnknownFact?
        var unsupported: [String] = []
        for match in rule.matches {
            switch path.evaluate(match) {
            case .no: return .notMatching
            case .yes: continue
            case .unknown(let fact): unknown = unknown ?? fact
            case .unsupported(let what): unsupported.append(what)
            }
        }
        if !unsupported.isEmpty {
            if rule.action.isDecisive {
                path.note(
                    "rule at line \(rule.line) uses a match kalint does not evaluate: "
                        + unsupported.joined(separator: ", ") + " (treated as not matching)")
            }
            return .notMatching
        }
        if let unknown {
            guard forks < Self.maxForks else {
                path.note(Self.budgetNote)
                return .notMatching
            }
            return .fork(unknown)
        }
        return .matching
    }

    private func fork(_ fact: UnknownFact, _ path: PathState, _ next: (PathState) -> [Outcome]) -> [Outcome] {
        forks += 1
        var results: [Outcome] = []
        for holds in [true, false] {
            if let assumed = path.assuming(fact, holds: holds) { results += next(assumed) }
        }
        return results
    }

    private func take(
        _ action: RuleAction, of rule: RulesetRule, in ref: ChainRef, path start: PathState, depth: Int
    ) -> [Outcome] {
        var path = start
        switch action {
        case .accept:
            return [Outcome(end: .accept(decider("accepted", rule, ref)), path: path)]
        case .drop:
            return [Outcome(end: .drop(decider("dropped", rule, ref)), path: path)]
        case .reject:
            return [Outcome(end: .drop(decider("rejected", rule, ref)), path: path)]
        case .next:
            return [Outcome(end: .proceed, path: path)]
        case .returnFromChain:
            return [Outcome(end: .fellThrough, path: path)]
        case .unsupported(let what):
            path.note("rule at line \(rule.line) has a verdict kalint does not evaluate: \(what) (treated as not matching)")
            return [Outcome(end: .proceed, path: path)]
        case .jump(let name), .goto(let name):
            guard let target = program.tables[ref.table].chain(named: name) else {
                path.note("rule at line \(rule.line) jumps to chain \(name), which the ruleset does not define (skipped)")
                return [Outcome(end: .proceed, path: path)]
            }
            guard depth < Self.maxDepth else {
                path.note("rule at line \(rule.line) jumps deeper than \(Self.maxDepth) chains (skipped)")
                return [Outcome(end: .proceed, path: path)]
            }
            let isJump = if case .jump = action { true } else { false }
            return run(ChainRef(table: ref.table, chain: target), from: 0, path: path, depth: depth + 1).map { outcome in
                guard isJump, case .fellThrough = outcome.end else { return outcome }
                return Outcome(end: .proceed, path: outcome.path)
            }
        case .verdictMap(let entries):
            for (offset, entry) in entries.enumerated() {
                switch path.evaluate(entry.0) {
                case .yes:
                    return take(entry.1, of: rule, in: ref, path: path, depth: depth)
                case .no:
                    continue
                case .unsupported(let what):
                    path.note("rule at line \(rule.line) uses a match kalint does not evaluate: \(what) (treated as not matching)")
                case .unknown(let fact):
                    guard forks < Self.maxForks else {
                        path.note(Self.budgetNote)
                        continue
                    }
                    let rest = Array(entries[offset...])
                    return fork(fact, path) { self.take(.verdictMap(rest), of: rule, in: ref, path: $0, depth: depth) }
                }
            }
            return [Outcome(end: .proceed, path: path)]
        }
    }
}
