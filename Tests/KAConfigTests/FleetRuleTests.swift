import Testing
@testable import KAConfig
@testable import KALint

/// Unit tests of the fleet rules' parts and edge cases the documentation pages do not cover.
@Suite struct FleetRuleTests {
    /// A minimal node: one instance with the given extra lines.
    static func node(
        name: String = "VI_1", vrid: Int = 51, priority: Int = 100, vips: [String] = ["192.0.2.10/24"], interface: String = "eth0",
        extra: String = "", top: String = ""
    ) -> String {
        top + """
            vrrp_instance \(name) {
                interface \(interface)
                virtual_router_id \(vrid)
                priority \(priority)
            \(extra)    virtual_ipaddress {
            \(vips.map { "        \($0)\n" }.joined())    }
            }

            """
    }

    static func slugs(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.rule.slug) }

    // MARK: Clustering and helpers

    @Test func clustersByVIPOverlapThenByNameAndVRID() {
        typealias Member = ClusterMatcher.Member
        let members = [
            Member(node: 0, instance: 0, name: "A", virtualRouterID: 1, addresses: ["192.0.2.1"]),
            Member(node: 1, instance: 0, name: "B", virtualRouterID: 2, addresses: ["192.0.2.1", "192.0.2.2"]),
            Member(node: 0, instance: 1, name: "C", virtualRouterID: 3, addresses: ["198.51.100.1"]),
            Member(node: 1, instance: 1, name: "C", virtualRouterID: 3, addresses: ["198.51.100.9"]),
            Member(node: 2, instance: 0, name: "D", virtualRouterID: 4, addresses: ["203.0.113.1"]),
            Member(node: 0, instance: 2, name: "E", virtualRouterID: 5, addresses: ["203.0.113.5"]),
            Member(node: 0, instance: 3, name: "E", virtualRouterID: 5, addresses: ["203.0.113.6"]),
        ]
        let clusters = ClusterMatcher.clusters(members)
        #expect(clusters.map { $0.map(\.name) } == [["A", "B"], ["C", "C"]])
    }

    @Test func consensusPrefersTheMajorityThenTheFirstValue() {
        #expect(Consensus.reference([2, 1, 1]) == 1)
        #expect(Consensus.reference([3, 4]) == 3)
        #expect(Consensus.reference([Int]()) == nil)
    }

    @Test func networksAndSeconds() {
        #expect(IPAddress("192.0.2.77").masked(to: 24) == IPAddress("192.0.2.0"))
        #expect(IPAddress("192.0.2.77").masked(to: 0) == IPAddress("0.0.0.0"))
        #expect(IPAddress("2001:db8:1:2:3::9").masked(to: 64) == IPAddress("2001:db8:1:2::"))
        #expect(IPAddress("2001:db8:1:2:3::9").masked(to: 80) == IPAddress("2001:db8:1:2:3::"))
        #expect(secondsText(microseconds: 1_000_000) == "1")
        #expect(secondsText(microseconds: 1_500_000) == "1.5")
        #expect(secondsText(microseconds: 50_000) == "0.05")
    }

    // MARK: Mismatch rules

    @Test func vridMismatchPointsAtTheOddNodeOut() throws {
        let found = FleetLint.run([Self.node(vrid: 51), Self.node(vrid: 52), Self.node(vrid: 51)], only: ["vrid-mismatch"])
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.file == "node2.conf")
        #expect(finding.line == 3)
        #expect(finding.column == 23)
        #expect(finding.message.contains("virtual_router_id 52 here but 51 on node1.conf"))
        #expect(finding.related.map { "\($0.file):\($0.line):\($0.column)" } == ["node1.conf:3:23"])
    }

    @Test func authComparesWhatKeepalivedSends() {
        func auth(_ pass: String) -> String { "    authentication {\n        auth_type PASS\n        auth_pass \(pass)\n    }\n" }
        // Differences past the 8th byte are invisible on the wire.
        #expect(FleetLint.run([Self.node(extra: auth("abcdefgh1")), Self.node(extra: auth("abcdefgh2"))], only: ["auth-mismatch"]).isEmpty)
        let differing = FleetLint.run([Self.node(extra: auth("abcdefgh1")), Self.node(extra: auth("abcdefgX1"))], only: ["auth-mismatch"])
        #expect(differing.count == 1)
        #expect(differing.first?.message.contains("only the first 8 characters") == true)
        // Strict mode drops authentication on both nodes: nothing to compare.
        let strict = "global_defs {\n    vrrp_strict\n}\n"
        #expect(FleetLint.run([Self.node(extra: auth("one"), top: strict), Self.node(top: strict)], only: ["auth-mismatch"]).isEmpty)
    }

    @Test func advertIntMismatchIsAWarningWithVRRPv3() throws {
        let v3 = "global_defs {\n    vrrp_version 3\n}\n"
        let found = FleetLint.run(
            [Self.node(extra: "    advert_int 1\n", top: v3), Self.node(extra: "    advert_int 0.5\n", top: v3)], only: ["advert-int-mismatch"])
        let finding = try #require(found.first)
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("advert_int 0.5 here but 1 on node1.conf"))
        let v2 = FleetLint.run([Self.node(extra: "    advert_int 1\n"), Self.node(extra: "    advert_int 2\n")], only: ["advert-int-mismatch"])
        #expect(v2.first?.severity == .error)
    }

    @Test func priorityCollisionReportsEveryTiedNodeAfterTheFirst() {
        let found = FleetLint.run([Self.node(), Self.node(), Self.node(priority: 90)], only: ["priority-collision"])
        #expect(found.map(\.file) == ["node2.conf"])
        let three = FleetLint.run([Self.node(), Self.node(), Self.node()], only: ["priority-collision"])
        #expect(three.map(\.file) == ["node2.conf", "node3.conf"])
    }

    // MARK: Unicast

    static func unicast(source: String?, peers: [String], priority: Int = 100) -> String {
        var extra = source.map { "    unicast_src_ip \($0)\n" } ?? ""
        extra += "    unicast_peer {\n" + peers.map { "        \($0)\n" }.joined() + "    }\n"
        return node(priority: priority, extra: extra)
    }

    @Test func aNodeWithoutSourceAddressIsKnownByWhatTheOthersList() {
        // node3 has no unicast_src_ip; node2 lists 192.0.2.13 for it, so node1 must list it too.
        let found = FleetLint.run([
            Self.unicast(source: "192.0.2.11", peers: ["192.0.2.12"], priority: 150),
            Self.unicast(source: "192.0.2.12", peers: ["192.0.2.11", "192.0.2.13"], priority: 120),
            Self.unicast(source: nil, peers: ["192.0.2.11", "192.0.2.12"]),
        ], only: ["unicast-asymmetry"])
        #expect(found.map(\.file) == ["node1.conf"])
        #expect(found.first?.message.contains("192.0.2.13") == true)
        #expect(found.first?.fixIts.first?.edits.first?.replacement == "\n        192.0.2.13")
    }

    @Test func peerFixItKeepsCRLFAndSkipsSubstitutedOrOneLineBlocks() throws {
        let crlf = Self.unicast(source: "192.0.2.11", peers: ["192.0.2.99"]).replacingOccurrences(of: "\n", with: "\r\n")
        let pair = [crlf, Self.unicast(source: "192.0.2.12", peers: ["192.0.2.11"])]
        let edit = try #require(FleetLint.run(pair, only: ["unicast-asymmetry"]).first?.fixIts.first?.edits.first)
        #expect(edit.replacement == "\r\n        192.0.2.12")
        let fixed = String(decoding: FixApplier.apply([edit], to: Array(crlf.utf8)).bytes, as: UTF8.self)
        #expect(fixed.contains("        192.0.2.99\r\n        192.0.2.12\r\n    }\r\n"))

        let substituted = "$PEER=192.0.2.99\n" + Self.unicast(source: "192.0.2.11", peers: ["$PEER"])
        let viaParameter = FleetLint.run([substituted, pair[1]], only: ["unicast-asymmetry"])
        #expect(viaParameter.count == 1)
        #expect(viaParameter.first?.fixIts.isEmpty == true)

        let oneLine = Self.node(extra: "    unicast_src_ip 192.0.2.11\n    unicast_peer { 192.0.2.99 }\n")
        let onOneLine = FleetLint.run([oneLine, pair[1]], only: ["unicast-asymmetry"])
        #expect(onOneLine.count == 1)
        #expect(onOneLine.first?.fixIts.isEmpty == true)
    }

    // MARK: Failover

    @Test func failoverCountsReverseWeightsAndIgnoresOwnersAndFaultOnlyChecks() {
        let script = "vrrp_script chk {\n    script \"/bin/true\"\n    weight -10\n}\n"
        let tracked = "    track_script {\n        chk\n    }\n"
        // 105 - 10 = 95 < 100: fine.
        #expect(FleetLint.run([Self.node(priority: 105, extra: tracked, top: script), Self.node()], only: ["failover-impossible"]).isEmpty)
        // reverse: a failing check raises the priority, so the master never drops.
        let reverse = "    track_script {\n        chk weight -10 reverse\n    }\n"
        #expect(FleetLint.run([Self.node(priority: 105, extra: reverse, top: script), Self.node()], only: ["failover-impossible"]).count == 1)
        // Priority 255: keepalived ignores the weights (and the tie is not this rule's business).
        #expect(FleetLint.run([Self.node(priority: 255, extra: tracked, top: script), Self.node()], only: ["failover-impossible"]).isEmpty)
        // A check without weight sends the master to FAULT: the VIP moves.
        let faultOnly = "vrrp_script chk {\n    script \"/bin/true\"\n}\n"
        #expect(FleetLint.run([Self.node(priority: 150, extra: tracked, top: faultOnly), Self.node()], only: ["failover-impossible"]).isEmpty)
    }

    // MARK: Segments and identities

    @Test func vridCollisionNeedsASharedSubnetAndNoSharedNode() {
        let web = Self.node(name: "WEB", vips: ["192.0.2.10/24"])
        let db = Self.node(name: "DB", vips: ["192.0.2.20/24"])
        #expect(FleetLint.run([web, web, db, db], only: ["vrid-collision"]).count == 1)
        // Host routes (/32) give no subnet to compare.
        let web32 = Self.node(name: "WEB", vips: ["192.0.2.10/32"])
        let db32 = Self.node(name: "DB", vips: ["192.0.2.20/32"])
        #expect(FleetLint.run([web32, web32, db32, db32], only: ["vrid-collision"]).isEmpty)
        // Other interface names: other segments.
        let dbOther = Self.node(name: "DB", vips: ["192.0.2.20/24"], interface: "eth1")
        #expect(FleetLint.run([web, web, dbOther, dbOther], only: ["vrid-collision"]).isEmpty)
        // One node running both (duplicate-vrid's business on that node) is not reported here.
        #expect(FleetLint.run([web + db, web, db], only: ["vrid-collision"]).isEmpty)
    }

    @Test func routerIDDuplicatesPointAtTheFirstUser() {
        let defs = "global_defs {\n    router_id lb\n}\n"
        let found = FleetLint.run([Self.node(top: defs), Self.node(top: defs), Self.node(top: defs)], only: ["router-id-duplicate"])
        #expect(found.map(\.file) == ["node2.conf", "node3.conf"])
        #expect(found.allSatisfy { $0.related.first?.file == "node1.conf" && $0.related.first?.line == 2 })
    }

    @Test func syncGroupComparisonIgnoresGroupNames() {
        let lan = Self.node(name: "LAN", vrid: 51, vips: ["192.0.2.1/24"])
        let wan = Self.node(name: "WAN", vrid: 52, vips: ["198.51.100.1/24"], interface: "eth1")
        func group(_ name: String) -> String { "vrrp_sync_group \(name) {\n    group {\n        LAN\n        WAN\n    }\n}\n" }
        #expect(FleetLint.run([group("A") + lan + wan, group("B") + lan + wan], only: ["sync-group-mismatch"]).isEmpty)
        let found = FleetLint.run([group("A") + lan + wan, lan + wan], only: ["sync-group-mismatch"])
        #expect(found.count == 2)
        #expect(Set(found.map(\.file)) == ["node2.conf"])
    }
}

@Suite struct FleetAnalysisTests {
    @Test func concurrentAnalysisKeepsOrderAndResults() {
        let files = (0..<9).map { index in
            FleetAnalysis.File(path: "node\(index).conf", text: FleetRuleTests.node(vrid: index + 1, priority: 100 + index))
        }
        let parallel = FleetAnalysis.analyze(files, workers: 3)
        let serial = FleetAnalysis.analyze(files, workers: 1)
        #expect(parallel.map(\.path) == files.map(\.path))
        #expect(parallel.map(\.model) == serial.map(\.model))
        #expect(parallel.map { $0.model.instances.first?.virtualRouterID } == (1...9).map { Optional($0) })
    }
}
