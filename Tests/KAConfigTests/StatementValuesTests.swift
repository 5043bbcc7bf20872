import Foundation
import Testing
@testable import KAConfig

/// A statement stores no typed values: `values` reads them from its words when asked, as the
/// argument checker read them at binding (which alone reports).
@Suite struct StatementValuesTests {
    static func statement(_ keyword: String, in text: String) throws -> BoundStatement {
        let result = BinderTestSupport.bind(text)
        return try #require(result.tree.statements.first { $0.keyword == keyword }, "\(keyword) not bound")
    }

    static func instance(_ body: String) -> String {
        "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 7\n\(body)\n}\n"
    }

    @Test func valueLinesReadAsTheCheckerReadsThem() throws {
        #expect(try Self.statement("priority", in: Self.instance("    priority 150")).values.map { $0 } == [.number(150)])
        // Rejected words read nil: out of range, not a number, the wrong case of a choice.
        #expect(try Self.statement("priority", in: Self.instance("    priority 300")).values.map { $0 } == [nil])
        #expect(try Self.statement("priority", in: Self.instance("    priority 1o0")).values.map { $0 } == [nil])
        #expect(try Self.statement("state", in: Self.instance("    state MASTER")).values.map { $0 } == [.word("MASTER")])
        #expect(try Self.statement("state", in: Self.instance("    state master")).values.map { $0 } == [nil])
        // Words past the last argument read as text, one value each.
        let extra = try Self.statement("interface", in: "vrrp_instance VI_1 {\n    interface eth0 eth1\n}\n")
        #expect(extra.values.map { $0 } == [.word("eth0"), .word("eth1")])
        // A clamped number reads as the bound keepalived uses.
        #expect(try Self.statement("vrrp_rt_priority", in: "global_defs {\n    vrrp_rt_priority 150\n}\n").value(0) == .number(99))
        #expect(try Self.statement("unicast_src_ip", in: Self.instance("    unicast_src_ip 192.0.2.1")).value(0)
            == .address(IPAddress("192.0.2.1")))
        #expect(try Self.statement("unicast_src_ip", in: Self.instance("    unicast_src_ip 192.0.2.300")).value(0) == nil)
    }

    @Test func scriptsAndHeaderlessValueBlocksHaveNoValues() throws {
        let notify = try Self.statement("notify_master", in: Self.instance("    notify_master \"/bin/echo a b\""))
        #expect(notify.values.isEmpty && notify.value(0) == nil)
        let addresses = try Self.statement("virtual_ipaddress", in: Self.instance("    virtual_ipaddress {\n        192.0.2.9/24\n    }"))
        #expect(addresses.values.isEmpty)
    }

    @Test func blocksReadTheirHeaderAsTheirHandlerDoes() throws {
        // Handlers that read their own header: the words as text, unchecked.
        #expect(try Self.statement("vrrp_instance", in: Self.instance("")).values.map { $0 } == [.word("VI_1")])
        let server = try Self.statement("virtual_server", in: "virtual_server 192.0.2.10 80 {\n    lb_kind NAT\n}\n")
        #expect(server.values.map { $0 } == [.word("192.0.2.10"), .word("80")])
        let real = try Self.statement(
            "real_server", in: "virtual_server 192.0.2.10 80 {\n    real_server 192.0.2.20 8080 {\n    }\n}\n")
        #expect(real.values.map { $0 } == [.word("192.0.2.20"), .word("8080")])
        #expect(real.row.valueReading == .words)
        // Other blocks are checked word by word.
        let script = try Self.statement("vrrp_script", in: "vrrp_script chk {\n    script /bin/true\n}\n")
        #expect(script.row.valueReading == .checked)
        #expect(script.values.map { $0 } == [.word("chk")])
    }

    /// Over the corpus: a checked word reads nil exactly where the binder reported it.
    @Test func aValueIsNilExactlyWhereTheBinderReportedItsWord() {
        let valueRules: Set<String> = [
            SemanticRules.invalidNumber, SemanticRules.trailingJunk, SemanticRules.valueOutOfRange,
            SemanticRules.invalidAddress, SemanticRules.invalidValue, SemanticRules.wrongCase,
        ].reduce(into: []) { $0.insert($1.code) }
        var checkedWords = 0
        var rejected = 0
        for file in CorpusFiles.all() {
            let config = Expander.expand(path: file.path, options: ExpansionOptions(), fileSystem: LocalFileSystem())
            let result = Binder.bind(config)
            var reported: [String: Int] = [:]
            for diagnostic in result.diagnostics where valueRules.contains(diagnostic.code) {
                reported["\(diagnostic.file):\(diagnostic.line):\(diagnostic.column)", default: 0] += 1
            }
            // Words that substitution made share their origin: those places are left out.
            var wordsAt: [String: Int] = [:]
            for statement in result.tree.statements {
                for word in statement.words { wordsAt[Self.place(word), default: 0] += 1 }
            }
            for statement in result.tree.statements where statement.row.valueReading == .checked {
                for (position, value) in statement.values.enumerated() {
                    let word = statement.words[position + 1]
                    guard statement.row.argumentIndex(position) != nil, wordsAt[Self.place(word)] == 1 else { continue }
                    checkedWords += 1
                    let wasReported = reported[Self.place(word)] != nil
                    if value == nil { rejected += 1 }
                    #expect(
                        (value == nil) == wasReported,
                        "\(file.lastPathComponent): '\(statement.keyword)' word '\(word.text)' reads \(String(describing: value)), reported: \(wasReported)")
                }
            }
        }
        #expect(checkedWords > 3_000)
        #expect(rejected > 20, "the corpus's malformed files reject values")
    }

    static func place(_ word: ExpandedWord) -> String {
        "\(word.origin.file):\(word.origin.line):\(word.origin.column)"
    }
}
