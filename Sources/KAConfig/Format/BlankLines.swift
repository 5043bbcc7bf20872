/// The blank-line rules of the canonical style: at most one blank line in a row, none at the
/// start or end of the file, none just inside a block's braces, and exactly one between a
/// top-level block and what comes before or after it. A blank line that ends a multi-line
/// `$NAME=` definition is always kept (keepalived ends the definition only there).
enum BlankLines {
    static func normalize(_ lines: [LayoutLine]) -> [LayoutLine] {
        separateTopLevelBlocks(collapse(lines))
    }

    static func collapse(_ lines: [LayoutLine]) -> [LayoutLine] {
        var output: [LayoutLine] = []
        output.reserveCapacity(lines.count)
        for line in lines {
            if line.isBlank {
                guard let previous = output.last else { continue }
                if previous.isBlank {
                    if line.isRequiredBlank { output[output.count - 1] = line }
                    continue
                }
                let opensBlock = previous.kind == .code && previous.endDepth > previous.startDepth
                if opensBlock, !line.isRequiredBlank { continue }
                output.append(line)
                continue
            }
            if line.startsWithClose, let previous = output.last, previous.isBlank, !previous.isRequiredBlank {
                output.removeLast()
            }
            output.append(line)
        }
        while let last = output.last, last.isBlank { output.removeLast() }
        return output
    }

    static func separateTopLevelBlocks(_ lines: [LayoutLine]) -> [LayoutLine] {
        var output: [LayoutLine] = []
        output.reserveCapacity(lines.count + lines.count / 8)
        for (index, line) in lines.enumerated() {
            if line.kind == .code, line.opensTopLevelBlock, line.startDepth == 0 {
                // The blank line goes above the comments that introduce the block.
                var insertion = output.count
                while insertion > 0, output[insertion - 1].kind == .comment { insertion -= 1 }
                if insertion > 0, output[insertion - 1].kind == .code {
                    output.insert(.blank(required: false, depth: 0), at: insertion)
                }
            }
            output.append(line)
            if line.kind == .code, line.closesTopLevelBlock, line.endDepth == 0, index + 1 < lines.count,
                !lines[index + 1].isBlank
            {
                output.append(.blank(required: false, depth: 0))
            }
        }
        return output
    }
}
