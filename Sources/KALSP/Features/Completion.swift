import KAConfig
import KAJSON

/// Completion: at the start of a line, the keywords of the enclosing block with their argument
/// shape; after a keyword, the values its argument takes (enumerations, booleans, defined names,
/// interfaces in use); in `track_script { }`, `track_interface { }` and a sync group's
/// `group { }`, the names defined in the node (its includes too).
extension LanguageServer {
    mutating func completion(_ params: JSONValue) -> RequestOutcome {
        let (cursor, otherwise) = cursor(params)
        guard let (document, offset) = cursor else { return otherwise }
        let tree = Parser.parse(path: document.path, bytes: document.bytes)
        let lineStart = document.source.lineStarts[document.source.location(of: offset).line - 1]
        let words = Self.wordsBeforeCursor(document.bytes[lineStart..<offset])
        let items: [JSONValue]
        switch SchemaContext.at(offset, in: tree) {
        case .keywords(let block):
            if words.isEmpty {
                items = block.keywords.map(Self.keywordItem)
            } else if let row = block.keyword(words[0]) {
                items = argumentItems(row, position: words.count - 1, document)
            } else {
                items = []
            }
        case .entries(let row):
            items = entryItems(row, wordsBefore: words, document)
        case .unknown:
            items = []
        }
        return .result(["isIncomplete": false, "items": .array(items)])
    }

    /// The complete words between the line's start (or its last brace) and the cursor; the word
    /// being typed is not one of them. `@id` and `~SEQ(...)` prefixes are left out.
    static func wordsBeforeCursor(_ bytes: ArraySlice<UInt8>) -> [String] {
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "}") {
            start = index + 1
        }
        let text = String(decoding: bytes[start...], as: UTF8.self)
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if let last = text.last, last != " ", last != "\t", !words.isEmpty { words.removeLast() }
        while let first = words.first, first.hasPrefix("@") || first.hasPrefix("~") { words.removeFirst() }
        return words
    }

    static func keywordItem(_ row: KeywordSpec) -> JSONValue {
        var detail = SchemaText.arguments(row)
        if case .block = row.kind { detail += detail.isEmpty ? "{ ... }" : " { ... }" }
        if case .valueBlock(let syntax) = row.kind { detail += (detail.isEmpty ? "" : " ") + "{ \(syntax.rawValue) ... }" }
        var fields: [(String, JSONValue)] = [
            ("label", .string(row.name)),
            ("kind", .int(Self.isBlock(row) ? 9 : 14)),  // Module for a block, Keyword otherwise
            ("detail", .string(detail)),
            ("documentation", ["kind": "markdown", "value": .string(SchemaText.hover(row, block: ""))]),
            // Deprecated keywords and those newer than keepalived 2.2.7 sort last.
            ("sortText", .string((row.deprecatedBy == nil && row.knownIn227 ? "0" : "1") + row.name)),
        ]
        if row.deprecatedBy != nil { fields.append(("tags", [1])) }
        return .object(fields)
    }

    static func isBlock(_ row: KeywordSpec) -> Bool {
        switch row.kind {
        case .block, .valueBlock: return true
        case .value, .script: return false
        }
    }

    private mutating func argumentItems(_ row: KeywordSpec, position: Int, _ document: TextDocument) -> [JSONValue] {
        guard let argument = NameIndex.argument(row.arguments, position) else { return [] }
        switch argument.type {
        case .enumeration(let words): return words.map { Self.valueItem($0, detail: argument.name) }
        case .bool: return ["on", "off", "true", "false", "yes", "no"].map { Self.valueItem($0, detail: "bool") }
        case .reference(let kind): return nameItems(.object(kind), document)
        case .interfaceName: return nameItems(.interface, document)
        default: return []
        }
    }

    private mutating func entryItems(_ row: KeywordSpec, wordsBefore words: [String], _ document: TextDocument) -> [JSONValue] {
        guard words.isEmpty else {
            // After the name: the optional words of a tracker entry.
            switch row.kind {
            case .valueBlock(.trackObject): return ["weight", "reverse", "noreverse"].map { Self.valueItem($0, detail: "track entry") }
            case .valueBlock(.trackInterface): return ["weight", "reverse"].map { Self.valueItem($0, detail: "track entry") }
            default: return []
            }
        }
        guard let kind = NameIndex.entryKinds[row.name] else { return [] }
        return nameItems(kind, document)
    }

    private mutating func nameItems(_ kind: NameIndex.Kind, _ document: TextDocument) -> [JSONValue] {
        guard let owner = analysis().owner(of: document.path) else { return [] }
        let itemKind: Int
        switch kind {
        case .interface: itemKind = 8  // Interface
        case .object(.vrrpInstance), .syncGroup: itemKind = 7  // Class
        default: itemKind = 3  // Function
        }
        return NameIndex(owner.node.bound.tree).names(of: kind).map { name in
            ["label": .string(name), "kind": .int(itemKind), "detail": .string(kind.rawValue)]
        }
    }

    static func valueItem(_ value: String, detail: String) -> JSONValue {
        ["label": .string(value), "kind": 12, "detail": .string(detail)]
    }
}
