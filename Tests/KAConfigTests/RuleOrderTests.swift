import Testing
@testable import KAConfig
@testable import KALint

/// A large node's rules run on two threads, the costliest claimed first
/// (`LintEngine.costliestFirst`); the report must be the one the rules give one by one, in the
/// registry's order.
@Suite("kalint: the costliest rules first on the threads, the findings in rule order")
struct RuleOrderTests {
    @Test func theCostliestComeFirstAndTheRestKeepTheirOrder() {
        let rules = RuleRegistry.singleFile
        let order = LintEngine.costliestFirst(rules)
        #expect(order.sorted() == Array(rules.indices), "a permutation")
        let slugs = order.map { rules[$0].rule.slug }
        #expect(Array(slugs.prefix(LintEngine.costliest.count)) == LintEngine.costliest)
        let rest = order.dropFirst(LintEngine.costliest.count)
        #expect(Array(rest) == rest.sorted(), "the others in registry order")
    }

    /// A renamed rule would silently drop out of the list.
    @Test func everyCostliestSlugNamesARule() {
        let slugs = Set(RuleRegistry.singleFile.map(\.rule.slug))
        for slug in LintEngine.costliest { #expect(slugs.contains(slug), "\(slug)") }
    }

    /// Many rules report on the same node (duplicate VRIDs, a missing interface, out-of-range
    /// priorities and advert intervals, an undefined script, a firewall hint): on the threads and
    /// one by one, the same report.
    @Test func parallelReportEqualsTheSequentialOne() {
        var text = "vrrp_script used {\n    script \"/bin/true\"\n}\n"
        for index in 0..<1_500 {
            text += """
                vrrp_instance VI_\(index) {
                    state BACKUP
                    interface eth\(index % 3)
                    virtual_router_id \(index % 300 + 1)
                    priority \(index % 7 == 0 ? 300 : 100)
                    advert_int \(index % 11 == 0 ? 0 : 1)
                    track_script {
                        \(index % 13 == 0 ? "missing" : "used")
                    }
                    virtual_ipaddress {
                        203.0.113.\(index % 250 + 1)/24
                    }
                }

                """
        }
        let analysis = Analyzer.analyze(path: "/etc/keepalived/keepalived.conf", text: text)
        #expect(analysis.bound.tree.statements.count >= LintEngine.parallelStatements, "large enough for the threads")
        let rules = RuleRegistry.singleFile
        let node = LintNode(analysis, target: LintOptions().target)
        let inRuleOrder = rules.flatMap { $0.check(node) }
        #expect(Set(inRuleOrder.map(\.rule.slug)).count >= 4, "several rules report")
        // The rules' findings before any sorting: the order itself is compared.
        #expect(LintEngine().check(rules, on: node) == inRuleOrder)
        let parallel = LintEngine().run([analysis])
        var sequential = LintEngine()
        sequential.parallelFromStatements = .max
        let oneByOne = sequential.run([analysis])
        #expect(parallel.diagnostics == oneByOne.diagnostics)
        #expect(parallel.suppressed == oneByOne.suppressed)
    }
}
