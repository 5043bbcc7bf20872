/// The lossless tree of one file: every token belongs to exactly one node part, so printing the
/// parts in order gives back the file byte for byte. Nodes live in a flat arena (`nodes`) and
/// refer to each other by index, so deep nesting costs no recursion anywhere.
public struct SyntaxTree: Sendable {
    public let source: SourceFile
    public let tokens: [Token]
    public let nodes: [SyntaxNode]
    /// Indices of the top-level nodes, in file order.
    public let rootChildren: [Int]
    /// Trivia after the last node (final newlines and comments).
    public let trailing: Range<Int>
    /// What the lexer and the block structure found wrong (KA1xx).
    public let diagnostics: [Diagnostic]

    public init(
        source: SourceFile, tokens: [Token], nodes: [SyntaxNode], rootChildren: [Int], trailing: Range<Int>,
        diagnostics: [Diagnostic]
    ) {
        self.source = source
        self.tokens = tokens
        self.nodes = nodes
        self.rootChildren = rootChildren
        self.trailing = trailing
        self.diagnostics = diagnostics
    }

    /// The bytes of a token.
    public func bytes(of tokenIndex: Int) -> ArraySlice<UInt8> {
        source.bytes[tokens[tokenIndex].range]
    }

    public func text(of tokenIndex: Int) -> String {
        String(decoding: bytes(of: tokenIndex), as: UTF8.self)
    }

    /// Significant (non-trivia) token indices of a node's head, in order.
    public func significantTokens(of nodeIndex: Int) -> [Int] {
        nodes[nodeIndex].head.filter { !tokens[$0].kind.isTrivia }
    }

    /// Words of a statement: its significant head tokens after any `@id` and `~SEQ` prefixes.
    public func words(of nodeIndex: Int) -> [Int] {
        significantTokens(of: nodeIndex).filter {
            tokens[$0].kind != .conditional && tokens[$0].kind != .sequence
        }
    }

    /// The keyword token of a statement (its first word), if any.
    public func keyword(of nodeIndex: Int) -> Int? { words(of: nodeIndex).first }

    /// Prints the tree: the node parts in order. Equal to the input for every input.
    public func printed() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(source.bytes.count)
        visitParts { range in
            for tokenIndex in range { output.append(contentsOf: source.bytes[tokens[tokenIndex].range]) }
        }
        return output
    }

    /// Calls `body` with each token range of the tree in file order (heads, block opens, closes).
    public func visitParts(_ body: (Range<Int>) -> Void) {
        // An explicit stack keeps 10,000 nested braces off the call stack.
        enum Step { case node(Int), close(Int) }
        var stack: [Step] = rootChildren.reversed().map { .node($0) }
        while let step = stack.popLast() {
            switch step {
            case .node(let index):
                let node = nodes[index]
                body(node.head)
                if let block = node.block {
                    body(block.open)
                    stack.append(.close(index))
                    for child in block.children.reversed() { stack.append(.node(child)) }
                }
            case .close(let index):
                body(nodes[index].block!.close)
            }
        }
        body(trailing)
    }
}

public struct SyntaxNode: Sendable {
    public enum Kind: UInt8, Sendable {
        /// `[prefixes] keyword [arguments] [{ ... }]`, including `include PATTERN`.
        case statement
        /// `[@id] $NAME=value` with its continuation lines.
        case definition
        /// A `}` that closes nothing.
        case strayCloseBrace
        /// A `{ ... }` that follows no keyword.
        case bareBlock
    }

    public var kind: Kind
    /// Leading trivia, prefixes, words, and trailing same-line trivia when there is no block.
    public var head: Range<Int>
    public var block: SyntaxBlock? = nil
    /// Index of the enclosing statement, or nil at top level.
    public var parent: Int? = nil

    // Built only by the parser, with the memberwise initialiser: a hand-written one (field
    // stores) makes each append to the node array copy the node and destroy the copy.
}

public struct SyntaxBlock: Sendable {
    /// Trivia between the head and `{`, the `{`, and same-line trivia after it.
    public var open: Range<Int>
    public var children: [Int]
    /// Trivia before `}`, the `}`, and same-line trivia after it. Without a `}`: empty, at the end.
    public var close: Range<Int>
    public var isClosed: Bool

    public init(open: Range<Int>, children: [Int] = [], close: Range<Int>, isClosed: Bool) {
        self.open = open
        self.children = children
        self.close = close
        self.isClosed = isClosed
    }

    /// Index of the `{` token.
    public func openBraceToken(in tokens: [Token]) -> Int? {
        open.first { tokens[$0].kind == .openBrace }
    }

    /// Index of the `}` token, if the block is closed.
    public func closeBraceToken(in tokens: [Token]) -> Int? {
        close.first { tokens[$0].kind == .closeBrace }
    }
}

extension SyntaxBlock {
    /// Sets everything the parser learns when the block ends, in one access to the node.
    mutating func finish(close: Range<Int>, isClosed: Bool, children: [Int]) {
        self.close = close
        self.isClosed = isClosed
        self.children = children
    }
}
