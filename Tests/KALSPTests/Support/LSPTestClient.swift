import KAJSON
import KALSP

/// A client that talks to an in-process `LanguageServer` through its framing, as an editor does:
/// it writes `Content-Length` frames, reads the frames that come back with its own reader, and
/// keeps a clock it moves by hand (so the debounce is tested without sleeping).
struct LSPTestClient {
    var server = LanguageServer()
    var now = 1_000
    private var nextID = 1
    /// Every message received, in order.
    private(set) var received: [JSONValue] = []

    static func frame(_ message: JSONValue) -> [UInt8] {
        let body = Array(message.text().utf8)
        return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    /// The client's own frame reader (independent of the server's).
    static func frames(_ bytes: [UInt8]) -> [JSONValue] {
        var messages: [JSONValue] = []
        var index = 0
        let separator: [UInt8] = [13, 10, 13, 10]
        while index < bytes.count {
            guard let headerEnd = (index..<(bytes.count - 3)).first(where: { Array(bytes[$0..<($0 + 4)]) == separator }) else {
                fatalError("unterminated header from the server")
            }
            let header = String(decoding: bytes[index..<headerEnd], as: UTF8.self)
            guard header.hasPrefix("Content-Length: "), let length = Int(header.dropFirst("Content-Length: ".count)) else {
                fatalError("bad header from the server: \(header)")
            }
            let body = Array(bytes[(headerEnd + 4)..<(headerEnd + 4 + length)])
            guard let message = try? JSONParser.parse(body) else { fatalError("server sent invalid JSON") }
            messages.append(message)
            index = headerEnd + 4 + length
        }
        return messages
    }

    /// Sends raw bytes; returns the messages that came back.
    @discardableResult
    mutating func sendBytes(_ bytes: [UInt8]) -> [JSONValue] {
        let messages = Self.frames(server.receive(bytes, now: now))
        received += messages
        return messages
    }

    @discardableResult
    mutating func notify(_ method: String, _ params: JSONValue = .null) -> [JSONValue] {
        sendBytes(Self.frame(["jsonrpc": "2.0", "method": .string(method), "params": params]))
    }

    /// Sends a request and returns its response (the whole message: `result` or `error`).
    mutating func request(_ method: String, _ params: JSONValue = .null) -> JSONValue {
        let id = nextID
        nextID += 1
        let messages = sendBytes(Self.frame(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params]))
        guard let response = messages.first(where: { $0["id"] == .int(id) }) else { fatalError("no response to \(method)") }
        return response
    }

    /// The next request id (for building a request by hand).
    mutating func takeID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    /// Moves the clock and lets the server run what is due; returns what it sent.
    @discardableResult
    mutating func advance(milliseconds: Int) -> [JSONValue] {
        now += milliseconds
        let messages = Self.frames(server.idle(now: now))
        received += messages
        return messages
    }

    mutating func initialize(options: JSONValue = [:]) {
        _ = request("initialize", ["processId": .null, "capabilities": [:], "initializationOptions": options])
        notify("initialized", [:])
    }

    mutating func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", [
            "textDocument": ["uri": .string(uri), "languageId": "keepalived", "version": .int(version), "text": .string(text)],
        ])
    }

    /// The latest diagnostics published for `uri` (nil: none yet).
    func diagnostics(_ uri: String) -> [JSONValue]? {
        received.last { $0["method"] == "textDocument/publishDiagnostics" && $0[path: "params", "uri"] == .string(uri) }?[
            path: "params", "diagnostics"]?.array
    }

    /// The codes of the errors and warnings last published for `uri` (kalint's info findings,
    /// such as the firewall hint every instance gets, are left out).
    func codes(_ uri: String) -> [String] {
        (diagnostics(uri) ?? []).filter { ($0["severity"]?.int ?? 0) < 3 }.compactMap { $0["code"]?.string }
    }
}

/// Requests' parameters.
enum Params {
    static func document(_ uri: String) -> JSONValue { ["textDocument": ["uri": .string(uri)]] }

    static func position(_ uri: String, line: Int, character: Int) -> JSONValue {
        ["textDocument": ["uri": .string(uri)], "position": ["line": .int(line), "character": .int(character)]]
    }

    static func range(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int) -> JSONValue {
        [
            "start": ["line": .int(startLine), "character": .int(startCharacter)],
            "end": ["line": .int(endLine), "character": .int(endCharacter)],
        ]
    }
}
