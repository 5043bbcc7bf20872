import Synchronization

/// Block spec names as 2-byte ids, so that a `BoundBlock` keeps an id rather than a 16-byte
/// `String` (25,000 blocks at 5,000 instances). The schema's names have fixed ids, read without
/// a lock; a name outside it (a tree built by hand) gets the next free id, kept for the process.
enum BlockSpecNames {
    /// The top level's "" and every block of keepalived's schema, by id.
    static let known: [String] = {
        var names = [""]
        for block in KeepalivedSchema.allBlocks where !names.contains(block.name) { names.append(block.name) }
        return names
    }()

    private static let knownIDs: [String: UInt16] = Dictionary(
        uniqueKeysWithValues: known.enumerated().map { ($0.element, UInt16($0.offset)) })

    /// Names outside the schema, by id minus `known.count`.
    private static let others = Mutex<[String]>([])

    static func id(_ name: String) -> UInt16 {
        if let id = knownIDs[name] { return id }
        return others.withLock { others in
            if let index = others.firstIndex(of: name) { return UInt16(known.count + index) }
            precondition(known.count + others.count < Int(UInt16.max), "more block names than a BoundBlock can tell apart")
            others.append(name)
            return UInt16(known.count + others.count - 1)
        }
    }

    static func name(_ id: UInt16) -> String {
        let index = Int(id)
        if index < known.count { return known[index] }
        return others.withLock { $0[index - known.count] }
    }
}
