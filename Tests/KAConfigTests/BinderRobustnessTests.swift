import Testing
@testable import KAConfig

/// Bad input never crashes and never hangs: random mixes of keywords, braces, quotes and junk.
@Suite struct BinderRobustnessTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let pieces = [
        "vrrp_instance", "VI", "{", "}", "{ }", "virtual_ipaddress", "192.0.2.1/24", "priority", "300", "advert_int",
        "1s", "state", "Master", "track_script", "chk", "vrrp_script", "\"", "\"a b\"", "notify", "'x", "\\", "global_defs",
        "virtual_server", "real_server", "fwmark", "TCP_CHECK", "url", "2001:db8::1", "::::", "-1",
        "99999999999999999999999", "0.0000001", "weight", "-254", "unicast_peer", "authentication", "auth_pass",
        "static_routes", "vrrp_sync_group", "group", "garp_group", "interfaces", "@x", "$X", "~SEQ(i,3)",
    ]

    @Test func randomConfigsBindWithoutCrashing() {
        var generator = Generator(state: 42)
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<generator.next(40) {
                for _ in 0..<generator.next(5) + 1 {
                    text += Self.pieces[generator.next(Self.pieces.count)] + " "
                }
                text += "\n"
            }
            let result = BinderTestSupport.bind(text)
            _ = ModelJSON.encode(result.model)
            #expect(result.diagnostics.allSatisfy { $0.line >= 1 })
        }
    }
}
