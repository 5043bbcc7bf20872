import KAConfig
import KAJSON

/// Hover: a keyword shows its schema row (block, arguments with types and ranges, default, since
/// which keepalived, deprecated by what); a rule code or slug in a comment (`# kalint
/// disable=vrid-mismatch`) shows its `kalint --explain` page; a defined name shows what it is.
extension LanguageServer {
    mutating func hover(_ params: JSONValue) -> RequestOutcome {
        let (cursor, otherwise) = cursor(params)
        guard let (document, offset) = cursor else { return otherwise }
        let tree = Parser.parse(path: document.path, bytes: document.bytes)
        guard let tokenIndex = tree.tokenIndex(at: offset) else { return .null }
        let token = tree.tokens[tokenIndex]
        let markdown: String?
        var range = token.range
        switch token.kind {
        case .comment:
            let word = Self.word(in: document.bytes, around: offset, within: token.range)
            range = word.range
            markdown = RuleDocs.rule(named: word.text).map(RuleDocs.page)
        case .word:
            markdown = keywordHover(tree, tokenIndex) ?? nameHover(document, offset)
        default:
            markdown = nil
        }
        guard let markdown else { return .null }
        return .result([
            "contents": ["kind": "markdown", "value": .string(markdown)],
            "range": document.source.range(ofBytes: range).json,
        ])
    }

    private func keywordHover(_ tree: SyntaxTree, _ tokenIndex: Int) -> String? {
        guard let node = tree.node(holdingToken: tokenIndex), tree.keyword(of: node) == tokenIndex,
            case .keywords(let block) = SchemaContext.of(node: node, in: tree),
            let row = block.keyword(tree.text(of: tokenIndex))
        else { return nil }
        return SchemaText.hover(row, block: block.name)
    }

    private mutating func nameHover(_ document: TextDocument, _ offset: Int) -> String? {
        let analysis = analysis()
        guard let owner = analysis.owner(of: document.path) else { return nil }
        let index = NameIndex(owner.node.bound.tree)
        guard let occurrence = index.occurrence(in: document.path, at: offset) else { return nil }
        if occurrence.kind == .interface { return "interface `\(occurrence.name)`" }
        guard let definition = index.definition(of: occurrence) else {
            return "\(occurrence.kind.rawValue) `\(occurrence.name)`: not defined"
        }
        let line = analysis.sources[definition.file].map { $0.location(of: definition.bytes.lowerBound).line } ?? 0
        let place = definition.file == document.path ? "line \(line)" : "\(definition.file):\(line)"
        return "\(occurrence.kind.rawValue) `\(occurrence.name)`, defined at \(place)"
    }

    /// The run of rule-id characters (letters, digits, `-`, `_`) around `offset` inside `range`.
    static func word(in bytes: [UInt8], around offset: Int, within range: Range<Int>) -> (text: String, range: Range<Int>) {
        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F
        }
        var start = min(max(offset, range.lowerBound), range.upperBound)
        var end = start
        while start > range.lowerBound, isWordByte(bytes[start - 1]) { start -= 1 }
        while end < range.upperBound, isWordByte(bytes[end]) { end += 1 }
        return (String(decoding: bytes[start..<end], as: UTF8.self), start..<end)
    }
}
