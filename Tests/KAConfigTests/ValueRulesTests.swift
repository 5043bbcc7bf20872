import Testing
@testable import KAConfig
@testable import KALint

/// The value rules' exact outcomes (the values keepalived 2.2.7 really uses, locations, related
/// notes, fix-its), beyond what the docs/rules examples check.
@Suite struct ValueRulesTests {
    static func lint(_ text: String, only rule: DiagnosticRule) -> [Diagnostic] {
        let node = Analyzer.analyze(path: "test.conf", text: text)
        return LintEngine().run([node]).diagnostics.filter { $0.rule == rule }
    }

    static func instance(_ body: String, name: String = "VI_1") -> String {
        "vrrp_instance \(name) {\n" + body + "}\n"
    }

    static let vip4 = "    virtual_ipaddress {\n        192.0.2.10/24\n    }\n"

    // MARK: advert-int

    @Test(arguments: [
        (400_000, 2, 1_000_000), (500_000, 2, 1_000_000), (1_500_000, 2, 2_000_000), (2_400_000, 2, 2_000_000),
        (254_600_000, 2, 255_000_000), (3_000_000, 2, 3_000_000), (15_000, 3, 20_000), (14_999, 3, 10_000),
        (4_000, 3, 10_000), (50_000_000, 3, 40_950_000), (40_960_000, 3, 40_950_000), (40_950_000, 3, 40_950_000),
    ])
    func advertIntervalAsKeepalivedCompletesIt(_ written: Int, _ version: Int, _ used: Int) {
        #expect(AdvertIntRule.effective(written, version: version) == used)
    }

    @Test func secondsArePrintedWithoutTrailingZeros() {
        #expect(AdvertIntRule.seconds(1_000_000) == "1")
        #expect(AdvertIntRule.seconds(40_950_000) == "40.95")
        #expect(AdvertIntRule.seconds(20_000) == "0.02")
        #expect(AdvertIntRule.seconds(1) == "0.000001")
    }

    @Test func advertIntTooManyPlacesIsRoundedNotIgnored() {
        let text = Self.instance("    interface eth0\n    virtual_router_id 1\n    advert_int 1.0000005\n" + Self.vip4)
        let found = Self.lint(text, only: LintRuleCatalogue.advertInt)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("rounds it to 1 s") == true)
        #expect(found.first?.line == 4)
        #expect(found.first?.column == 16)
    }

    @Test func advertIntIgnoredLineFollowedByValidOneSaysNothingAboutTheInterval() {
        let text = Self.instance("    interface eth0\n    virtual_router_id 1\n    advert_int 0\n    advert_int 3\n" + Self.vip4)
        let found = Self.lint(text, only: LintRuleCatalogue.advertInt)
        #expect(found.count == 1)
        #expect(found.first?.line == 4)
        #expect(found.first?.message.contains("advertises every") == false)
    }

    @Test func advertIntVersionComesFromStrictIPv6() {
        // version 2 before an IPv6 address sticks (no strict mode): 1.5 is rounded as VRRPv2.
        let text = Self.instance("    version 2\n    interface eth0\n    virtual_router_id 1\n    advert_int 1.5\n"
            + "    virtual_ipaddress {\n        2001:db8::1/64\n    }\n")
        #expect(Self.lint(text, only: LintRuleCatalogue.advertInt).first?.message.contains("VRRPv2") == true)
        let strict = "global_defs {\n    vrrp_strict\n}\n" + text
        #expect(Self.lint(strict, only: LintRuleCatalogue.advertInt).isEmpty)
    }

    // MARK: state-value

    @Test func wrongCaseStateGetsAnUpperCaseFixAndReplacesTheGenericFinding() throws {
        let text = Self.instance("    state master\n    interface eth0\n    virtual_router_id 1\n" + Self.vip4)
        let node = Analyzer.analyze(path: "test.conf", text: text)
        let all = LintEngine().run([node]).diagnostics
        #expect(!all.contains { $0.rule.slug == "wrong-case" })
        let finding = try #require(all.first { $0.rule == LintRuleCatalogue.stateValue })
        #expect(finding.message.contains("as BACKUP"))
        let edit = try #require(finding.fixIts.first?.edits.first)
        #expect(edit.replacement == "MASTER")
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[edit.range], as: UTF8.self) == "master")
    }

    @Test func unknownStateWordHasNoFix() {
        let text = Self.instance("    state EQUAL\n    interface eth0\n    virtual_router_id 1\n" + Self.vip4)
        let found = Self.lint(text, only: LintRuleCatalogue.stateValue)
        #expect(found.count == 1)
        #expect(found.first?.fixIts.isEmpty == true)
    }

    @Test func substitutedStateHasNoFix() {
        let text = "$STATE=master\n" + Self.instance("    state $STATE\n    interface eth0\n    virtual_router_id 1\n" + Self.vip4)
        let found = Self.lint(text, only: LintRuleCatalogue.stateValue)
        #expect(found.count == 1)
        #expect(found.first?.fixIts.isEmpty == true)
    }

    @Test func backupAfterMasterPointsAtTheMasterLine() {
        let text = Self.instance("    state MASTER\n    interface eth0\n    state BACKUP\n    virtual_router_id 1\n" + Self.vip4)
        let found = Self.lint(text, only: LintRuleCatalogue.stateValue)
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.line == 4)
        #expect(found.first?.related.first?.line == 2)
    }

    // MARK: vrid-range and priority-range

    @Test func invalidVRIDWithAnotherValidLineSaysWhichIsKept() {
        let text = Self.instance("    interface eth0\n    virtual_router_id 7\n    virtual_router_id 0\n" + Self.vip4)
        let found = Self.lint(text, only: LintRuleCatalogue.vridRange)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("keeps VRID 7") == true)
        #expect(found.first?.line == 4)
    }

    @Test func invalidPriorityWithStateMasterSays100() {
        let text = Self.instance("    state MASTER\n    interface eth0\n    virtual_router_id 1\n    priority 256\n" + Self.vip4)
        let found = Self.lint(text, only: LintRuleCatalogue.priorityRange)
        #expect(found.count == 1)
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.contains("sets priority 100 (not 255") == true)
    }

    @Test func priority255OwnerOfAllItsAddressesIsClean() {
        let owner = Self.instance("    interface eth0\n    virtual_router_id 1\n    priority 255\n    unicast_src_ip 192.0.2.10\n"
            + "    unicast_peer {\n        192.0.2.11\n    }\n" + Self.vip4)
        #expect(Self.lint(owner, only: LintRuleCatalogue.priorityRange).isEmpty)
        let floating = owner.replacingOccurrences(of: "unicast_src_ip 192.0.2.10", with: "unicast_src_ip 192.0.2.1")
        let found = Self.lint(floating, only: LintRuleCatalogue.priorityRange)
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("unicast_src_ip 192.0.2.1") == true)
    }

    // MARK: nopreempt-ignored

    @Test func strictModeMovesMasterToBackupSoNopreemptSurvives() {
        let body = "    state MASTER\n    nopreempt\n    interface eth0\n    virtual_router_id 1\n    priority 150\n" + Self.vip4
        #expect(Self.lint(Self.instance(body), only: LintRuleCatalogue.nopreemptIgnored).count == 1)
        let strict = "global_defs {\n    vrrp_strict\n}\n" + Self.instance(body)
        #expect(Self.lint(strict, only: LintRuleCatalogue.nopreemptIgnored).isEmpty)
    }

    @Test func priority255WithoutStateClearsNopreemptOnce() {
        let body = "    nopreempt\n    interface eth0\n    virtual_router_id 1\n    priority 255\n" + Self.vip4
        let found = Self.lint(Self.instance(body), only: LintRuleCatalogue.nopreemptIgnored)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("priority 255") == true)
        #expect(found.first?.related.first?.line == 5)
    }

    // MARK: missing-interface

    @Test func overlongInterfaceNameIsIgnoredByKeepalived() {
        let text = Self.instance("    interface averyveryverylongname0\n    virtual_router_id 1\n" + Self.vip4)
        let found = Self.lint(text, only: LintRuleCatalogue.missingInterface)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("too long") == true)
        let fifteen = Self.instance("    interface abcdefghijklmno\n    virtual_router_id 1\n" + Self.vip4)
        #expect(Self.lint(fifteen, only: LintRuleCatalogue.missingInterface).isEmpty)
    }

    // MARK: address-family-mix

    @Test func theFirstAddressOfAnyKeywordFixesTheFamily() {
        let text = Self.instance("    interface eth0\n    virtual_router_id 1\n    mcast_src_ip 2001:db8::1\n" + Self.vip4)
        let found = Self.lint(text, only: LintRuleCatalogue.addressFamilyMix)
        #expect(found.count == 1)
        #expect(found.first?.line == 6)
        #expect(found.first?.related.first?.line == 4)
        #expect(found.first?.message.contains("no virtual address is left, so keepalived exits") == true)
    }

    @Test func nativeIPv6InAnIPv4InstanceIsIgnored() {
        let text = Self.instance("    interface eth0\n    virtual_router_id 1\n" + Self.vip4 + "    native_ipv6\n")
        let found = Self.lint(text, only: LintRuleCatalogue.addressFamilyMix)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("native_ipv6") == true)
    }

    // MARK: auth-with-v3

    @Test func strictModeLeavesAuthenticationToTheStrictRule() {
        let body = "    version 3\n    interface eth0\n    virtual_router_id 1\n"
            + "    authentication {\n        auth_type PASS\n        auth_pass abc\n    }\n" + Self.vip4
        #expect(Self.lint(Self.instance(body), only: LintRuleCatalogue.authWithV3).count == 1)
        let strict = "global_defs {\n    vrrp_strict\n}\n" + Self.instance(body)
        #expect(Self.lint(strict, only: LintRuleCatalogue.authWithV3).isEmpty)
    }

    // MARK: duplicate-vrid

    @Test func threeInstancesWithOneVRIDGiveTwoFindingsWithAllEarlierNotes() {
        let text = (1...3).map { index in
            Self.instance("    interface eth0\n    virtual_router_id 9\n    virtual_ipaddress {\n        192.0.2.\(index)/24\n    }\n",
                name: "I\(index)")
        }.joined()
        let found = Self.lint(text, only: LintRuleCatalogue.duplicateVRID)
        #expect(found.count == 2)
        #expect(found.map(\.related.count) == [1, 2])
    }

    @Test func unicastAndMulticastInstancesAreSeparateVRIDSpaces() {
        let multicast = Self.instance("    interface eth0\n    virtual_router_id 9\n" + Self.vip4, name: "M")
        let unicast = Self.instance("    interface eth0\n    virtual_router_id 9\n    unicast_peer {\n        192.0.2.2\n    }\n"
            + Self.vip4, name: "U")
        #expect(Self.lint(multicast + unicast, only: LintRuleCatalogue.duplicateVRID).isEmpty)
    }

    /// The rule files members under their keys' hashes; two keys with one hash must change
    /// nothing. With every key filed under one number, every earlier member is a candidate
    /// (and a member with two peers meets itself, which is skipped): the same findings.
    @Test func duplicateVRIDFindsTheSameWhenEveryKeyCollides() throws {
        var text = ""
        for index in 0..<24 {
            let peers = index % 3 == 0 ? "" : "    unicast_peer {\n        192.0.2.\(index % 4 + 100)\n        192.0.2.200\n    }\n"
            let source = index % 6 == 1 ? "    unicast_src_ip 192.0.2.9\n" : ""
            let interface = index % 5 == 4 ? "" : "    interface eth\(index % 2)\n"
            text += Self.instance(interface + "    virtual_router_id \(index % 4 + 1)\n" + source + peers + Self.vip4, name: "D\(index)")
        }
        var nodes = [Analyzer.analyze(path: "collide.conf", text: text)]
        for url in CorpusFiles.all() where url.pathExtension == "conf" || url.lastPathComponent.hasPrefix("keepalived.conf") {
            nodes.append(Analyzer.analyze(path: url.path, text: try String(contentsOf: url, encoding: .utf8)))
        }
        var compared = 0
        for analysis in nodes {
            let node = LintNode(analysis)
            let hashed = DuplicateVRIDRule().check(node)
            #expect(DuplicateVRIDRule().check(node, filing: { _ in 0 }) == hashed, "\(analysis.path)")
            compared += hashed.count
        }
        let synthetic = DuplicateVRIDRule().check(LintNode(nodes[0]))
        #expect(synthetic.count >= 10 && compared > synthetic.count)
    }
}
