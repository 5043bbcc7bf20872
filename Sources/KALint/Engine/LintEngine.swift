import KAConfig

/// Runs the front end's findings, the single-file rules and the fleet rules, then applies
/// inline suppressions and the user's options. Pure: the caller reads the files.
public struct LintEngine: Sendable {
    public var singleFileRules: [any LintRule]
    public var fleetRules: [any FleetRule]
    /// A node with at least this many statements has its rules run in parallel.
    var parallelFromStatements = LintEngine.parallelStatements

    public init(singleFileRules: [any LintRule] = RuleRegistry.singleFile, fleetRules: [any FleetRule] = RuleRegistry.fleet) {
        self.singleFileRules = singleFileRules
        self.fleetRules = fleetRules
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var nodes: [LintNode]
        public var fleet: Fleet
        public var suppressed: Int
    }

    /// From this many statements a node's rules run in parallel.
    static let parallelStatements = 10_000

    /// The rules that take longest on a large node (`kabench rules` at 5,000 instances:
    /// firewall-hint 0.73 ms, duplicate-vrid 0.60, undefined-reference 0.39; the next 0.19).
    static let costliest = ["firewall-hint", "duplicate-vrid", "undefined-reference"]

    /// Indices of `rules`, the costliest first, the others in their order.
    static func costliestFirst(_ rules: [any LintRule]) -> [Int] {
        let rank = { (index: Int) in costliest.firstIndex(of: rules[index].rule.slug) ?? costliest.count }
        return rules.indices.sorted { (rank($0), $0) < (rank($1), $1) }
    }

    public func run(_ nodes: [NodeAnalysis], options: LintOptions = LintOptions()) -> Report {
        let target = options.target
        return run(nodes: nodes.map { LintNode($0, target: target) }, options: options)
    }

    /// What `rules` find on `node`, in rule order. A large node's rules run on every core, the
    /// costliest claimed first so that no thread is left alone with one of them at the end; for
    /// a small node the threads would cost more than they save.
    func check(_ rules: [any LintRule], on node: LintNode) -> [Diagnostic] {
        guard node.bound.tree.statements.count >= parallelFromStatements, FleetAnalysis.processorCount > 1 else {
            return rules.flatMap { $0.check(node) }
        }
        let order = Self.costliestFirst(rules)
        let found = ParallelMap.map(rules.count) { rules[order[$0]].check(node) }
        var byRule = [[Diagnostic]](repeating: [], count: rules.count)
        for (claimed, rule) in order.enumerated() { byRule[rule] = found[claimed] }
        return byRule.flatMap { $0 }
    }

    /// The same over nodes whose facts are derived already, for `options.target` (see
    /// `FleetAnalysis.lintNodes`).
    func run(nodes: [LintNode], options: LintOptions) -> Report {
        var findings: [Diagnostic] = []
        var suppressions = Suppressions()
        var seenFiles = Set<String>()
        for node in nodes {
            for (path, file) in node.expanded.files where seenFiles.insert(path).inserted { suppressions.add(file) }
            let rules = singleFileRules.filter { options.allows($0.rule) }
            let ruleFindings = check(rules, on: node)
            var nodeFindings = Self.restated(node.frontEndDiagnostics, by: ruleFindings) + ruleFindings
            if let target = options.targetVersion {
                nodeFindings += TargetVersionCheck.check(node, target: target)
            }
            findings += Self.preferSpecific(nodeFindings)
        }
        let fleet = Fleet(nodes: nodes)
        if nodes.count > 1 {
            for rule in fleetRules where options.allows(rule.rule) { findings += rule.check(fleet) }
        }
        findings.removeAll { !options.allows($0.rule) }
        let sorted = findings.sortedForOutput()
        findings = []
        var kept: [Diagnostic] = []
        var suppressed = 0
        var duplicates = TieDuplicates()
        for index in sorted.indices {
            let diagnostic = sorted[index]
            if index > 0, Diagnostic.outputTies(sorted[index - 1], diagnostic) {
                guard duplicates.isFirst(diagnostic) else { continue }
            } else {
                duplicates.startRun(diagnostic)
            }
            if suppressions.isSuppressed(diagnostic) {
                suppressed += 1
            } else {
                kept.append(diagnostic)
            }
        }
        return Report(diagnostics: FindingFlood.limit(kept), nodes: nodes, fleet: fleet, suppressed: suppressed)
    }

    /// Drops repeated findings (two rules, or one rule twice, reporting the very same thing).
    /// Equal findings tie in output order (same file, start and code) and the sort keeps ties
    /// in their first-seen order, so each finding is compared only with those it ties with:
    /// no set of every finding (hashing 100,000 messages) is built.
    struct TieDuplicates {
        private var run: [Diagnostic] = []
        private var large: Set<Diagnostic> = []

        /// A finding that ties with none before it.
        mutating func startRun(_ diagnostic: Diagnostic) {
            run.removeAll(keepingCapacity: true)
            large.removeAll()
            run.append(diagnostic)
        }

        /// Whether `diagnostic`, which ties with the finding before it, is new in its run. A long
        /// run (many findings of one code at one place) moves to a set.
        mutating func isFirst(_ diagnostic: Diagnostic) -> Bool {
            if large.isEmpty, run.count < 16 {
                if run.contains(diagnostic) { return false }
                run.append(diagnostic)
                return true
            }
            if large.isEmpty { large = Set(run) }
            return large.insert(diagnostic).inserted
        }
    }

    /// A lint rule may restate a front-end finding with more detail (same rule, same word, e.g.
    /// `undefined-reference` naming where the tracker really is): keep only the rule's version.
    static func restated(_ frontEnd: [Diagnostic], by rules: [Diagnostic]) -> [Diagnostic] {
        struct RuleSpot: Hashable {
            let code: String
            let spot: Spot
        }
        guard !rules.isEmpty, !frontEnd.isEmpty else { return frontEnd }
        let restatedSpots = Set(rules.map { RuleSpot(code: $0.rule.code, spot: Spot($0.span)) })
        return frontEnd.filter { !restatedSpots.contains(RuleSpot(code: $0.rule.code, spot: Spot($0.span))) }
    }

    /// Where a finding starts.
    struct Spot: Hashable {
        let file: String
        let line: Int
        let column: Int

        init(_ span: SourceSpan) {
            file = span.file
            line = span.start.line
            column = span.start.column
        }
    }

    /// Where a dedicated rule (e.g. `vrid-range`) and a generic binding rule (e.g.
    /// `value-out-of-range`) report the same place, keep the dedicated one.
    /// The rules a more specific finding at the same place replaces, by code: a code is a
    /// small string, compared in place (their slugs were hashed, up to three times a finding).
    static let genericCodes: [String] = [
        SemanticRules.valueOutOfRange, SemanticRules.invalidNumber, SemanticRules.trailingJunk, SemanticRules.invalidValue,
        SemanticRules.wrongCase, SemanticRules.unresolvedReference,
    ].map(\.code)

    static func preferSpecific(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let codes = genericCodes
        let isGeneric = diagnostics.map { codes.contains($0.rule.code) }
        // Nothing to prefer over without a generic finding (the usual case: no spots are made).
        guard isGeneric.contains(true) else { return diagnostics }
        var specificSpots = Set<Spot>()
        for index in diagnostics.indices where !isGeneric[index] {
            specificSpots.insert(Spot(diagnostics[index].span))
        }
        var kept: [Diagnostic] = []
        kept.reserveCapacity(diagnostics.count)
        for index in diagnostics.indices where !isGeneric[index] || !specificSpots.contains(Spot(diagnostics[index].span)) {
            kept.append(diagnostics[index])
        }
        return kept
    }
}
