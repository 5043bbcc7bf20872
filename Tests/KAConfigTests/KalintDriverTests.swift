import Testing
@testable import KAConfig
@testable import KALint

/// kalint's command-line behaviour through its pure driver: exit codes, formats, views, fixes.
@Suite struct KalintDriverTests {
    static let clean = """
        vrrp_instance VI_1 {
            state BACKUP
            interface eth0
            virtual_router_id 51
            priority 100
            advert_int 1
            virtual_ipaddress {
                192.0.2.10/24
            }
        }

        """
    static let broken = """
        vrrp_instance VI_1 {
            state Master
            interface eth0
            virtual_router_id 51
            prority 100
            virtual_ipaddress {
                192.0.2.10/24
            }
        }

        """

    static func run(_ request: KalintRequest, files: [String: String]) -> KalintResponse {
        KalintDriver.run(request, fileSystem: InMemoryFileSystem(files: files))
    }

    /// The request's expansion caps reach the expansion (the fuzz targets lower them), while
    /// the request's config id still applies.
    @Test func requestCapsReachTheExpansion() {
        let files = [
            "/c/a.conf": String(repeating: "include l.conf\n", count: 10),
            "/c/b.conf": String(repeating: "@x include l.conf\n", count: 10), "/c/l.conf": "x\n",
        ]
        var request = KalintRequest(files: ["/c/a.conf"], format: "json")
        #expect(!Self.run(request, files: files).stdout.contains("files were opened"))
        request.expansionCaps = ExpansionOptions(maxFileOpens: 5)
        #expect(Self.run(request, files: files).stdout.contains("5 files were opened"))
        request = KalintRequest(files: ["/c/b.conf"], format: "json", configID: "x")
        request.expansionCaps = ExpansionOptions(configID: "other", maxFileOpens: 5)
        #expect(Self.run(request, files: files).stdout.contains("5 files were opened"))
    }

    @Test func cleanFileExitsZeroWithSummary() {
        let response = Self.run(KalintRequest(files: ["/c/a.conf"]), files: ["/c/a.conf": Self.clean])
        #expect(response.status == 0)
        #expect(response.stdout.contains("kalint: 1 file, 1 instance, 0 clusters; 0 errors, 0 warnings, 1 info"))
    }

    @Test func findingsExitOneAndPointAtTheLine() {
        let response = Self.run(KalintRequest(files: ["/c/a.conf"]), files: ["/c/a.conf": Self.broken])
        #expect(response.status == 1)
        #expect(response.stdout.contains("/c/a.conf:2:11: error:"))
        #expect(response.stdout.contains("/c/a.conf:5:5: error:"))
        #expect(response.stdout.contains("priority"), "did-you-mean for 'prority'")
    }

    @Test func unreadableInputAndUsageExitTwo() {
        #expect(Self.run(KalintRequest(files: ["/nope.conf"]), files: [:]).status == 2)
        #expect(Self.run(KalintRequest(files: []), files: [:]).status == 2)
        #expect(Self.run(KalintRequest(files: ["/c/a.conf"], format: "xml"), files: ["/c/a.conf": Self.clean]).status == 2)
        #expect(Self.run(KalintRequest(files: ["/c/a.conf"], failOn: "fatal"), files: ["/c/a.conf": Self.clean]).status == 2)
        #expect(Self.run(KalintRequest(files: ["/c/a.conf"], emit: "ast"), files: ["/c/a.conf": Self.clean]).status == 2)
    }

    @Test func failOnThreshold() {
        let text = Self.clean.replacingOccurrences("priority 100", with: "priority 100 extra")
        let warningsOnly = Self.run(KalintRequest(files: ["/c/a.conf"]), files: ["/c/a.conf": text])
        #expect(warningsOnly.stdout.contains("warning:"))
        #expect(warningsOnly.status == 0)
        let strict = Self.run(KalintRequest(files: ["/c/a.conf"], failOn: "warning"), files: ["/c/a.conf": text])
        #expect(strict.status == 1)
    }

    @Test func jsonFormatHasTheContractFields() {
        let response = Self.run(KalintRequest(files: ["/c/a.conf"], format: "json"), files: ["/c/a.conf": Self.broken])
        for key in ["\"code\":", "\"rule\":", "\"severity\":", "\"message\":", "\"file\":", "\"line\":", "\"column\":", "\"endLine\":", "\"endColumn\":", "\"related\":"] {
            #expect(response.stdout.contains(key), "missing \(key)")
        }
        #expect(response.stdout.hasPrefix("{\"diagnostics\":["))
    }

    @Test func disableAndEnableOnly() {
        let all = Self.run(KalintRequest(files: ["/c/a.conf"], format: "json"), files: ["/c/a.conf": Self.broken])
        #expect(all.stdout.contains("unknown-keyword"))
        let disabled = Self.run(
            KalintRequest(files: ["/c/a.conf"], format: "json", disable: ["unknown-keyword"]), files: ["/c/a.conf": Self.broken])
        #expect(!disabled.stdout.contains("\"unknown-keyword\""))
        let only = Self.run(
            KalintRequest(files: ["/c/a.conf"], format: "json", enableOnly: ["KA201"]), files: ["/c/a.conf": Self.broken])
        #expect(only.stdout.contains("\"unknown-keyword\""))
        #expect(!only.stdout.contains("\"code\":\"KA204\""))
    }

    @Test func inlineSuppression() {
        let text = Self.broken.replacingOccurrences("    prority 100", with: "    # kalint disable=unknown-keyword\n    prority 100")
        let response = Self.run(KalintRequest(files: ["/c/a.conf"], format: "json"), files: ["/c/a.conf": text])
        #expect(!response.stdout.contains("\"unknown-keyword\""))
    }

    @Test func emitViews() {
        let files = ["/c/a.conf": Self.clean]
        let source = Self.run(KalintRequest(files: ["/c/a.conf"], emit: "source"), files: files)
        #expect(source.rawStdout == Array(Self.clean.utf8))
        let tokens = Self.run(KalintRequest(files: ["/c/a.conf"], emit: "tokens"), files: files)
        #expect(tokens.stdout.contains("\"kind\":\"word\""))
        let tree = Self.run(KalintRequest(files: ["/c/a.conf"], emit: "tree"), files: files)
        #expect(tree.stdout.contains("\"words\":[\"vrrp_instance\",\"VI_1\"]"))
        let model = Self.run(KalintRequest(files: ["/c/a.conf"], emit: "model"), files: files)
        #expect(model.stdout.contains("VI_1"))
        #expect(!model.stdout.contains("/c/a.conf"), "the model view carries no source locations")
        #expect(Self.run(KalintRequest(files: ["/c/a.conf", "/c/a.conf"], emit: "model"), files: files).status == 2)
    }

    @Test func modelIsIndependentOfLayout() {
        let compact = "vrrp_instance VI_1 { state BACKUP\ninterface eth0\nvirtual_router_id 51\npriority 100\nadvert_int 1\nvirtual_ipaddress { 192.0.2.10/24 } }\n"
        let first = Self.run(KalintRequest(files: ["/c/a.conf"], emit: "model"), files: ["/c/a.conf": Self.clean])
        let second = Self.run(KalintRequest(files: ["/d/b.conf"], emit: "model"), files: ["/d/b.conf": "# other layout\n" + compact])
        #expect(first.stdout == second.stdout)
    }

    @Test func fixRewritesWrongCaseOnly() {
        let fixed = Self.run(KalintRequest(files: ["/c/a.conf"], fix: true), files: ["/c/a.conf": Self.broken])
        #expect(fixed.writes.count == 1)
        let text = fixed.writes.first.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        #expect(text.contains("state MASTER"))
        #expect(text.replacingOccurrences("state MASTER", with: "state Master") == Self.broken)
        let diff = Self.run(KalintRequest(files: ["/c/a.conf"], fix: true, diff: true), files: ["/c/a.conf": Self.broken])
        #expect(diff.writes.isEmpty)
        #expect(diff.stdout.contains("-    state Master\n+    state MASTER"))
    }

    @Test func listRulesAndExplain() {
        let list = KalintDriver.run(KalintRequest(files: [], listRules: true), fileSystem: InMemoryFileSystem(files: [:]))
        #expect(list.status == 0)
        #expect(list.stdout.contains("KA201  unknown-keyword"))
        #expect(list.stdout.contains("KA308  failover-impossible"))
        let explain = KalintDriver.run(KalintRequest(files: [], explain: "KA222"), fileSystem: InMemoryFileSystem(files: [:]))
        #expect(explain.stdout.hasPrefix("# auth-pass-length (KA222)"))
        #expect(KalintDriver.run(KalintRequest(files: [], explain: "nope"), fileSystem: InMemoryFileSystem(files: [:])).status == 2)
    }

    @Test func targetVersionReportsNewerKeywords() {
        let text = Self.clean.replacingOccurrences("    advert_int 1\n", with: "    advert_int 1\n    version 3\n")
        let old = Self.run(
            KalintRequest(files: ["/c/a.conf"], format: "json", targetVersion: "1.2.0"), files: ["/c/a.conf": text])
        #expect(old.stdout.contains("\"keyword-too-new\""))
        #expect(old.stdout.contains("'version' needs keepalived 1.2.17"))
        let current = Self.run(
            KalintRequest(files: ["/c/a.conf"], format: "json", targetVersion: "2.2.7"), files: ["/c/a.conf": text])
        #expect(!current.stdout.contains("\"keyword-too-new\""))
    }

    @Test func sarifAndGithubFormats() {
        let sarif = Self.run(KalintRequest(files: ["/c/a.conf"], format: "sarif"), files: ["/c/a.conf": Self.broken])
        #expect(sarif.stdout.contains("\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\""))
        #expect(sarif.stdout.contains("\"ruleId\":\"KA201\""))
        #expect(sarif.stdout.contains("\"uri\":\"/c/a.conf\""))
        #expect(sarif.status == 1)
        let github = Self.run(KalintRequest(files: ["/c/a.conf"], format: "github"), files: ["/c/a.conf": Self.broken])
        #expect(github.stdout.contains("::error file=/c/a.conf,line=5,col=5,"))
        #expect(!github.stdout.contains("kalint: 1 file"), "no human summary in machine formats")
    }

    @Test func firewallRulesetIsChecked() {
        let dropAll = "table inet filter {\n\tchain input {\n\t\ttype filter hook input priority filter; policy drop;\n\t\ttcp dport 22 accept\n\t}\n}\n"
        let files = ["/c/a.conf": Self.clean, "/c/rules.nft": dropAll]
        let dropped = Self.run(KalintRequest(files: ["/c/a.conf"], format: "json", firewall: "/c/rules.nft"), files: files)
        #expect(dropped.stdout.contains("\"firewall-missing\""))
        #expect(dropped.stdout.contains("\"file\":\"/c/rules.nft\",\"line\":3"))
        #expect(dropped.status == 1)
        let allowing = dropAll.replacingOccurrences("\t\ttcp dport 22 accept\n", with: "\t\ttcp dport 22 accept\n\t\tip protocol vrrp accept\n")
        let accepted = Self.run(
            KalintRequest(files: ["/c/a.conf"], format: "json", firewall: "/c/rules.nft"), files: ["/c/a.conf": Self.clean, "/c/rules.nft": allowing])
        #expect(!accepted.stdout.contains("\"firewall-missing\""))
        let suppressed = Self.run(
            KalintRequest(files: ["/c/a.conf"], format: "json", firewall: "/c/rules.nft"),
            files: ["/c/a.conf": "# kalint disable-file=firewall-missing\n" + Self.clean, "/c/rules.nft": dropAll])
        #expect(!suppressed.stdout.contains("\"firewall-missing\""))
        #expect(Self.run(KalintRequest(files: ["/c/a.conf"], firewall: "/c/none.nft"), files: files).status == 2)
    }

    @Test func configIDSelectsConditionalLines() {
        let text = Self.clean.replacingOccurrences("    priority 100\n", with: "    @main priority 200\n    @^main priority 100\n")
        let main = Self.run(KalintRequest(files: ["/c/a.conf"], configID: "main", emit: "model"), files: ["/c/a.conf": text])
        let other = Self.run(KalintRequest(files: ["/c/a.conf"], configID: "backup", emit: "model"), files: ["/c/a.conf": text])
        #expect(main.stdout.contains("200"))
        #expect(!other.stdout.contains("200"))
    }
}

extension String {
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        replacing(target, with: replacement)
    }
}
