/// Every block's keyword rows, built once per schema: the real schema's tables are built once
/// per process and shared by every walk (rows are immutable), instead of once per file.
final class RowTableCache: Sendable {
    let topLevel: KeywordWalker.RowTable
    let byName: KeywordTable<KeywordWalker.RowTable>

    static let keepalived = RowTableCache(schema: .keepalived)

    init(schema: SchemaView) {
        topLevel = KeywordWalker.RowTable(schema.topLevel)
        var tables: [(String, KeywordWalker.RowTable)] = []
        var seen: Set<String> = []
        var pending = [schema.topLevel]
        while let block = pending.popLast() {
            for row in block.keywords {
                guard case .block(let name) = row.kind, seen.insert(name).inserted, let spec = schema.blockNamed(name) else {
                    continue
                }
                tables.append((name, KeywordWalker.RowTable(spec)))
                pending.append(spec)
            }
        }
        byName = KeywordTable(tables)
    }
}
