import KAConfig

/// Where each bound statement sits: its index in reading order and the blocks around it. The
/// reference and script rules need "which instance / vrrp_script / checker is this line in" and
/// "was this read before that" (keepalived resolves trackers while it reads).
struct StatementContext: Sendable {
    let tree: BoundTree
    /// Statement index -> index of the block it belongs to.
    private var blockOf: [Int32]

    init(_ tree: BoundTree) {
        self.tree = tree
        // The walk's own list when the tree has it (the same values, no second array).
        if let bound = tree.blockOfStatements {
            blockOf = bound
            return
        }
        var blockOf = [Int32](repeating: 0, count: tree.statements.count)
        let count = blockOf.count
        // In place: a copy of each block would retain its name and the statement lists' array.
        tree.withBlockIndices { lists in
            blockOf.withUnsafeMutableBufferPointer { blockOf in
                for blockIndex in lists.blocks.indices {
                    let value = Int32(truncatingIfNeeded: blockIndex)
                    lists.forEach(inBlock: blockIndex) { statement in
                        if statement < count { blockOf[statement] = value }
                    }
                }
            }
        }
        self.blockOf = blockOf
    }

    /// The opener statements around statement `index`, innermost first.
    func enclosingOpeners(of index: Int) -> [Int] {
        var openers: [Int] = []
        var block = Int(blockOf[index])
        var guardSteps = tree.blocks.count
        while block != 0, let opener = tree.blocks[block].opener, guardSteps > 0 {
            openers.append(opener)
            block = Int(blockOf[opener])
            guardSteps -= 1
        }
        return openers
    }

    /// The innermost enclosing block opener whose keyword is one of `keywords` (walked up
    /// without gathering the openers). The blocks and openers are read in place and the few
    /// keywords compared one by one: copying each block and opener and hashing its keyword into
    /// a set took 500 instructions a call, and the tracker index calls it once a reference.
    func enclosing(_ index: Int, keywords: [String]) -> Int? {
        tree.withRefs { ref in
            tree.withBlockIndices { lists in enclosing(index, keywords: keywords, ref: ref, lists: lists) }
        }
    }

    /// The same, with the tree's references and block lists lent by a caller that asks for many
    /// statements (lending them costs more than the walk).
    func enclosing(_ index: Int, keywords: [String], ref: (Int) -> StatementRef, lists: BlockIndexReader) -> Int? {
        var block = Int(blockOf[index])
        var guardSteps = lists.blocks.count
        while block != 0, guardSteps > 0, let opener = lists.blocks[block].opener {
            if keywords.contains(ref(opener).keyword) { return opener }
            block = Int(blockOf[opener])
            guardSteps -= 1
        }
        return nil
    }

    /// The block statement `index` belongs to (0: the top level).
    func block(of index: Int) -> Int { Int(blockOf[index]) }

    /// Whether statement `index` is read at the top level (not inside any block).
    func isTopLevel(_ index: Int) -> Bool { blockOf[index] == 0 }

    /// The statements directly inside the block opened by `opener`.
    func children(of opener: Int) -> BlockStatements {
        guard let block = tree.statements[opener].block else { return [] }
        return tree.blocks[block].statements
    }

    /// "vrrp_instance VI_1", "real_server 192.0.2.21 80": how a block opener names itself.
    func title(_ opener: Int) -> String {
        tree.statements[opener].words.prefix(3).map(\.text).joined(separator: " ")
    }
}

extension Origin {
    /// "line 12" in the same file, "other.conf:12" in another.
    func place(relativeTo file: String) -> String {
        self.file == file ? "line \(line)" : "\(self.file):\(line)"
    }

    func note(_ message: String) -> RelatedLocation {
        RelatedLocation(file: file, line: line, column: column, message: message)
    }
}
