import Testing
@testable import KAConfig
@testable import KALint

@Suite struct LintSupportTests {
    @Test func suppressionOnLineAndLineBefore() {
        let text = "# kalint disable=auth-pass-length\nauth_pass abcdefghij\nauth_pass x # kalint disable=KA203,unknown-keyword\nfoo\n# kalint disable-file=vrid-range\n"
        let tree = Parser.parse(path: "a.conf", text: text)
        let suppressions = Suppressions(files: [ExpandedFile(tree, keepingTree: false)])
        func diagnostic(_ slug: String, _ code: String, line: Int) -> Diagnostic {
            Diagnostic(
                DiagnosticRule(code: code, slug: slug, severity: .error, summary: ""), "m",
                at: SourceSpan(file: "a.conf", start: SourceLocation(line: line, column: 1), end: SourceLocation(line: line, column: 2)))
        }
        #expect(suppressions.isSuppressed(diagnostic("auth-pass-length", "KA210", line: 2)))
        #expect(!suppressions.isSuppressed(diagnostic("auth-pass-length", "KA210", line: 3)))
        #expect(suppressions.isSuppressed(diagnostic("extra-arguments", "KA203", line: 3)))
        #expect(suppressions.isSuppressed(diagnostic("unknown-keyword", "KA201", line: 4)))
        #expect(!suppressions.isSuppressed(diagnostic("unknown-keyword", "KA201", line: 5)))
        #expect(suppressions.isSuppressed(diagnostic("vrid-range", "KA220", line: 1)))
        #expect(!suppressions.isSuppressed(diagnostic("other", "KA299", line: 1)))
    }

    /// The byte check that lets most comments skip parsing never turns away a directive that
    /// `parse` reads, and turns away comments that are not directives.
    @Test func directivePreCheckAgreesWithParse() {
        let comments = [
            "# kalint disable=vrid-range", "#kalint disable=all", "!\t kalint disable-file=KA220", "##!! kalint disable=a",
            "# kalint", "# kalintdisable=x", "# instance 0 of the generated set", "#", "!", "# kal", "# Kalint disable=x",
            "# x kalint disable=a", "#\u{301}kalint disable=a", "# kalint disable=a\u{301}", "# café kalint",
        ]
        for comment in comments {
            let bytes = ArraySlice(Array(comment.utf8))
            if Suppressions.parse(comment) != nil { #expect(FileComment.mayBeLintDirective(bytes), "\(comment)") }
        }
        #expect(FileComment.mayBeLintDirective(ArraySlice(Array("# kalint disable=vrid-range".utf8))))
        #expect(!FileComment.mayBeLintDirective(ArraySlice(Array("# instance 0 of the generated set".utf8))))
        #expect(!FileComment.mayBeLintDirective(ArraySlice(Array("#".utf8))))
        #expect(!FileComment.mayBeLintDirective(ArraySlice(Array("# x kalint disable=a".utf8))))
        // A slice that does not start at 0, as the comments of a file are.
        let file = Array("auth_pass x # kalint disable=KA203\n".utf8)
        #expect(FileComment.mayBeLintDirective(file[12..<34]))
    }

    @Test func fixApplierSkipsOverlaps() {
        let bytes = Array("state Master\n".utf8)
        let result = FixApplier.apply(
            [
                TextEdit(file: "f", range: 6..<12, replacement: "MASTER"),
                TextEdit(file: "f", range: 8..<10, replacement: "zz"),
                TextEdit(file: "f", range: 0..<5, replacement: "state"),
            ], to: bytes)
        #expect(String(decoding: result.bytes, as: UTF8.self) == "state MASTER\n")
        #expect(result.applied == 2)
        #expect(result.skipped == 1)
    }

    @Test func ruleDocumentationExamples() {
        let page = """
            # demo (KA999)
            ## Triggers
            ```keepalived
            a
            ```
            ```keepalived node1
            b
            ```
            ```keepalived node2
            c
            ```
            ## Does not trigger
            ### plain
            ```keepalived
            d
            ```
            """
        let docs = RuleDocumentation(slug: "demo", markdown: page)
        #expect(docs.triggering.map(\.files) == [["a\n"], ["b\n", "c\n"]])
        #expect(docs.clean.map(\.files) == [["d\n"]])
        #expect(docs.clean.first?.title == "plain")
    }

    @Test func renderersAgreeOnLocation() {
        let tree = Parser.parse(path: "n1.conf", text: "vrrp_instance X {\n  state \"MASTER\n}\n")
        let diagnostics = tree.diagnostics
        #expect(!diagnostics.isEmpty)
        let human = DiagnosticRenderer.render(diagnostics, format: .human, sources: ["n1.conf": tree.source])
        #expect(human.contains("n1.conf:2:9: error: "))
        #expect(human.contains("    ^"))
        let json = DiagnosticRenderer.render(diagnostics, format: .json)
        #expect(json.contains("\"line\":2,\"column\":9"))
        let sarif = DiagnosticRenderer.render(diagnostics, format: .sarif)
        #expect(sarif.contains("\"version\":\"2.1.0\""))
        #expect(sarif.contains("\"startLine\":2"))
        let github = DiagnosticRenderer.render(diagnostics, format: .github)
        #expect(github.hasPrefix("::error file=n1.conf,line=2,col=9"))
    }
}

@Suite struct ClusterMatcherTests {
    typealias Member = ClusterMatcher.Member

    @Test func vipOverlapWinsOverNames() {
        let members = [
            Member(node: 0, instance: 0, name: "VI_1", virtualRouterID: 10, addresses: ["192.0.2.1"]),
            Member(node: 1, instance: 0, name: "GW", virtualRouterID: 11, addresses: ["192.0.2.1", "192.0.2.2"]),
            Member(node: 0, instance: 1, name: "VI_2", virtualRouterID: 20, addresses: ["198.51.100.1"]),
            Member(node: 1, instance: 1, name: "VI_2", virtualRouterID: 20, addresses: []),
            Member(node: 2, instance: 0, name: "lonely", virtualRouterID: 30, addresses: ["203.0.113.9"]),
        ]
        let clusters = ClusterMatcher.clusters(members)
        #expect(clusters.count == 2)
        #expect(clusters[0].map(\.name) == ["VI_1", "GW"])
        #expect(clusters[1].map(\.name) == ["VI_2", "VI_2"])
    }

    @Test func sameNodeInstancesAreNotACluster() {
        let members = [
            Member(node: 0, instance: 0, name: "A", virtualRouterID: 1, addresses: ["192.0.2.1"]),
            Member(node: 0, instance: 1, name: "A", virtualRouterID: 1, addresses: ["192.0.2.1"]),
        ]
        #expect(ClusterMatcher.clusters(members).isEmpty)
    }
}
