import Testing
@testable import KAConfig
@testable import KALint

/// kalint derives a large file's tree facts (keyword index, contexts, marks, trackers, scripts
/// and each instance block's reading) on the calling thread while the binder's thread builds the
/// model (`FleetAnalysis.lintNodes`). They must be exactly what the facts derived after the
/// analysis, on one thread, give.
@Suite("kalint: facts derived while the model is built equal the facts derived after it")
struct OverlappedFactsTests {
    /// Instances whose readings differ: the first address's family fixes the instance's, later
    /// ones of the other family are skipped; version lines, `native_ipv6`, state lines with
    /// MASTER, BACKUP, another word or none; source and destination addresses.
    static func config(instances: Int) -> String {
        var text = "global_defs {\n    router_id overlap\n}\nvrrp_script chk {\n    script \"/bin/true\"\n}\n"
        for index in 0..<instances {
            let ipv6First = index % 3 == 1
            let first = ipv6First ? "2001:db8::\(String(index, radix: 16))/64" : "203.0.113.\(index % 250 + 1)/24"
            let second = ipv6First ? "198.51.100.\(index % 250 + 1)/24" : "2001:db8:1::\(String(index, radix: 16))/64"
            let state = ["state MASTER", "state BACKUP", "state FAULT", "state", "state BACKUP\n    state MASTER"][index % 5]
            let version = ["", "version 2", "version 3", "version 3\n    version 2"][index % 4]
            text += """
                vrrp_instance VI_\(index) {
                    \(state)
                    interface eth\(index % 8)
                    virtual_router_id \(index % 255 + 1)
                    priority \(index % 200 + 1)
                    \(version)
                    \(index % 7 == 3 ? "native_ipv6" : "")
                    unicast_src_ip 192.0.2.\(index % 250 + 1)
                    \(index % 11 == 5 ? "mcast_dst_ip 224.0.0.\(index % 200 + 20)" : "")
                    unicast_peer {
                        198.51.100.\(index % 250 + 1)
                        2001:db8:2::\(String(index, radix: 16))
                    }
                    track_script {
                        chk weight -10
                    }
                    virtual_ipaddress {
                        \(first) dev eth0
                        \(second) dev eth0
                    }
                    notify "/etc/keepalived/notify.sh VI_\(index)"
                }

                """
        }
        // A second definition of a name: keepalived skips it, and its block has no instance.
        return text + "vrrp_instance VI_7 {\n    priority 50\n}\n"
    }

    static func assertSameFacts(_ overlapped: LintNode, _ sequential: LintNode) {
        let one = overlapped.facts, other = sequential.facts
        #expect(one.instances.first.map { Array($0.marks) } == other.instances.first.map { Array($0.marks) }, "marks")
        #expect(one.instances.first?.marks.count == overlapped.bound.tree.statements.count, "a mark a statement")
        #expect(one.keywords.rows.map(\.row.name) == other.keywords.rows.map(\.row.name), "keyword index rows")
        #expect(one.scripts.map(\.commandWord.text) == other.scripts.map(\.commandWord.text), "scripts")
        #expect(one.instances.count == other.instances.count, "instances")
        for (a, b) in zip(one.instances, other.instances) {
            let name = overlapped.model.instances[a.index].name
            guard a.index == b.index, a.block == b.block, a.statementRange == b.statementRange, a.family == b.family,
                a.skipped.map(\.word.text) == b.skipped.map(\.word.text), a.skipped.map(\.keyword) == b.skipped.map(\.keyword),
                a.versionLines.map(\.statement) == b.versionLines.map(\.statement),
                a.versionLines.map(\.ignored) == b.versionLines.map(\.ignored),
                a.virtualAddresses == b.virtualAddresses, a.unicastPeers == b.unicastPeers,
                a.sourceAddress == b.sourceAddress, a.sourceAddresses == b.sourceAddresses,
                a.multicastDestination == b.multicastDestination, a.stateLines.map(\.statement) == b.stateLines.map(\.statement),
                a.stateLines.map(\.after) == b.stateLines.map(\.after), a.nativeIPv6Ignored == b.nativeIPv6Ignored,
                a.familyWord?.origin == b.familyWord?.origin, a.familyKeyword == b.familyKeyword,
                a.effectiveVersion(overlapped.model) == b.effectiveVersion(sequential.model),
                a.initialState(overlapped.model) == b.initialState(sequential.model)
            else {
                Issue.record("instance \(name): facts differ")
                return
            }
        }
    }

    @Test func largeFileFactsMatchTheOneThreadFacts() {
        let text = Self.config(instances: 1200)
        #expect(text.utf8.count > AnalysisPipeline.standard.minimumBytes, "large enough to be bound beside the expansion")
        let files = InMemoryFileSystem(files: ["/k.conf": text])
        let overlapped = FleetAnalysis.lintNodes(
            paths: ["/k.conf"], options: ExpansionOptions(), fileSystem: files, target: .checked, workers: 1)
        let analysis = Analyzer.analyze(path: "/k.conf", options: ExpansionOptions(), fileSystem: files, pipeline: .sequential)
        let sequential = LintNode(analysis, target: .checked)
        #expect(overlapped.count == 1)
        guard let node = overlapped.first else { return }
        #expect(node.facts.tree.prepared == nil, "the prepared facts are not kept beside the instances")
        #expect(node.model.instances.count == 1200)
        #expect(node.instanceBlocks == sequential.instanceBlocks)
        Self.assertSameFacts(node, sequential)
        let options = LintOptions()
        let findings = LintEngine().run(nodes: overlapped, options: options).diagnostics
        let expected = LintEngine().run([analysis], options: options).diagnostics
        #expect(findings == expected)
        #expect(findings.contains { $0.rule.code == SemanticRules.duplicateName.code })
    }

    /// A small file is analysed on one thread; its facts are derived after, the same way.
    @Test func smallFileFactsMatchToo() {
        let text = Self.config(instances: 12)
        let files = InMemoryFileSystem(files: ["/s.conf": text])
        let nodes = FleetAnalysis.lintNodes(paths: ["/s.conf"], options: ExpansionOptions(), fileSystem: files, target: .checked)
        let sequential = LintNode(Analyzer.analyze(path: "/s.conf", options: ExpansionOptions(), fileSystem: files), target: .checked)
        guard let node = nodes.first else {
            Issue.record("no node")
            return
        }
        Self.assertSameFacts(node, sequential)
    }

    /// Without the blocks the model builder records (a `BindResult` made elsewhere, or instances
    /// edited after the build), each instance's facts are found by its name: the same facts.
    @Test func factsWithoutRecordedBlocksLookTheNamesUp() {
        let analysis = Analyzer.analyze(path: "/r.conf", text: Self.config(instances: 40))
        #expect(analysis.bound.instanceBlocks.count == 40)
        var unrecorded = analysis
        unrecorded.bound.instanceBlocks = []
        let recorded = LintNode(analysis, target: .checked)
        let looked = LintNode(unrecorded, target: .checked)
        #expect(looked.facts.instances.allSatisfy { $0.block != nil })
        Self.assertSameFacts(looked, recorded)
    }

    /// Several large files on the fleet's workers: each node's facts are its own.
    @Test func largeFilesOnSeveralWorkers() {
        let texts = (0..<3).map { Self.config(instances: 1100 + $0) }
        var map: [String: String] = [:]
        for (index, text) in texts.enumerated() { map["/n\(index).conf"] = text }
        let files = InMemoryFileSystem(files: map)
        let paths = (0..<3).map { "/n\($0).conf" }
        let nodes = FleetAnalysis.lintNodes(paths: paths, options: ExpansionOptions(), fileSystem: files, target: .checked, workers: 3)
        #expect(nodes.map(\.model.instances.count) == [1100, 1101, 1102])
        for (node, path) in zip(nodes, paths) {
            let sequential = LintNode(
                Analyzer.analyze(path: path, options: ExpansionOptions(), fileSystem: files, pipeline: .sequential), target: .checked)
            Self.assertSameFacts(node, sequential)
        }
    }
}
