import KAJSON

/// JSON-RPC 2.0 as LSP uses it: requests (with an id), notifications (without), responses.
enum IncomingMessage {
    case request(id: JSONValue, method: String, params: JSONValue)
    case notification(method: String, params: JSONValue)
    /// A response to a request of ours (kalsp sends none that need an answer): ignored.
    case response
    /// Not a JSON-RPC message; `id` when one could be read, for the error reply.
    case invalid(id: JSONValue, code: Int, message: String)

    static func decode(_ body: [UInt8]) -> IncomingMessage {
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            return .invalid(id: .null, code: RPCError.parseError, message: "parse error: \(error)")
        }
        guard case .object = value else {
            return .invalid(id: .null, code: RPCError.invalidRequest, message: "a message must be a JSON object")
        }
        let id = value["id"]
        if let id, !Self.isValidID(id) {
            return .invalid(id: .null, code: RPCError.invalidRequest, message: "id must be a number or a string")
        }
        guard let methodValue = value["method"] else {
            if id != nil, value["result"] != nil || value["error"] != nil { return .response }
            return .invalid(id: id ?? .null, code: RPCError.invalidRequest, message: "no method")
        }
        guard let method = methodValue.string else {
            return .invalid(id: id ?? .null, code: RPCError.invalidRequest, message: "method must be a string")
        }
        let params = value["params"] ?? .null
        if let id { return .request(id: id, method: method, params: params) }
        return .notification(method: method, params: params)
    }

    static func isValidID(_ id: JSONValue) -> Bool {
        switch id {
        case .int, .string: return true
        case .double(let value): return value == value.rounded()
        default: return false
        }
    }
}

/// The error codes kalsp answers with (JSON-RPC's and LSP's).
enum RPCError {
    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let invalidParams = -32602
    static let internalError = -32603
    static let serverNotInitialized = -32002
    static let requestFailed = -32803
    static let requestCancelled = -32800
}

/// What a request handler answers: a result, or an error with a message for the user.
enum RequestOutcome {
    case result(JSONValue)
    case failure(code: Int, message: String)

    static let null = RequestOutcome.result(.null)
}

enum OutgoingMessage {
    static func response(id: JSONValue, _ outcome: RequestOutcome) -> JSONValue {
        switch outcome {
        case .result(let result):
            return ["jsonrpc": "2.0", "id": id, "result": result]
        case .failure(let code, let message):
            return ["jsonrpc": "2.0", "id": id, "error": ["code": .int(code), "message": .string(message)]]
        }
    }

    static func notification(_ method: String, _ params: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }
}
