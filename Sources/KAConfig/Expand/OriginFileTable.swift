import Foundation

/// The files origins point to: each (path, include chain) pair gets a small number once, for the
/// life of the process, so that an `Origin` holds no strings or arrays. Equal pairs get equal
/// numbers, which keeps `Origin`'s equality and hashing meaning "same file, same chain".
/// The table only grows; a process sees few distinct files.
final class OriginFileTable: @unchecked Sendable {
    static let shared = OriginFileTable()

    private struct Key: Hashable {
        var path: String
        var chain: [IncludeSite]
    }

    /// Guards `entries` and `ids` (the table is shared by every thread that analyses files).
    private let lock = NSLock()
    private var entries: [Key] = [Key(path: "", chain: [])]
    private var ids: [Key: UInt32] = [Key(path: "", chain: []): 0]

    func id(path: String, chain: [IncludeSite]) -> UInt32 {
        let key = Key(path: path, chain: chain)
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[key] { return id }
        let id = UInt32(entries.count)
        entries.append(key)
        ids[key] = id
        return id
    }

    func path(_ id: UInt32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return entries[Int(id)].path
    }

    func chain(_ id: UInt32) -> [IncludeSite] {
        lock.lock()
        defer { lock.unlock() }
        return entries[Int(id)].chain
    }
}
