import Foundation
import KAJSON
@testable import KALSP
import Testing

/// No input crashes or stalls the server: every corpus file (the fuzz seeds, the shared corpus of
/// real configurations, the samples) opened, edited at random and asked everything at many
/// positions; and hostile protocol input (wrong types, absurd numbers, garbage bytes). Every
/// request gets a result or an error, every range lies inside its document.
@Suite struct RobustnessTests {
    static func corpusFiles() -> [String] {
        var files: [String] = []
        let folders = [
            Repo.root + "/Fuzz/Corpus/config", Repo.root + "/samples",
            ProcessInfo.processInfo.environment["KA_SHARED_CORPUS"].flatMap { $0.isEmpty ? nil : $0 }
                ?? (Repo.root + "/../shared/corpus"),
        ]
        for folder in folders {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            for case let relative as String in walker {
                let path = (folder as NSString).appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    !relative.hasSuffix(".md"), !relative.hasSuffix(".tsv")
                {
                    files.append((path as NSString).standardizingPath)
                }
            }
        }
        return files.sorted()
    }

    /// A small deterministic generator (the runs are reproducible).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return bound <= 0 ? 0 : Int((state >> 33) % UInt64(bound))
        }
    }

    /// Checks a response: a result or an error, and the ranges in the document within its lines
    /// (ranges in other files, such as a related note in an included file, are not looked at).
    static func check(_ response: JSONValue, lines: Int, uri: String? = nil, _ what: String) {
        #expect(response["result"] != nil || response[path: "error", "code"]?.int != nil, "\(what)")
        if let code = response[path: "error", "code"]?.int {
            #expect(code != -32603, "internal error on \(what)")
        }
        var pending = [response["result"] ?? .null]
        while let value = pending.popLast() {
            switch value {
            case .array(let values): pending += values
            case .object(let fields):
                if let other = value["uri"]?.string, other != uri { continue }
                for (key, field) in fields {
                    if key.contains(":"), key != uri { continue }  // a WorkspaceEdit's changes to another file
                    if key == "range" || key == "selectionRange", let start = field[path: "start", "line"]?.int,
                        let end = field[path: "end", "line"]?.int
                    {
                        #expect(start >= 0 && start <= end && end <= lines, "\(what): range \(field.text())")
                    } else {
                        pending.append(field)
                    }
                }
            default: break
            }
        }
    }

    @Test func theCorpusIsThere() {
        #expect(Self.corpusFiles().count > 40)
    }

    /// In four slices, which run side by side.
    @Test(arguments: 0..<4) func everyCorpusFileThroughEveryRequest(slice: Int) throws {
        let files = Self.corpusFiles()
        var generator = Generator(state: 17 + UInt64(slice))
        for (number, path) in files.enumerated() where number % 4 == slice {
            let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
            var text = String(decoding: bytes, as: UTF8.self)
            var client = LSPTestClient()
            client.initialize()
            // Half as the file itself (includes followed from its folder), half as an unsaved buffer.
            let uri = number % 2 == 0 ? URL(fileURLWithPath: path).absoluteString : "untitled:corpus-\(number)"
            client.open(uri, text)
            client.advance(milliseconds: 0)
            for round in 0..<3 {
                let lines = ClientText.lineLengths(text)
                for method in ["textDocument/documentSymbol", "textDocument/formatting"] {
                    Self.check(client.request(method, Params.document(uri)), lines: lines.count, uri: uri, "\(method) \(path)")
                }
                for _ in 0..<4 {
                    let line = generator.next(lines.count + 1)
                    let character = generator.next((line < lines.count ? lines[line] : 0) + 2)
                    let at = Params.position(uri, line: line, character: character)
                    for method in ["textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/references"] {
                        Self.check(client.request(method, at), lines: lines.count, uri: uri, "\(method) \(path):\(line):\(character)")
                    }
                    let actions: JSONValue = [
                        "textDocument": ["uri": .string(uri)], "range": Params.range(line, 0, line + 1, 0),
                        "context": ["diagnostics": []],
                    ]
                    Self.check(client.request("textDocument/codeAction", actions), lines: lines.count, uri: uri, "codeAction \(path):\(line)")
                    let rangeFormat: JSONValue = ["textDocument": ["uri": .string(uri)], "range": Params.range(line, 0, line + 2, 0)]
                    Self.check(client.request("textDocument/rangeFormatting", rangeFormat), lines: lines.count, uri: uri, "rangeFormatting \(path)")
                }
                guard round < 2 else { break }
                // An edit a person might make mid-typing: cut a piece, or type a brace, a quote, text.
                let pieces = ["{", "}", "\"", "", "\n", " é🚀 ", "include *.conf\n", "$X=", "@id ", "track_script {\n"]
                let line = generator.next(lines.count)
                let character = generator.next((line < lines.count ? lines[line] : 0) + 1)
                let length = generator.next(40)
                let change: JSONValue = [
                    "range": Params.range(line, character, line + generator.next(3), length),
                    "text": .string(pieces[generator.next(pieces.count)]),
                ]
                client.notify("textDocument/didChange", [
                    "textDocument": ["uri": .string(uri), "version": .int(round + 2)], "contentChanges": [change],
                ])
                let published = client.advance(milliseconds: 1_000)
                let before = text
                text = ClientText.apply([["range": change["range"] ?? .null, "newText": change["text"] ?? ""]], to: text)
                // The server's buffer is the client's text: incremental sync agrees on UTF-16 positions.
                #expect(client.server.documents[uri]?.bytes == Array(text.utf8), "\(path): \(change.text()) on \(before.debugDescription)")
                let count = ClientText.lineLengths(text).count
                for message in published where message[path: "params", "uri"] == .string(uri) {
                    Self.check(["result": message[path: "params", "diagnostics"] ?? .null], lines: count, uri: uri, "diagnostics \(path)")
                }
            }
            #expect(client.request("shutdown")["result"] == .null)
        }
    }

    @Test func hostileParametersGetErrorsNotCrashes() {
        var client = LSPTestClient()
        client.initialize(options: ["debounceMilliseconds": "soon", "targetVersion": 7, "disable": "all"])
        let uri = "file:///nonexistent-kalsp-test/node.conf"
        client.open(uri, "vrrp_instance VI_1 {\n    virtual_router_id 51\n}\n")
        let positions: [JSONValue] = [
            .null, "1:2", ["line": -5, "character": -1], ["line": .double(1e300), "character": 0],
            ["line": .int(Int.max), "character": .int(Int.max)], ["line": .double(1.5), "character": 2], ["line": 0],
            ["line": 1, "character": .int(Int.min)], [1, 2],
        ]
        let methods = [
            "textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/references",
            "textDocument/codeAction", "textDocument/rangeFormatting", "textDocument/formatting", "textDocument/documentSymbol",
        ]
        for method in methods {
            for position in positions {
                let variants: [JSONValue] = [
                    .null, 42, "text", [], ["textDocument": "x"], ["textDocument": ["uri": 5]],
                    ["textDocument": ["uri": .string(uri)], "position": position, "range": ["start": position, "end": position],
                     "context": ["only": 3, "includeDeclaration": "yes"]],
                    ["textDocument": ["uri": .string(uri)], "position": position, "range": ["start": position, "end": .null],
                     "context": .null],
                ]
                for params in variants { Self.check(client.request(method, params), lines: 4, "\(method) \(params.text())") }
            }
        }
        // Malformed document notifications are ignored, not fatal.
        for params: JSONValue in [
            .null, ["textDocument": ["uri": .string(uri)], "contentChanges": "x"],
            ["textDocument": ["uri": .string(uri)], "contentChanges": [["range": ["start": 1], "text": "x"]]],
            ["textDocument": ["uri": .string(uri)], "contentChanges": [["range": Params.range(99, 99, 0, 0), "text": 5]]],
            ["textDocument": ["uri": .string(uri), "version": "v"], "contentChanges": [["range": Params.range(5, 0, 1, 3), "text": "}}}"]]],
        ] {
            client.notify("textDocument/didChange", params)
            client.notify("textDocument/didOpen", params)
            client.notify("textDocument/didClose", ["textDocument": params])
        }
        client.advance(milliseconds: 10_000)
        // Garbage bytes between frames: the server resynchronises on the next header.
        var generator = Generator(state: 99)
        for _ in 0..<50 {
            let garbage = (0..<generator.next(300)).map { _ in UInt8(truncatingIfNeeded: generator.next(256)) }
            client.sendBytes(garbage + Array("\r\n\r\n".utf8))
        }
        let symbols = client.request("textDocument/documentSymbol", Params.document(uri))
        #expect(symbols["result"]?.array?.count == 1)
        #expect(client.request("shutdown")["result"] == .null)
    }
}
