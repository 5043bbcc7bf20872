import Testing
@testable import KAConfig
@testable import KALint

/// The readers behind the KA240–KA250 rules, on the edge cases keepalived 2.2.7's parsers decide.
@Suite struct KeepalivedChecksTests {
    static func words(_ text: String) -> [ExpandedWord] {
        text.split(separator: " ").enumerated().map { index, word in
            ExpandedWord(text: String(word), origin: Origin(file: "t.conf", line: 1, column: index * 10 + 1))
        }
    }

    @Test func routeWordsFindAddressesAndKeywords() {
        let route = RouteEntryWords(kind: .route, words: Self.words("src 192.0.2.1 198.51.100.0/24 gw 192.0.2.254 table 100 dev eth0.10"))
        #expect(route.addresses.map(\.word.text) == ["192.0.2.1", "198.51.100.0/24", "192.0.2.254"])
        #expect(route.deprecated.map(\.text) == ["gw"])
        #expect(route.keywords.contains("dev"))
        #expect(route.invalidAddresses.isEmpty)
        // A gateway takes no prefix; a destination does.
        let bad = RouteEntryWords(kind: .route, words: Self.words("198.51.100./24 via 192.0.2.254/24"))
        #expect(bad.invalidAddresses.map(\.text) == ["198.51.100./24", "192.0.2.254/24"])
        // A dev inside a nexthop does not make the route trackable.
        let hops = RouteEntryWords(kind: .route, words: Self.words("blackhole 203.0.113.0/24 nexthop via 192.0.2.1 dev eth0"))
        #expect(!hops.keywords.contains("dev"))
        #expect(hops.addresses.map(\.word.text) == ["203.0.113.0/24"])
    }

    @Test func ruleWordsReadFromAndTo() {
        let rule = RouteEntryWords(kind: .rule, words: Self.words("from default to 198.51.100./24 table 2"))
        #expect(rule.invalidAddresses.map(\.text) == ["198.51.100./24"])
        #expect(!rule.keywords.contains("preference"))
        let good = RouteEntryWords(kind: .rule, words: Self.words("from 2001:db8::/32 lookup 5 priority 10"))
        #expect(good.invalidAddresses.isEmpty && good.keywords.contains("priority"))
    }

    @Test func statusCodesAsKeepalivedReadsThem() {
        for valid in ["200", "100", "599", "200-299", "301-301"] { #expect(HTTPStatusCodeRule.isValid(valid), "\(valid)") }
        for invalid in ["999", "99", "299-200", "2xx", "", "200-", "-200", "200-600"] {
            #expect(!HTTPStatusCodeRule.isValid(invalid), "\(invalid)")
        }
    }

    @Test func servicePorts() {
        for valid in ["1", "80", "65535", "0", "000"] { #expect(ServicePortRule.isValid(valid), "\(valid)") }
        for invalid in ["65536", "99999", "http", "-1", "8o"] { #expect(!ServicePortRule.isValid(invalid), "\(invalid)") }
    }

    /// keepalived's inet_stosockaddr() drops a /MASK or -RANGE suffix of unicast addresses.
    @Test func unicastAddressesKeepTheirAddressPart() {
        #expect(IPAddress(socketAddress: "192.0.2.1/24") == IPAddress("192.0.2.1"))
        #expect(IPAddress(socketAddress: "192.0.2.1-9") == IPAddress("192.0.2.1"))
        #expect(IPAddress(socketAddress: "2001:db8::1/64") == IPAddress("2001:db8::1"))
        #expect(IPAddress(socketAddress: "192.0.2.300/24") == nil)
        let text = """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                unicast_src_ip 192.0.2.11/24
                unicast_peer {
                    192.0.2.12/24
                }
                virtual_ipaddress {
                    192.0.2.10/24
                }
            }
            """
        let node = Analyzer.analyze(path: "u.conf", text: text, fileSystem: InMemoryFileSystem(files: [:]))
        let findings = LintEngine().run([node]).diagnostics.filter { $0.severity >= .warning }
        #expect(!findings.contains { $0.code == "KA214" }, "\(findings.map(\.message))")
        #expect(node.model.instances.first?.unicastPeers.map(\.address) == [IPAddress("192.0.2.12")])
    }
}
