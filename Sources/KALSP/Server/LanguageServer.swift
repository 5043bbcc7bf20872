import KAConfig
import KAJSON

/// The language server as a value that takes bytes and the time and gives back bytes: the
/// protocol (framing, JSON-RPC, the LSP lifecycle, cancellation, debounced diagnostics) with no
/// I/O, so tests drive it through its framing exactly as an editor does. `StdioTransport` is the
/// shell that feeds it standard input and writes its output.
public struct LanguageServer {
    enum Phase {
        case uninitialized
        case running
        /// `shutdown` answered: only `exit` is left.
        case shuttingDown
    }

    var phase = Phase.uninitialized
    var settings = ServerSettings()
    /// Open documents by URI.
    var documents: [String: TextDocument] = [:]
    /// Bumped by every change to what is open (or saved), so a cached analysis knows it is stale.
    var generation = 0
    private var cachedAnalysis: (generation: Int, analysis: WorkspaceAnalysis)?
    /// When the diagnostics are due (milliseconds on the caller's clock); nil: nothing to do.
    public private(set) var nextDeadline: Int?
    /// What was last published per URI, so an unchanged list is not sent again.
    var published: [String: JSONValue] = [:]
    /// Set by `exit`: 0 after `shutdown`, 1 without.
    public private(set) var exitCode: Int32?

    private var framer = MessageFramer()
    private var output: [JSONValue] = []

    public init() {}

    /// Feeds bytes read from the client; returns the framed messages to write back. Every whole
    /// message in `bytes` is read before any is handled, so a `$/cancelRequest` that arrived
    /// together with its request (the server was busy) cancels it.
    public mutating func receive(_ bytes: some Sequence<UInt8>, now: Int) -> [UInt8] {
        framer.append(bytes)
        var messages: [IncomingMessage] = []
        while let frame = framer.next() {
            switch frame {
            case .body(let body): messages.append(IncomingMessage.decode(body))
            case .malformed(let reason): messages.append(.invalid(id: .null, code: RPCError.parseError, message: reason))
            }
        }
        var cancelled = Set<String>()
        for case .notification(method: "$/cancelRequest", params: let params) in messages {
            if let id = params["id"] { cancelled.insert(id.text()) }
        }
        for message in messages {
            handle(message, cancelled: cancelled, now: now)
            if exitCode != nil { break }
        }
        return flush()
    }

    /// Runs what is due at `now` (the debounced diagnostics); returns the framed messages.
    public mutating func idle(now: Int) -> [UInt8] {
        if let deadline = nextDeadline, deadline <= now, phase == .running {
            nextDeadline = nil
            publishDiagnostics()
        }
        return flush()
    }

    private mutating func flush() -> [UInt8] {
        var bytes: [UInt8] = []
        for message in output { bytes += MessageFramer.frame(Array(message.text().utf8)) }
        output = []
        return bytes
    }

    mutating func send(_ message: JSONValue) { output.append(message) }

    mutating func notify(_ method: String, _ params: JSONValue) {
        send(OutgoingMessage.notification(method, params))
    }

    private mutating func handle(_ message: IncomingMessage, cancelled: Set<String>, now: Int) {
        switch message {
        case .response:
            return
        case .invalid(let id, let code, let text):
            send(OutgoingMessage.response(id: id, .failure(code: code, message: text)))
        case .notification(let method, let params):
            handleNotification(method, params, now: now)
        case .request(let id, let method, let params):
            let outcome: RequestOutcome
            if cancelled.contains(id.text()) {
                outcome = .failure(code: RPCError.requestCancelled, message: "cancelled")
            } else {
                outcome = handleRequest(method, params)
            }
            send(OutgoingMessage.response(id: id, outcome))
        }
    }

    private mutating func handleRequest(_ method: String, _ params: JSONValue) -> RequestOutcome {
        switch phase {
        case .uninitialized:
            guard method == "initialize" else {
                return .failure(code: RPCError.serverNotInitialized, message: "initialize first")
            }
            settings.update(from: params["initializationOptions"])
            phase = .running
            return .result(Capabilities.initializeResult)
        case .shuttingDown:
            return .failure(code: RPCError.invalidRequest, message: "the server is shutting down")
        case .running:
            break
        }
        switch method {
        case "initialize": return .failure(code: RPCError.invalidRequest, message: "already initialized")
        case "shutdown":
            phase = .shuttingDown
            nextDeadline = nil
            return .null
        case "textDocument/hover": return hover(params)
        case "textDocument/completion": return completion(params)
        case "textDocument/definition": return definition(params)
        case "textDocument/references": return references(params)
        case "textDocument/documentSymbol": return documentSymbols(params)
        case "textDocument/formatting": return formatting(params, range: nil)
        case "textDocument/rangeFormatting":
            guard let range = LSPRange(params["range"]) else { return invalidParams("range") }
            return formatting(params, range: range)
        case "textDocument/codeAction": return codeActions(params)
        default: return .failure(code: RPCError.methodNotFound, message: "\(method) is not supported")
        }
    }

    private mutating func handleNotification(_ method: String, _ params: JSONValue, now: Int) {
        if method == "exit" {
            exitCode = phase == .shuttingDown ? 0 : 1
            return
        }
        guard phase == .running else { return }
        switch method {
        case "textDocument/didOpen":
            guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else { return }
            documents[uri] = TextDocument(uri: uri, version: item["version"]?.int ?? 0, text: text)
            changed(now: now, delay: 0)
        case "textDocument/didChange":
            guard let uri = params[path: "textDocument", "uri"]?.string, var document = documents[uri],
                let changes = params["contentChanges"]?.array
            else { return }
            if document.apply(changes) {
                document.version = params[path: "textDocument", "version"]?.int ?? document.version + 1
                documents[uri] = document
            } else {
                notify("window/logMessage", ["type": 2, "message": .string("kalsp: ignored a malformed change of \(uri)")])
            }
            changed(now: now, delay: settings.debounceMilliseconds)
        case "textDocument/didClose":
            guard let uri = params[path: "textDocument", "uri"]?.string else { return }
            documents[uri] = nil
            changed(now: now, delay: 0)
        case "textDocument/didSave", "workspace/didChangeWatchedFiles":
            changed(now: now, delay: 0)
        case "workspace/didChangeConfiguration":
            settings.update(from: params[path: "settings", "kalsp"])
            changed(now: now, delay: 0)
        default:
            return  // `initialized`, `$/cancelRequest` (handled with its batch), `$/setTrace`, ...
        }
    }

    /// Something open changed: the analysis is stale, the diagnostics due after `delay`.
    private mutating func changed(now: Int, delay: Int) {
        generation += 1
        let due = now + delay
        nextDeadline = delay == 0 ? min(nextDeadline ?? due, due) : due
    }

    /// The analysis of what is open now (computed at most once per change).
    mutating func analysis() -> WorkspaceAnalysis {
        if let cached = cachedAnalysis, cached.generation == generation { return cached.analysis }
        let analysis = WorkspaceAnalysis(documents: documents.keys.sorted().compactMap { documents[$0] }, settings: settings)
        cachedAnalysis = (generation, analysis)
        return analysis
    }

    func document(_ params: JSONValue) -> TextDocument? {
        params[path: "textDocument", "uri"]?.string.flatMap { documents[$0] }
    }

    /// The open document and byte offset a position request points at; without them, the answer
    /// (null for a document that is not open, an error for a missing position).
    func cursor(_ params: JSONValue) -> (cursor: (TextDocument, Int)?, otherwise: RequestOutcome) {
        guard let document = document(params) else { return (nil, .null) }
        guard let position = LSPPosition(params["position"]) else { return (nil, invalidParams("position")) }
        return ((document, document.source.byteOffset(of: position)), .null)
    }

    /// The URI for a file path: the client's own for an open document.
    func uri(for path: String) -> String {
        if let open = documents.values.first(where: { $0.path == path }) { return open.uri }
        return path.hasPrefix("/") ? DocumentURI.uri(of: path) : path
    }

    func invalidParams(_ what: String) -> RequestOutcome {
        .failure(code: RPCError.invalidParams, message: "missing or invalid \(what)")
    }
}
