import KAConfig
import KAFormat
import KAJSON
import KALSP
import Testing

/// Formatting gives exactly kafmt's bytes (applied by the client, in UTF-16 positions, over
/// non-ASCII comments); code actions apply kalint's safe fix-its and write suppressions that
/// kalint then honours.
@Suite struct FormattingAndActionTests {
    static let messy = """
        ! Zürich 🚀 gateway — ü
        vrrp_instance VI_1 {
        state MASTER   # é 🚀 first
              interface eth0
          virtual_router_id 51
        priority 100 }



        vrrp_script chk {
        script "/bin/true"
        }
        """

    static let uri = "file:///nonexistent-kalsp-test/keepalived.conf"

    static func kafmt(_ text: String) -> String {
        String(decoding: Formatter.format(path: "x.conf", bytes: Array(text.utf8)).bytes!, as: UTF8.self)
    }

    @Test func formattingGivesKafmtsBytes() throws {
        var client = LSPTestClient()
        client.initialize()
        client.open(Self.uri, Self.messy)
        let edits = try #require(client.request("textDocument/formatting", Params.document(Self.uri))["result"]?.array)
        #expect(edits.count > 1, "line hunks, not one replacement of the file")
        #expect(ClientText.apply(edits, to: Self.messy) == Self.kafmt(Self.messy))
        // A formatted document needs no edits.
        client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(Self.uri), "version": 2],
            "contentChanges": [["text": .string(Self.kafmt(Self.messy))]],
        ])
        #expect(client.request("textDocument/formatting", Params.document(Self.uri))["result"] == [])
    }

    @Test func rangeFormattingTouchesOnlyTheRange() throws {
        var client = LSPTestClient()
        client.initialize()
        client.open(Self.uri, Self.messy)
        // Lines 3-4 (interface, virtual_router_id) only.
        let params: JSONValue = ["textDocument": ["uri": .string(Self.uri)], "range": Params.range(3, 0, 5, 0)]
        let edits = try #require(client.request("textDocument/rangeFormatting", params)["result"]?.array)
        let result = ClientText.apply(edits, to: Self.messy)
        let lines = result.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "state MASTER   # é 🚀 first", "before the range: untouched")
        #expect(lines[3] == "    interface eth0")
        #expect(lines[4] == "    virtual_router_id 51")
        #expect(lines[5] == "priority 100 }", "after the range: untouched")
        // Formatting the rest gives kafmt's file.
        client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(Self.uri), "version": 2], "contentChanges": [["text": .string(result)]],
        ])
        let rest = try #require(client.request("textDocument/formatting", Params.document(Self.uri))["result"]?.array)
        #expect(ClientText.apply(rest, to: result) == Self.kafmt(Self.messy))
    }

    @Test func aFileKafmtRefusesIsAnError() {
        var client = LSPTestClient()
        client.initialize()
        client.open(Self.uri, "vrrp_instance VI_1 {\n    state \"MASTER\n}\n")
        let response = client.request("textDocument/formatting", Params.document(Self.uri))
        #expect(response[path: "error", "code"] == -32803)
        #expect(response[path: "error", "message"]?.string?.hasPrefix("kafmt leaves this file as it is: 2:") == true)
    }

    static let longPass = """
        vrrp_instance VI_1 {
            state master
            interface eth0
            virtual_router_id 51
            authentication {
                auth_type PASS
                auth_pass gw51key-too-long   # é 🚀
            }
        }

        """

    func actions(_ client: inout LSPTestClient, line: Int, only: [String]? = nil) -> [JSONValue] {
        var context: [(String, JSONValue)] = [("diagnostics", [])]
        if let only { context.append(("only", .array(only.map { .string($0) }))) }
        let params: JSONValue = [
            "textDocument": ["uri": .string(Self.uri)], "range": Params.range(line, 0, line, 0), "context": .object(context),
        ]
        return client.request("textDocument/codeAction", params)["result"]?.array ?? []
    }

    static func edits(_ action: JSONValue, _ uri: String = uri) -> [JSONValue] {
        action[path: "edit", "changes"]?[uri]?.array ?? []
    }

    func replace(_ client: inout LSPTestClient, with text: String, version: Int) {
        client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(Self.uri), "version": .int(version)], "contentChanges": [["text": .string(text)]],
        ])
        client.advance(milliseconds: 1_000)
    }

    @Test func aSafeFixItIsAQuickFix() throws {
        var client = LSPTestClient()
        client.initialize()
        client.open(Self.uri, Self.longPass)
        client.advance(milliseconds: 0)
        #expect(client.codes(Self.uri).contains("KA222"))
        let passLine = ClientText.position(of: "auth_pass", in: Self.longPass).line
        let fix = try #require(actions(&client, line: passLine).first { $0["isPreferred"] == true })
        #expect(fix["kind"] == "quickfix")
        #expect(fix["title"] == "write the 8 characters keepalived uses (auth-pass-length)")
        #expect(fix["diagnostics"]?.array?.first?["code"] == "KA222")
        let fixed = ClientText.apply(Self.edits(fix), to: Self.longPass)
        #expect(fixed.contains("        auth_pass gw51key-   # é 🚀\n"))
        replace(&client, with: fixed, version: 2)
        #expect(!client.codes(Self.uri).contains("KA222"))
    }

    @Test func fixAllAppliesEverySafeFix() throws {
        var client = LSPTestClient()
        client.initialize()
        client.open(Self.uri, Self.longPass)
        client.advance(milliseconds: 0)
        #expect(client.codes(Self.uri).contains("KA228") || client.codes(Self.uri).contains("KA210"))
        let fixAll = try #require(actions(&client, line: 0, only: ["source.fixAll"]).first)
        #expect(fixAll["kind"] == "source.fixAll")
        let fixed = ClientText.apply(Self.edits(fixAll), to: Self.longPass)
        #expect(fixed.contains("state MASTER"))
        replace(&client, with: fixed, version: 2)
        let remaining = client.codes(Self.uri)
        #expect(!remaining.contains("KA222") && !remaining.contains("KA228"), "\(remaining)")
        // `only` filters: no quick fixes were asked for.
        #expect(actions(&client, line: 0, only: ["source.fixAll"]).allSatisfy { $0["kind"] == "source.fixAll" })
    }

    @Test func suppressionsAreWrittenAsKalintReadsThem() throws {
        let text = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 300\n    priority 300\n}\n"
        var client = LSPTestClient()
        client.initialize()
        client.open(Self.uri, text)
        client.advance(milliseconds: 0)
        #expect(client.codes(Self.uri).sorted() == ["KA220", "KA221"])
        let vridActions = actions(&client, line: 2)
        let lineAction = try #require(vridActions.first { $0["title"] == "Suppress vrid-range on this line" })
        let suppressed = ClientText.apply(Self.edits(lineAction), to: text)
        #expect(suppressed.contains("    # kalint disable=vrid-range\n    virtual_router_id 300\n"))
        replace(&client, with: suppressed, version: 2)
        #expect(client.codes(Self.uri) == ["KA221"])
        // The next finding's line suppression extends the comment above it... when there is
        // one: priority's line has the vrid line above it, so it gets its own comment.
        let priorityLine = ClientText.position(of: "priority", in: suppressed).line
        let priorityAction = try #require(actions(&client, line: priorityLine).first { $0["title"] == "Suppress priority-range on this line" })
        let both = ClientText.apply(Self.edits(priorityAction), to: suppressed)
        replace(&client, with: both, version: 3)
        #expect(client.codes(Self.uri).isEmpty)
        // A finding right under a disable comment: the slug joins the list.
        let joined = "vrrp_instance VI_1 {\n    interface eth0\n    # kalint disable=priority-range\n    virtual_router_id 300\n}\n"
        replace(&client, with: joined, version: 4)
        let join = try #require(actions(&client, line: 3).first { $0["title"] == "Suppress vrid-range on this line" })
        let joinedText = ClientText.apply(Self.edits(join), to: joined)
        #expect(joinedText.contains("# kalint disable=priority-range,vrid-range\n    virtual_router_id 300"))
        replace(&client, with: joinedText, version: 5)
        #expect(client.codes(Self.uri).isEmpty)
        // The file-wide suppression.
        replace(&client, with: text, version: 6)
        let fileAction = try #require(actions(&client, line: 2).first { $0["title"] == "Suppress vrid-range in this file" })
        replace(&client, with: ClientText.apply(Self.edits(fileAction), to: text), version: 7)
        #expect(client.codes(Self.uri) == ["KA221"])
    }
}
