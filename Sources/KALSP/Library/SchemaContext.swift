import KAConfig

/// Where a place of a file sits in keepalived's keyword tree, read from the file view (the
/// lossless syntax tree, which holds even a half-typed line): the block keywords around it,
/// resolved through the keyword schema from the file level down.
enum SchemaContext {
    /// Inside a block of keywords (the file level is one).
    case keywords(BlockSpec)
    /// Inside a value block: its lines are entries (`track_script { NAME }`).
    case entries(KeywordSpec)
    /// Inside a block the schema does not know (a misspelt keyword's block).
    case unknown

    /// The context of byte `offset` of `tree`'s file.
    static func at(_ offset: Int, in tree: SyntaxTree) -> SchemaContext {
        resolve(keywordChain(of: enclosingNode(of: offset, in: tree), in: tree))
    }

    /// The context a statement node is read in (that of its parent's block).
    static func of(node: Int, in tree: SyntaxTree) -> SchemaContext {
        resolve(keywordChain(of: tree.nodes[node].parent, in: tree))
    }

    /// The innermost statement whose block holds `offset` (after its `{`, not after its `}`).
    static func enclosingNode(of offset: Int, in tree: SyntaxTree) -> Int? {
        var best: (node: Int, brace: Int)?
        for (index, node) in tree.nodes.enumerated() {
            guard let block = node.block, let open = block.openBraceToken(in: tree.tokens) else { continue }
            let braceEnd = tree.tokens[open].end
            guard braceEnd <= offset else { continue }
            if let close = block.closeBraceToken(in: tree.tokens), tree.tokens[close].start < offset { continue }
            if best == nil || braceEnd > best!.brace { best = (index, braceEnd) }
        }
        return best?.node
    }

    /// The keywords of `node` and the statements around it, outermost first.
    static func keywordChain(of node: Int?, in tree: SyntaxTree) -> [String] {
        var chain: [String] = []
        var current = node
        var steps = 0
        while let index = current, steps <= tree.nodes.count {
            guard let keyword = tree.keyword(of: index) else { return [] }
            chain.append(tree.text(of: keyword))
            current = tree.nodes[index].parent
            steps += 1
        }
        return chain.reversed()
    }

    static func resolve(_ chain: [String]) -> SchemaContext {
        var block = KeepalivedSchema.topLevel
        for (position, keyword) in chain.enumerated() {
            guard let row = block.keyword(keyword) else { return .unknown }
            switch row.kind {
            case .block:
                guard let inner = KeepalivedSchema.block(openedBy: row) else { return .unknown }
                block = inner
            case .valueBlock:
                return position == chain.count - 1 ? .entries(row) : .unknown
            case .value, .script:
                return .unknown
            }
        }
        return .keywords(block)
    }

    /// The block a keyword row is read in, by name ("" at the file level).
    var blockName: String {
        switch self {
        case .keywords(let block): return block.name
        case .entries(let row): return row.name
        case .unknown: return ""
        }
    }
}

/// How the schema's rows read to a person: kafmt's keyword reference notation.
enum SchemaText {
    /// `<vrid: 1..255>`, `[enabled: bool]`, ...
    static func arguments(_ row: KeywordSpec) -> String {
        KeywordReference.arguments(row.arguments)
    }

    static func kind(_ row: KeywordSpec) -> String {
        switch row.kind {
        case .value: return "value"
        case .script: return "script command line: `command [user [group]]`"
        case .block(let name): return "opens the block `\(name)`"
        case .valueBlock(let syntax): return "opens a block of `\(syntax.rawValue)` entries, one a line"
        }
    }

    /// Lines of Markdown: the row as the hover shows it.
    static func hover(_ row: KeywordSpec, block: String) -> String {
        var lines = ["**\(row.name)**" + (row.summary.isEmpty ? "" : " — \(row.summary)"), ""]
        lines.append("- Block: `\(block.isEmpty ? "(file level)" : block)`")
        lines.append("- Kind: \(kind(row))")
        let arguments = arguments(row)
        lines.append("- Arguments: " + (arguments.isEmpty ? "none" : "`\(arguments)`"))
        if let value = row.defaultValue { lines.append("- Default: \(value)") }
        lines.append("- Since: keepalived \(row.since)" + (row.knownIn227 ? "" : " (not in 2.2.7)"))
        if let replacement = row.deprecatedBy { lines.append("- Deprecated by: `\(replacement)`") }
        if row.repeatable { lines.append("- May be repeated") }
        if let feature = row.buildFeature { lines.append("- Needs keepalived built with \(feature.rawValue)") }
        return lines.joined(separator: "\n")
    }
}
