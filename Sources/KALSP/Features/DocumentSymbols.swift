import KAConfig
import KAJSON

/// The outline: every top-level block (instances, scripts, trackers, sync groups, virtual
/// servers with their real servers, global_defs, ...), named as written, from the file view.
extension LanguageServer {
    func documentSymbols(_ params: JSONValue) -> RequestOutcome {
        guard let document = document(params) else { return .null }
        let tree = Parser.parse(path: document.path, bytes: document.bytes)
        return .result(.array(tree.rootChildren.compactMap { symbol($0, tree, document.source, depth: 0) }))
    }

    /// LSP SymbolKind by block keyword.
    static let symbolKinds: [String: Int] = [
        "vrrp_instance": 5, "vrrp_sync_group": 3, "track_group": 3, "vrrp_script": 12, "track_file": 12,
        "vrrp_track_file": 12, "vrrp_track_process": 12, "bfd_instance": 12, "virtual_server": 2,
        "virtual_server_group": 2, "real_server": 19, "global_defs": 4,
    ]

    private func symbol(_ node: Int, _ tree: SyntaxTree, _ source: SourceFile, depth: Int) -> JSONValue? {
        guard tree.nodes[node].kind == .statement, let block = tree.nodes[node].block else { return nil }
        let words = tree.words(of: node)
        guard let keywordToken = words.first else { return nil }
        let keyword = tree.text(of: keywordToken)
        let nameTokens = Array(words.dropFirst())
        let name = nameTokens.isEmpty ? keyword : nameTokens.map { tree.text(of: $0) }.joined(separator: " ")
        let selection = nameTokens.isEmpty
            ? tree.tokens[keywordToken].range
            : tree.tokens[nameTokens[0]].start..<tree.tokens[nameTokens[nameTokens.count - 1]].end
        // Real servers under their virtual server; deeper blocks are details, not outline.
        let children = depth == 0 && keyword == "virtual_server"
            ? block.children.filter { child in tree.keyword(of: child).map { tree.text(of: $0) } == "real_server" }
                .compactMap { symbol($0, tree, source, depth: depth + 1) }
            : []
        var fields: [(String, JSONValue)] = [
            ("name", .string(name)),
            ("detail", .string(nameTokens.isEmpty ? "" : keyword)),
            ("kind", .int(Self.symbolKinds[keyword] ?? 23)),
            ("range", source.range(ofBytes: tree.byteRange(ofNode: node)).json),
            ("selectionRange", source.range(ofBytes: selection).json),
        ]
        if !children.isEmpty { fields.append(("children", .array(children))) }
        return .object(fields)
    }
}
