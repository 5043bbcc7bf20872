import Testing
@testable import KAConfig

/// Test-only stand-in for the expander: the lines keepalived's reader returns for one file without
/// directives (words of each statement with quotes stripped, `{` and `}` as their own lines).
enum BinderTestSupport {
    static func lines(of tree: SyntaxTree) -> [LogicalLine] {
        var lines: [LogicalLine] = []
        let source = tree.source
        func origin(_ token: Token) -> Origin {
            let location = source.location(of: token.start)
            return Origin(file: source.path, line: location.line, column: location.column, byteRange: token.range)
        }
        enum Step { case node(Int), close(Int) }
        var stack: [Step] = tree.rootChildren.reversed().map { .node($0) }
        while let step = stack.popLast() {
            switch step {
            case .node(let index):
                let node = tree.nodes[index]
                let wanted: Set<TokenKind> = [.word, .quoted, .unterminatedQuote]
                let allTokens: [Token] = tree.words(of: index).map { tree.tokens[$0] }
                let wordTokens: [Token] = allTokens.filter { wanted.contains($0.kind) }
                if node.kind == .statement, let first = wordTokens.first, let last = wordTokens.last {
                    let words = wordTokens.map { token -> ExpandedWord in
                        var text = source.text(token.range)
                        let quoted = token.kind != TokenKind.word
                        if quoted {
                            text.removeFirst()
                            if token.kind == .quoted { text.removeLast() }
                        }
                        return ExpandedWord(text: text, isQuoted: quoted, origin: origin(token))
                    }
                    lines.append(LogicalLine(
                        kind: .words, words: words, text: source.text(first.start..<last.end), origin: origin(first)))
                }
                if let block = node.block {
                    if let brace = block.openBraceToken(in: tree.tokens) {
                        let token = tree.tokens[brace]
                        lines.append(LogicalLine(
                            kind: .openBrace, words: [ExpandedWord(text: "{", origin: origin(token))], text: "{",
                            origin: origin(token)))
                    }
                    stack.append(.close(index))
                    for child in block.children.reversed() { stack.append(.node(child)) }
                }
            case .close(let index):
                if let brace = tree.nodes[index].block!.closeBraceToken(in: tree.tokens) {
                    let token = tree.tokens[brace]
                    lines.append(LogicalLine(
                        kind: .closeBrace, words: [ExpandedWord(text: "}", origin: origin(token))], text: "}",
                        origin: origin(token)))
                }
            }
        }
        return lines
    }

    /// The real expander over one in-memory file (plus any `others` it includes).
    static func expand(_ text: String, path: String = "/etc/keepalived/test.conf", others: [String: String] = [:])
        -> ExpandedConfig
    {
        var files = others
        files[path] = text
        return Expander.expand(
            path: path, options: ExpansionOptions(), fileSystem: InMemoryFileSystem(files: files))
    }

    /// The test-only stand-in over the syntax tree, for comparison with the real expander.
    static func expandWithoutExpander(_ text: String, path: String = "test.conf") -> ExpandedConfig {
        let tree = Parser.parse(path: path, text: text)
        return ExpandedConfig(rootPath: path, lines: lines(of: tree), files: [path: ExpandedFile(tree)], diagnostics: tree.diagnostics)
    }

    static func bind(_ text: String, path: String = "/etc/keepalived/test.conf", others: [String: String] = [:])
        -> BindResult
    {
        Binder.bind(expand(text, path: path, others: others))
    }

    static func codes(_ result: BindResult) -> [String] { result.diagnostics.sortedForOutput().map(\.code) }
}

extension BindResult {
    func diagnostics(_ rule: DiagnosticRule) -> [Diagnostic] { diagnostics.filter { $0.rule == rule } }
}
