/// JSON views of the file view, for `kalint --emit tokens|tree`.
public enum SyntaxJSON {
    /// `{"file":..., "tokens":[{"kind","line","column","offset","length","text"}]}`
    public static func tokens(_ tree: SyntaxTree) -> String {
        var json = JSONText()
        json.beginObject()
        json.field("file", tree.source.path)
        json.beginArray("tokens")
        for token in tree.tokens {
            let location = tree.source.location(of: token.start)
            json.beginObject()
            json.field("kind", token.kind.name)
            json.field("line", location.line)
            json.field("column", location.column)
            json.field("offset", token.start)
            json.field("length", token.length)
            json.field("text", tree.source.text(token.range))
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }

    /// The block structure: nodes with their prefixes, words, comments and children.
    /// Written with an explicit stack, so deep nesting cannot overflow the call stack.
    public static func tree(_ tree: SyntaxTree) -> String {
        var json = JSONText()
        json.beginObject()
        json.field("file", tree.source.path)
        json.beginArray("nodes")
        enum Step { case open(Int), closeChildren(Int) }
        var stack: [Step] = tree.rootChildren.reversed().map { .open($0) }
        while let step = stack.popLast() {
            switch step {
            case .open(let index):
                let node = tree.nodes[index]
                json.beginObject()
                json.field("kind", kindName(node.kind))
                let first = tree.significantTokens(of: index).first ?? node.head.lowerBound
                let location = tree.source.location(of: first < tree.tokens.count ? tree.tokens[first].start : tree.source.bytes.count)
                json.field("line", location.line)
                json.field("column", location.column)
                writeTokens(&json, "prefixes", tree, node.head) { $0 == .conditional || $0 == .sequence }
                writeTokens(&json, "words", tree, node.head) { !$0.isTrivia && $0 != .conditional && $0 != .sequence }
                writeTokens(&json, "comments", tree, node.head) { $0 == .comment }
                if let block = node.block {
                    json.beginObject("block")
                    json.field("closed", block.isClosed)
                    writeTokens(&json, "openComments", tree, block.open) { $0 == .comment }
                    json.beginArray("children")
                    stack.append(.closeChildren(index))
                    for child in block.children.reversed() { stack.append(.open(child)) }
                } else {
                    json.endObject()
                }
            case .closeChildren(let index):
                json.endArray()
                if let close = tree.nodes[index].block?.close {
                    writeTokens(&json, "closeComments", tree, close) { $0 == .comment }
                }
                json.endObject()  // block
                json.endObject()  // node
            }
        }
        json.endArray()
        writeTokens(&json, "trailingComments", tree, tree.trailing) { $0 == .comment }
        json.endObject()
        return json.output + "\n"
    }

    private static func writeTokens(
        _ json: inout JSONText, _ key: String, _ tree: SyntaxTree, _ range: Range<Int>, where include: (TokenKind) -> Bool
    ) {
        let selected = range.filter { include(tree.tokens[$0].kind) }
        guard !selected.isEmpty else { return }
        json.beginArray(key)
        for index in selected { json.value(tree.text(of: index)) }
        json.endArray()
    }

    static func kindName(_ kind: SyntaxNode.Kind) -> String {
        switch kind {
        case .statement: return "statement"
        case .definition: return "definition"
        case .strayCloseBrace: return "stray-close-brace"
        case .bareBlock: return "bare-block"
        }
    }
}
