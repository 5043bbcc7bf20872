/// Instance name -> index of its `vrrp_instance` block in the tree (the first definition wins,
/// as in keepalived). An open-addressing table of block indices that reads each name from the
/// block's header line, not a dictionary that keeps the names again: 4 bytes a slot, where a
/// `[String: Int]` took 24 (786 KB at 20,000 instances, 128 KB now).
public struct InstanceBlockTable: Sendable, Equatable {
    private let tree: BoundTree
    /// Block indices by the hash of their name, -1 for an empty slot; at most half full.
    private let slots: [Int32]
    public let count: Int

    public init(_ tree: BoundTree) {
        self.tree = tree
        let blocks = tree.blocks(ofSpec: "vrrp_instance")
        var capacity = 16
        while capacity < blocks.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        var count = 0
        for block in blocks {
            guard let name = Self.name(ofBlock: block, in: tree) else { continue }
            // A name already in the table keeps its first block.
            let (slot, found) = Self.probe(name, slots: slots, tree: tree)
            guard found == nil else { continue }
            slots[slot] = Int32(truncatingIfNeeded: block)
            count += 1
        }
        self.slots = slots
        self.count = count
    }

    /// The block of the instance named `name`, nil when no block defines it.
    public subscript(name: String) -> Int? { Self.probe(name, slots: slots, tree: tree).found }

    /// Every name and its block, in block order.
    public var entries: [(name: String, block: Int)] {
        slots.filter { $0 >= 0 }.map(Int.init).sorted().map { (Self.name(ofBlock: $0, in: tree) ?? "", $0) }
    }

    public static func == (lhs: InstanceBlockTable, rhs: InstanceBlockTable) -> Bool {
        lhs.count == rhs.count && lhs.entries.allSatisfy { rhs[$0.name] == $0.block }
    }

    /// Names compared as bytes, as they are hashed (and as keepalived's `strcmp` compares them).
    private static func same(_ stored: String?, _ name: String) -> Bool {
        guard var stored else { return false }
        var name = name
        return stored.withUTF8 { a in name.withUTF8 { b in a.elementsEqual(b) } }
    }

    /// The block named `name` when the table has it, and the slot where the search for it ended
    /// (the free slot it would take otherwise).
    private static func probe(_ name: String, slots: [Int32], tree: BoundTree) -> (slot: Int, found: Int?) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: KeywordTable<Int>.hash(name) >> 1) & mask
        while slots[index] >= 0 {
            let block = Int(slots[index])
            if same(Self.name(ofBlock: block, in: tree), name) { return (index, block) }
            index = (index + 1) & mask
        }
        return (index, nil)
    }

    /// The name word of a block's header line (`vrrp_instance NAME`), read in place.
    private static func name(ofBlock block: Int, in tree: BoundTree) -> String? {
        guard let opener = tree.blocks[block].opener else { return nil }
        let words = tree.statements[opener].words
        return words.count > 1 ? words.withText(1) { $0.pointee } : nil
    }
}
