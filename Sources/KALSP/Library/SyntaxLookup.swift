import KAConfig

/// Finding things by byte offset in a file's lossless syntax tree.
extension SyntaxTree {
    /// The token under `offset`; at the end of a word (the cursor just after it), that word.
    func tokenIndex(at offset: Int) -> Int? {
        guard !tokens.isEmpty else { return nil }
        var low = 0
        var high = tokens.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if tokens[mid].start <= offset { low = mid } else { high = mid - 1 }
        }
        if low > 0, tokens[low].start == offset, tokens[low].kind.isTrivia || tokens[low].kind == .closeBrace,
            !tokens[low - 1].kind.isTrivia
        {
            return low - 1
        }
        return tokens[low].range.contains(offset) || tokens[low].end == offset ? low : nil
    }

    /// The node whose head holds token `index`.
    func node(holdingToken index: Int) -> Int? {
        nodes.indices.first { nodes[$0].head.contains(index) }
    }

    /// From a statement's keyword to its last byte (its `}`; an unclosed block runs to its last child).
    func byteRange(ofNode index: Int) -> Range<Int> {
        let significant = significantTokens(of: index)
        let head = nodes[index].head
        let start = significant.first.map { tokens[$0].start } ?? (head.lowerBound < tokens.count ? tokens[head.lowerBound].start : source.bytes.count)
        var current = index
        var end = significant.last.map { tokens[$0].end } ?? start
        var steps = 0
        while let block = nodes[current].block, steps <= nodes.count {
            steps += 1
            if let close = block.closeBraceToken(in: tokens) {
                end = tokens[close].end
                break
            }
            if let open = block.openBraceToken(in: tokens) { end = max(end, tokens[open].end) }
            guard let last = block.children.last else { break }
            current = last
            end = max(end, significantTokens(of: last).last.map { tokens[$0].end } ?? end)
        }
        return start..<max(start, end)
    }
}
