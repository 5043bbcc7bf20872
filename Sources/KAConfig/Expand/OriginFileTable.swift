import Synchronization

/// The files origins point to: each (path, include chain) pair gets a small number once, for the
/// life of the process, so that an `Origin` holds no strings or arrays. Equal pairs get equal
/// numbers, which keeps `Origin`'s equality and hashing meaning "same file, same chain".
/// The table only grows; a process sees few distinct files.
final class OriginFileTable: Sendable {
    static let shared = OriginFileTable()

    private struct Key: Hashable {
        var path: String
        var chain: [IncludeSite]
    }

    private struct Table {
        var entries: [Key] = [Key(path: "", chain: [])]
        var ids: [Key: UInt32] = [Key(path: "", chain: []): 0]
    }

    /// The table is shared by every thread that analyses files.
    private let table = Mutex(Table())

    func id(path: String, chain: [IncludeSite]) -> UInt32 {
        let key = Key(path: path, chain: chain)
        return table.withLock { table in
            if let id = table.ids[key] { return id }
            let id = UInt32(table.entries.count)
            table.entries.append(key)
            table.ids[key] = id
            return id
        }
    }

    func path(_ id: UInt32) -> String {
        table.withLock { $0.entries[Int(id)].path }
    }

    func chain(_ id: UInt32) -> [IncludeSite] {
        table.withLock { $0.entries[Int(id)].chain }
    }
}
