/// Everything the front end knows about one node's configuration: the expansion (with every file's
/// lossless tree), the bound statements, the typed model and the KA1xx/KA2xx diagnostics.
public struct NodeAnalysis: Sendable {
    public var path: String
    /// The files read (lossless trees) and the KA1xx findings. Its `lines` are empty: the
    /// binder consumed them, and the bound statements keep their words.
    public var expanded: ExpandedConfig
    public var bound: BindResult
    /// Instance name -> index of its block in `bound.tree.blocks` (first definition wins, as in keepalived).
    public var instanceBlocks: InstanceBlockTable

    public init(path: String, expanded: ExpandedConfig, bound: BindResult) {
        self.init(path: path, expanded: expanded, bound: bound, instanceBlocks: InstanceBlockTable(bound.tree))
    }

    /// With `instanceBlocks` already derived from `bound.tree` (while the model was built).
    init(path: String, expanded: ExpandedConfig, bound: BindResult, instanceBlocks: InstanceBlockTable) {
        self.path = path
        self.expanded = expanded
        self.bound = bound
        self.instanceBlocks = instanceBlocks
    }

    public var model: Configuration { bound.model }

    /// Syntax (expansion) and binding diagnostics.
    public var frontEndDiagnostics: [Diagnostic] { expanded.diagnostics + bound.diagnostics }

    /// The source files read for this node, by path (for rendering and fix-its).
    public var sources: [String: SourceFile] { expanded.files.mapValues(\.source) }

    /// The first statement with `keyword` in the block of instance `name`, searching its sub-blocks
    /// too (so `auth_pass` is found inside `authentication`).
    public func statement(_ keyword: String, inInstance name: String) -> BoundStatement? {
        guard let block = instanceBlocks[name] else { return nil }
        return statement(keyword, inBlock: block)
    }

    public func statements(_ keyword: String, inInstance name: String) -> [BoundStatement] {
        guard let block = instanceBlocks[name] else { return [] }
        return statements(keyword, inBlock: block)
    }

    public func statement(_ keyword: String, inBlock block: Int) -> BoundStatement? {
        statements(keyword, inBlock: block).first
    }

    /// In reading order (the arena's order); only the matching statements are copied.
    public func statements(_ keyword: String, inBlock block: Int) -> [BoundStatement] {
        var found: [Int] = []
        var pending = [block]
        let tree = bound.tree
        while let current = pending.popLast() {
            for index in tree.blocks[current].statements {
                if tree.statements[index].row.name == keyword { found.append(index) }
                if let child = tree.statements[index].block { pending.append(child) }
            }
        }
        if found.count > 1 { found.sort() }
        return found.map { tree.statements[$0] }
    }

    /// Top-level (or any) blocks of a kind with their opener statements.
    public func blocks(ofKind specName: String) -> [(block: Int, opener: BoundStatement)] {
        bound.tree.blocks.enumerated().compactMap { index, block in
            guard block.specName == specName, let opener = block.opener else { return nil }
            return (index, bound.tree.statements[opener])
        }
    }

    /// The span of an instance's header (`vrrp_instance NAME`), for findings about the whole instance.
    public func instanceSpan(_ instance: VRRPInstance) -> SourceSpan {
        if let block = instanceBlocks[instance.name], let opener = bound.tree.blocks[block].opener {
            let words = bound.tree.statements[opener].words
            return words.count > 1 ? words[1].origin.span : words[0].origin.span
        }
        return instance.origin?.span ?? SourceSpan(file: path, start: .init(line: 1, column: 1), end: .init(line: 1, column: 2))
    }

    /// The span of a statement's argument word (0 = first after the keyword), else of its keyword.
    public static func span(of statement: BoundStatement, argument: Int) -> SourceSpan {
        let index = argument + 1
        return index < statement.words.count ? statement.words[index].origin.span : statement.words[0].origin.span
    }
}
