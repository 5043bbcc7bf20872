import Foundation
import Testing
@testable import KAConfig
@testable import KALint

/// The acceptance checks of the fleet rules: the seed gateway pair, the samples as fleets, and
/// broken copies of the samples.
@Suite struct FleetAcceptanceTests {
    static let seedDirectory = RepoPaths.root.appendingPathComponent("Tests/KAConfigTests/Fixtures/seeds")

    static func seedNodes() throws -> [FleetLint.Node] {
        try ["gateway-router1.conf", "gateway-router2.conf"].map { name in
            FleetLint.Node(
                path: name, text: try String(contentsOf: seedDirectory.appendingPathComponent(name), encoding: .utf8))
        }
    }

    static func places(_ diagnostics: [Diagnostic], _ rule: DiagnosticRule) -> Set<String> {
        Set(diagnostics.filter { $0.code == rule.code }.map { "\($0.file):\($0.line)" })
    }

    @Test func seedGatewayPairFindings() throws {
        let found = FleetLint.run(try Self.seedNodes())
        #expect(Self.places(found, LintRuleCatalogue.authPassLength) == ["gateway-router1.conf:11", "gateway-router2.conf:11"])
        // The script is tracked above its definition: keepalived ignores the reference.
        #expect(Self.places(found, SemanticRules.unresolvedReference) == ["gateway-router1.conf:20", "gateway-router2.conf:19"])
        // priority 120, weight -20 against 100: the master's `priority` line.
        #expect(Self.places(found, LintRuleCatalogue.failoverImpossible) == ["gateway-router1.conf:6"])
        let failover = try #require(found.first { $0.code == LintRuleCatalogue.failoverImpossible.code })
        #expect(failover.message.contains("'chk_gateway' is not tracked at all"))
        #expect(failover.message.contains("drops from 120 to 100, equal to the best backup's 100"))
        #expect(failover.related.map { "\($0.file):\($0.line)" } == ["gateway-router2.conf:6"])
        #expect(failover.span.start.column == 11)
    }

    @Test func seedFailoverIsNotReportedOnceTheWeightIsLargeEnough() throws {
        var nodes = try Self.seedNodes()
        nodes[0].text = nodes[0].text.replacingFirst("weight -20", with: "weight -30")
        let found = FleetLint.run(nodes)
        #expect(Self.places(found, LintRuleCatalogue.failoverImpossible).isEmpty)
        #expect(!Self.places(found, SemanticRules.unresolvedReference).isEmpty)
    }

    @Test func everySampleSetLintsClean() {
        let sets = FleetLint.sampleSets()
        #expect(sets.count >= 5)
        for (name, nodes) in sets {
            #expect(nodes.count >= 2, "\(name) has fewer than two nodes")
            let found = FleetLint.run(nodes).filter { $0.severity >= .warning }
            #expect(found.isEmpty, "\(name): \(found.map { "\($0.file):\($0.line) \($0.rule.slug): \($0.message)" })")
        }
    }

    @Test func allSamplesTogetherFormCleanDistinctClusters() {
        let nodes = FleetLint.sampleSets().keys.sorted().flatMap { FleetLint.sampleSets()[$0] ?? [] }
        let analyses = nodes.map { Analyzer.analyze(path: $0.path, text: $0.text) }
        let report = LintEngine().run(analyses)
        #expect(report.fleet.clusters.count == 5)
        let found = report.diagnostics.filter { $0.severity >= .warning }
        #expect(found.isEmpty, "\(found.map { "\($0.file):\($0.line) \($0.rule.slug)" })")
    }

    /// A broken copy of a sample set: text replacements in some node files, and the cross-node
    /// findings it must produce (exactly these rules among KA3xx).
    struct Breakage: CustomTestStringConvertible, Sendable {
        var set: String
        var edits: [(node: Int, from: String, to: String)]
        var expected: Set<String>
        var testDescription: String { "\(set): \(expected.sorted().joined(separator: ", "))" }
    }

    static let breakages: [Breakage] = [
        Breakage(set: "gateway", edits: [(1, "virtual_router_id 51", "virtual_router_id 52")], expected: ["vrid-mismatch"]),
        Breakage(set: "gateway", edits: [(1, "auth_pass gw51key", "auth_pass gw52key")], expected: ["auth-mismatch"]),
        Breakage(set: "gateway", edits: [(1, "        198.51.100.1/24 dev eth1\n", "")], expected: ["vip-set-mismatch"]),
        Breakage(set: "gateway", edits: [(1, "priority 100", "priority 110")], expected: ["priority-collision"]),
        Breakage(set: "gateway", edits: [(1, "state BACKUP", "state MASTER")], expected: ["multiple-masters"]),
        Breakage(set: "gateway", edits: [(1, "router_id gw2", "router_id gw1")], expected: ["router-id-duplicate"]),
        Breakage(set: "gateway", edits: [(0, "weight -20", "weight -5")], expected: ["failover-impossible"]),
        Breakage(set: "unicast", edits: [(1, "        192.0.2.11\n", "        192.0.2.99\n")], expected: ["unicast-asymmetry"]),
        Breakage(set: "unicast", edits: [(1, "    nopreempt\n", "")], expected: ["nopreempt-inconsistent"]),
        Breakage(set: "unicast", edits: [(1, "advert_int 1", "advert_int 2")], expected: ["advert-int-mismatch"]),
        Breakage(set: "ipv6-trio", edits: [(2, "unicast_src_ip 2001:db8:0:1::13", "unicast_src_ip 2001:db8:0:1::14")],
            expected: ["unicast-asymmetry"]),
        Breakage(set: "ipv6-trio", edits: [(1, "priority 110", "priority 120")], expected: ["priority-collision"]),
        Breakage(set: "vmac", edits: [(1, "    vmac_xmit_base\n", "    vmac_xmit_base\n    version 3\n")], expected: ["version-mismatch"]),
        Breakage(set: "lvs", edits: [(1, "192.0.2.100/24 dev eth0", "192.0.2.101/24 dev eth0")], expected: ["vip-set-mismatch"]),
    ]

    @Test(arguments: breakages)
    func brokenSampleShowsTheIntendedFindings(_ breakage: Breakage) throws {
        var nodes = try #require(FleetLint.sampleSets()[breakage.set])
        for edit in breakage.edits {
            #expect(nodes[edit.node].text.contains(edit.from), "the sample no longer contains '\(edit.from)'")
            nodes[edit.node].text = nodes[edit.node].text.replacingFirst(edit.from, with: edit.to)
        }
        let found = FleetLint.crossNode(FleetLint.run(nodes))
        #expect(Set(found.map(\.rule.slug)) == breakage.expected, "\(found.map { "\($0.file):\($0.line) \($0.rule.slug): \($0.message)" })")
        for diagnostic in found {
            #expect(!diagnostic.related.isEmpty, "\(diagnostic.rule.slug) carries no note at the other node")
            #expect(diagnostic.related.allSatisfy { $0.file != diagnostic.file } || diagnostic.rule == LintRuleCatalogue.unicastAsymmetry)
        }
    }

    @Test func sameVRIDOnTheSameLANAcrossSampleSetsCollides() throws {
        let sets = FleetLint.sampleSets()
        var lvs = try #require(sets["lvs"])
        for index in lvs.indices { lvs[index].text = lvs[index].text.replacingFirst("virtual_router_id 90", with: "virtual_router_id 51") }
        let found = FleetLint.crossNode(FleetLint.run(try #require(sets["gateway"]) + lvs))
        #expect(found.map(\.rule.slug) == ["vrid-collision"])
        let collision = try #require(found.first)
        #expect(collision.file == "samples/lvs/node1.conf")
        #expect(collision.line == 12)
        #expect(collision.related.first?.file == "samples/gateway/node1.conf")
    }

    @Test func missingPeerFixItRepairsTheUnicastPair() throws {
        var nodes = try #require(FleetLint.sampleSets()["unicast"])
        nodes[1].text = nodes[1].text.replacingFirst("        192.0.2.11\n", with: "        192.0.2.99\n")
        let found = FleetLint.run(nodes, only: ["unicast-asymmetry"])
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.file == "samples/unicast/node2.conf")
        #expect(finding.line == 20)
        let fix = try #require(finding.fixIts.first)
        #expect(fix.isSafe)
        let fixed = FixApplier.apply(fix.edits, to: Array(nodes[1].text.utf8))
        nodes[1].text = String(decoding: fixed.bytes, as: UTF8.self)
        #expect(nodes[1].text.contains("        192.0.2.99\n        192.0.2.11\n    }"))
        #expect(FleetLint.run(nodes, only: ["unicast-asymmetry"]).isEmpty)
    }
}
