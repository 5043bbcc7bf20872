import Testing
@testable import KAConfig

/// `virtual_server` / `real_server` headers as keepalived 2.2.7's alloc_vs() / alloc_rs() read
/// them: an unreadable one skips the whole block (issue 16's realworld-2 divergence).
struct ServerHeaderTests {
    @Test func headersKeepalivedReads() {
        for words in [
            ["virtual_server", "192.0.2.1", "80"], ["virtual_server", "192.0.2.1"], ["virtual_server", "192.0.2.1", "0"],
            ["virtual_server", "192.0.2.1", "000"], ["virtual_server", "192.0.2.1/24", "443"], ["virtual_server", "192.0.2.1-9", "80"],
            ["virtual_server", "2001:db8::1", "443"], ["virtual_server", "2001:db8::1-9", "443"], ["virtual_server", "fwmark", "4294967295"],
            ["virtual_server", "group", "anything"], ["real_server", "192.0.2.10", "+80"], ["real_server", "192.0.2.10", "65535"],
        ] {
            #expect(!ServerHeader.keepalivedSkips(words), "\(words)")
        }
    }

    @Test func headersKeepalivedSkips() {
        for words in [
            ["virtual_server", "vip.example", "80"], ["virtual_server", "192.0.2.1", "65536"], ["virtual_server", "192.0.2.1", "http"],
            ["virtual_server", "192.0.2.1", "-1"], ["virtual_server", "192.0.2.1", "8o"], ["virtual_server", "fwmark", "4294967296"],
            ["virtual_server", "fwmark", "x"], ["real_server", "192.0.2.300", "80"], ["real_server", "fakeIP1", "80"],
            ["real_server", "192.0.2.10", "99999"], ["real_server", "192.0.2.10", " 0"],
        ] {
            #expect(ServerHeader.keepalivedSkips(words), "\(words)")
        }
    }

    /// The skipped blocks leave the model, and nothing inside them is reported.
    @Test func skippedServersAreNotInTheModel() {
        let text = """
            virtual_server 192.0.2.1 80 {
                real_server 192.0.2.10 80 {
                    TCP_CHECK {
                        connect_timeout 3
                    }
                }
                real_server 192.0.2.11 99999 {
                    zzz 1
                }
            }
            virtual_server placeholder 80 {
                yyy 2
            }
            """
        let node = Analyzer.analyze(path: "lvs.conf", text: text)
        #expect(node.model.virtualServers.count == 1)
        #expect(node.model.virtualServers.first?.realServers.map(\.address.description) == ["192.0.2.10"])
        let unknown = node.frontEndDiagnostics.filter { $0.rule == SemanticRules.unknownKeyword }
        #expect(unknown.isEmpty, "\(unknown.map(\.message))")
        #expect(node.frontEndDiagnostics.contains { $0.rule == SemanticRules.invalidAddress && $0.line == 11 })
    }
}
