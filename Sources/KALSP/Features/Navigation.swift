import KAConfig
import KALint
import KAJSON

/// Go to definition (a tracked script, file, process or BFD, a sync-group member, any name
/// argument, an `include` to the files it reads) and find references, over the node the
/// document belongs to: its includes, and the file including it when it is included.
extension LanguageServer {
    mutating func definition(_ params: JSONValue) -> RequestOutcome {
        let (cursor, otherwise) = cursor(params)
        guard let (document, offset) = cursor else { return otherwise }
        let analysis = analysis()
        guard let owner = analysis.owner(of: document.path) else { return .null }
        let tree = analysis.tree(of: document.path) ?? Parser.parse(path: document.path, bytes: document.bytes)
        if let targets = includeTargets(tree, offset: offset, node: owner.node) {
            let origin = LSPRange(start: LSPPosition(line: 0, character: 0), end: LSPPosition(line: 0, character: 0))
            return .result(.array(targets.map { ["uri": .string(uri(for: $0)), "range": origin.json] }))
        }
        let index = NameIndex(owner.node.bound.tree)
        guard let occurrence = index.occurrence(in: document.path, at: offset),
            let definition = index.definition(of: occurrence)
        else { return .null }
        return .result(location(definition, analysis))
    }

    mutating func references(_ params: JSONValue) -> RequestOutcome {
        let (cursor, otherwise) = cursor(params)
        guard let (document, offset) = cursor else { return otherwise }
        let analysis = analysis()
        guard let owner = analysis.owner(of: document.path) else { return .null }
        let index = NameIndex(owner.node.bound.tree)
        guard let occurrence = index.occurrence(in: document.path, at: offset) else { return .result([]) }
        let includeDefinition = params[path: "context", "includeDeclaration"]?.bool ?? true
        let found = index.references(to: occurrence, includeDefinition: includeDefinition)
        return .result(.array(found.map { location($0, analysis) }))
    }

    func location(_ occurrence: NameIndex.Occurrence, _ analysis: WorkspaceAnalysis) -> JSONValue {
        let range = analysis.sources[occurrence.file].map { $0.range(ofBytes: occurrence.bytes) }
            ?? LSPRange(start: LSPPosition(line: 0, character: 0), end: LSPPosition(line: 0, character: 0))
        return ["uri": .string(uri(for: occurrence.file)), "range": range.json]
    }

    /// When `offset` is on an `include` line: the files it brings in, as the analysis bound them
    /// (so `@id` conditions and open buffers count), else as its glob matches on disk.
    func includeTargets(_ tree: SyntaxTree, offset: Int, node: NodeAnalysis) -> [String]? {
        guard let tokenIndex = tree.tokenIndex(at: offset), let statement = tree.node(holdingToken: tokenIndex),
            let patternToken = tree.nodes[statement].head.first(where: { tree.tokens[$0].kind == .includePattern })
        else { return nil }
        let line = tree.source.location(of: tree.tokens[patternToken].start).line
        var targets: [String] = []
        var seen = Set<String>()
        // The analysis keeps no expanded lines, but each bound statement keeps its origin.
        for statement in node.bound.tree.statements {
            guard let site = statement.origin.includeChain.last, site.file == tree.source.path, site.line == line else { continue }
            if seen.insert(statement.origin.file).inserted { targets.append(statement.origin.file) }
        }
        let pattern = String(tree.text(of: patternToken).drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
        let folder = DocumentURI.directory(of: tree.source.path)
        for match in LocalFileSystem().glob(pattern, relativeTo: folder) where !match.hasSuffix("/") && seen.insert(match).inserted {
            targets.append(match)
        }
        return targets
    }
}
