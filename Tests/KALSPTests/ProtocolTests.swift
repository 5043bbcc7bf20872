import KAJSON
import KALSP
import Testing

/// The base protocol and JSON-RPC: framing in any pieces, bad frames and bad JSON answered and
/// survived, the lifecycle (initialize, shutdown, exit), unknown methods, cancellation.
@Suite struct ProtocolTests {
    static let initialize: JSONValue = ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]]

    @Test func initializeAnnouncesTheFeatures() {
        var client = LSPTestClient()
        let response = client.request("initialize", ["capabilities": [:]])
        let capabilities = response[path: "result", "capabilities"]
        #expect(capabilities?["positionEncoding"] == "utf-16")
        #expect(capabilities?[path: "textDocumentSync", "change"] == 2)
        for feature in [
            "hoverProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider", "documentFormattingProvider",
            "documentRangeFormattingProvider",
        ] {
            #expect(capabilities?[feature] == true, "\(feature)")
        }
        #expect(capabilities?[path: "codeActionProvider", "codeActionKinds"] == ["quickfix", "source.fixAll"])
        #expect(response[path: "result", "serverInfo", "name"] == "kalsp")
    }

    @Test func framesSplitAtEveryByteAreReassembled() {
        let bytes = LSPTestClient.frame(Self.initialize)
            + LSPTestClient.frame(["jsonrpc": "2.0", "id": 2, "method": "shutdown"])
        for cut in 1..<bytes.count {
            var client = LSPTestClient()
            let first = client.sendBytes(Array(bytes[..<cut]))
            let second = client.sendBytes(Array(bytes[cut...]))
            let ids = (first + second).compactMap { $0["id"]?.int }
            #expect(ids == [1, 2], "cut at \(cut)")
        }
    }

    @Test func otherHeadersAndHeaderCaseAreAccepted() {
        var client = LSPTestClient()
        let body = Array(Self.initialize.text().utf8)
        let header = "content-length: \(body.count)\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"
        let replies = client.sendBytes(Array(header.utf8) + body)
        #expect(replies.first?["id"] == 1)
        #expect(replies.first?["result"] != nil)
    }

    @Test func badFramesAndBadJSONAreAnsweredAndSurvived() {
        var client = LSPTestClient()
        // A header without a length, JSON that does not parse, a batch, a number as a message,
        // a method that is not a string: each gets an error reply, and the session goes on.
        var bytes = Array("X-Nothing: 1\r\n\r\n".utf8)
        bytes += Array("Content-Length: 9\r\n\r\n{\"id\": 1,".utf8)
        bytes += LSPTestClient.frame([Self.initialize])
        bytes += LSPTestClient.frame(42)
        bytes += LSPTestClient.frame(["jsonrpc": "2.0", "id": 7, "method": 3])
        let replies = client.sendBytes(bytes)
        let codes = replies.compactMap { $0[path: "error", "code"]?.int }
        #expect(codes == [-32700, -32700, -32600, -32600, -32600])
        #expect(replies.last?["id"] == 7)
        let response = client.request("initialize", ["capabilities": [:]])
        #expect(response["result"] != nil)
    }

    @Test func anOversizedBodyIsRefusedAndSkipped() {
        var client = LSPTestClient()
        let huge = 64 << 20 + 1
        var replies = client.sendBytes(Array("Content-Length: \(huge)\r\n\r\n".utf8))
        #expect(replies.first?[path: "error", "code"] == -32700)
        // Its bytes are thrown away as they come; the message after them is read.
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        for _ in 0..<64 { replies = client.sendBytes(chunk) }
        replies = client.sendBytes([UInt8(ascii: "x")] + LSPTestClient.frame(Self.initialize))
        #expect(replies.first?["id"] == 1)
        #expect(replies.first?["result"] != nil)
    }

    @Test func requestsBeforeInitializeAreRefused() {
        var client = LSPTestClient()
        let response = client.request("textDocument/hover", Params.position("file:///x.conf", line: 0, character: 0))
        #expect(response[path: "error", "code"] == -32002)
        // Notifications before initialize are dropped, not answered.
        #expect(client.notify("textDocument/didOpen", ["textDocument": ["uri": "file:///x.conf", "text": "x"]]).isEmpty)
    }

    @Test func unknownMethodsAndMissingParameters() {
        var client = LSPTestClient()
        client.initialize()
        #expect(client.request("textDocument/semanticTokens/full", Params.document("file:///x.conf"))[path: "error", "code"] == -32601)
        #expect(client.request("initialize", [:])[path: "error", "code"] == -32600)
        client.open("file:///x.conf", "vrrp_instance V {\n}\n")
        #expect(client.request("textDocument/hover", Params.document("file:///x.conf"))[path: "error", "code"] == -32602)
        // A document that is not open: no result, no error.
        #expect(client.request("textDocument/hover", Params.position("file:///y.conf", line: 0, character: 0))["result"] == .null)
        // Unknown notifications are ignored.
        #expect(client.notify("$/setTrace", ["value": "off"]).isEmpty)
        #expect(client.notify("kalsp/unknown").isEmpty)
    }

    @Test func shutdownThenExitEndsWithZero() {
        var client = LSPTestClient()
        client.initialize()
        #expect(client.request("shutdown")["result"] == .null)
        #expect(client.request("textDocument/hover", Params.position("file:///x.conf", line: 0, character: 0))[path: "error", "code"] == -32600)
        #expect(client.server.exitCode == nil)
        client.notify("exit")
        #expect(client.server.exitCode == 0)
    }

    @Test func exitWithoutShutdownEndsWithOne() {
        var client = LSPTestClient()
        client.initialize()
        client.notify("exit")
        #expect(client.server.exitCode == 1)
    }

    @Test func aCancelledRequestIsAnsweredAsCancelled() {
        var client = LSPTestClient()
        client.initialize()
        client.open("file:///x.conf", Repo.sample("gateway/node1.conf"))
        // The request and its cancellation arrive together (the server was busy): cancelled.
        let id = client.takeID()
        let request: JSONValue = ["jsonrpc": "2.0", "id": .int(id), "method": "textDocument/documentSymbol", "params": Params.document("file:///x.conf")]
        let cancel: JSONValue = ["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": .int(id)]]
        let replies = client.sendBytes(LSPTestClient.frame(request) + LSPTestClient.frame(cancel))
        #expect(replies.count == 1)
        #expect(replies.first?["id"] == .int(id))
        #expect(replies.first?[path: "error", "code"] == -32800)
        // A cancellation for a request already answered changes nothing; string ids work too.
        #expect(client.notify("$/cancelRequest", ["id": .int(id)]).isEmpty)
        let stringID: JSONValue = ["jsonrpc": "2.0", "id": "a", "method": "textDocument/documentSymbol", "params": Params.document("file:///x.conf")]
        let answered = client.sendBytes(LSPTestClient.frame(stringID))
        #expect(answered.first?["id"] == "a")
        #expect(answered.first?["result"]?.array?.isEmpty == false)
    }
}
