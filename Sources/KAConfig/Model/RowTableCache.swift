import Synchronization

/// Every block's keyword rows, built once per schema: the real schema's tables are built once
/// per process and shared by every walk (rows are immutable), instead of once per file.
final class RowTableCache: Sendable {
    let topLevel: KeywordWalker.RowTable
    let byName: KeywordTable<KeywordWalker.RowTable>

    private static let current = Mutex<RowTableCache?>(nil)

    /// The real schema's tables, built on first use and again after `AnalysisCaches.release()`.
    static var keepalived: RowTableCache {
        current.withLock { cache in
            if let cache { return cache }
            let made = RowTableCache(schema: .keepalived)
            cache = made
            return made
        }
    }

    static func release() { current.withLock { $0 = nil } }

    init(schema: SchemaView) {
        let childNameRequirement = { (name: String) in schema.blockNamed(name)?.nameRequirement }
        topLevel = KeywordWalker.RowTable(schema.topLevel, childNameRequirement: childNameRequirement)
        var tables: [(String, KeywordWalker.RowTable)] = []
        var seen: Set<String> = []
        var pending = [schema.topLevel]
        while let block = pending.popLast() {
            for row in block.keywords {
                guard case .block(let name) = row.kind, seen.insert(name).inserted, let spec = schema.blockNamed(name) else {
                    continue
                }
                tables.append((name, KeywordWalker.RowTable(spec, childNameRequirement: childNameRequirement)))
                pending.append(spec)
            }
        }
        byName = KeywordTable(tables)
    }
}
