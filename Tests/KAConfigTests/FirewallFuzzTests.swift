import Testing
@testable import KAConfig
@testable import KALint

/// Garbled and hostile rulesets: parsing and checking must finish, quickly, without crashing.
@Suite struct FirewallFuzzTests {
    private static let needs: [(VRRPTrafficNeed, String?)] = [
        (FirewallFixture.multicast(), "192.0.2.2"),
        (FirewallFixture.multicast(interface: nil), nil),
        (FirewallFixture.multicast(family: .ipv6), nil),
        (FirewallFixture.unicast(interface: nil, peers: ["192.0.2.2", "not-an-address"], local: nil), nil),
    ]

    private static func check(_ text: String) {
        let ruleset = FirewallRuleset.parse(text)
        for (need, peer) in needs {
            let verdict = ruleset.verdict(for: need, peer: peer)
            #expect(!verdict.reason.isEmpty)
        }
    }

    @Test func mutatedFixturesNeverCrash() throws {
        var random = SplitMix(state: 0x5EED)
        let alphabet = Array("{};,\"'\\#!-*:/ \n\tipvrrjumpgoto@$=.0123456789abcdef")
        for name in ["firewalld-vrrp.nft", "ubuntu-ufw.iptables", "raw-and-v6.iptables", "ipv6-multicast.nft"] {
            let original = Array(try FirewallFixture.text(name))
            for _ in 0..<60 {
                var text = original
                for _ in 0..<Int.random(in: 1...12, using: &random) {
                    let at = Int.random(in: 0..<text.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: text[at] = alphabet.randomElement(using: &random) ?? " "
                    case 1: text.remove(at: at)
                    default:
                        let end = min(text.count, at + Int.random(in: 1...40, using: &random))
                        text.insert(contentsOf: text[at..<end], at: Int.random(in: 0..<text.count, using: &random))
                    }
                }
                Self.check(String(text))
            }
        }
    }

    @Test func randomBytesNeverCrash() {
        var random = SplitMix(state: 42)
        for _ in 0..<300 {
            let count = Int.random(in: 0..<400, using: &random)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            Self.check(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func truncationsNeverCrash() throws {
        for name in ["firewalld.nft", "unicast-one-peer.iptables"] {
            let text = try FirewallFixture.text(name)
            for cut in stride(from: 0, through: text.count, by: 7) { Self.check(String(text.prefix(cut))) }
        }
    }

    @Test func jumpLoopsEnd() {
        let nft = "table ip t { chain input { type filter hook input priority 0; jump a; }\n chain a { jump b }\n chain b { jump a } }"
        let verdict = FirewallRuleset.parse(nft).verdict(for: FirewallFixture.multicast(), peer: nil)
        #expect(verdict.accepted)
        #expect(verdict.reason.contains("jumps deeper than"))
        let ipt = "*filter\n:INPUT DROP [0:0]\n:A - [0:0]\n-A INPUT -j A\n-A A -j A\nCOMMIT\n"
        #expect(!FirewallRuleset.parse(ipt).verdict(for: FirewallFixture.multicast(), peer: nil).accepted)
    }

    @Test func manyUnknownInterfaceQuestionsStayBounded() {
        // 400 rules each asking about a different interface, checked for an instance without one.
        var lines = ["*filter", ":INPUT ACCEPT [0:0]"]
        for index in 0..<400 { lines.append("-A INPUT -i eth\(index) -s 192.0.\(index % 256).0/24 -j DROP") }
        lines.append("COMMIT")
        let clock = ContinuousClock()
        let start = clock.now
        let verdict = FirewallRuleset.parse(lines.joined(separator: "\n"))
            .verdict(for: FirewallFixture.multicast(interface: nil), peer: nil)
        #expect(clock.now - start < .seconds(20))
        #expect(!verdict.accepted)
        #expect(verdict.reason.contains("when the input interface is"))
    }

    @Test func largeRulesetsAreFast() {
        // The shape of a kube-proxy host: thousands of TCP rules before the VRRP one.
        var lines = ["*filter", ":INPUT DROP [0:0]"]
        for index in 0..<5_000 {
            lines.append("-A INPUT -d 10.96.\(index / 256 % 256).\(index % 256)/32 -p tcp -m tcp --dport 443 -j ACCEPT")
        }
        lines += ["-A INPUT -p vrrp -j ACCEPT", "COMMIT"]
        let clock = ContinuousClock()
        let start = clock.now
        let verdict = FirewallRuleset.parse(lines.joined(separator: "\n")).verdict(for: FirewallFixture.multicast(), peer: nil)
        #expect(verdict.accepted && verdict.line == 5_003)
        // Linear work; the bound is loose because test machines are shared and this is a debug build.
        #expect(clock.now - start < .seconds(30))
    }
}
