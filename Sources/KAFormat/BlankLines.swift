import KAConfig

/// The blank-line rules of the canonical style: at most one blank line in a row, none at the
/// start or end of the file, none just inside a block's braces, and exactly one between a
/// top-level block and what comes before or after it. A blank line that ends a multi-line
/// `$NAME=` definition is always kept (keepalived ends the definition only there), and none is
/// added inside one.
enum BlankLines {
    static func normalize(_ lines: [LayoutLine]) -> [LayoutLine] {
        var collapsed = lines
        collapse(&collapsed)
        return separateTopLevelBlocks(collapsed)
    }

    /// Drops the blank lines the style does not want, in place (kept lines move down).
    static func collapse(_ lines: inout [LayoutLine]) {
        var kept = 0
        for index in lines.indices {
            let line = lines[index]
            if line.isBlank {
                guard kept > 0 else { continue }
                let previous = lines[kept - 1]
                if previous.isBlank {
                    if line.isRequiredBlank { lines[kept - 1] = line }
                    continue
                }
                let opensBlock = previous.kind == .code && previous.endDepth > previous.startDepth
                if opensBlock, !line.isRequiredBlank { continue }
            } else if line.startsWithClose, kept > 0, lines[kept - 1].isBlank, !lines[kept - 1].isRequiredBlank {
                kept -= 1
            }
            lines[kept] = line
            kept += 1
        }
        while kept > 0, lines[kept - 1].isBlank { kept -= 1 }
        lines.removeSubrange(kept...)
    }

    static func separateTopLevelBlocks(_ lines: [LayoutLine]) -> [LayoutLine] {
        var output: [LayoutLine] = []
        output.reserveCapacity(lines.count + lines.count / 8)
        for (index, line) in lines.enumerated() {
            if line.kind == .code, line.opensTopLevelBlock, line.startDepth == 0 {
                // The blank line goes above the comments that introduce the block.
                var insertion = output.count
                while insertion > 0, output[insertion - 1].kind == .comment { insertion -= 1 }
                if insertion > 0, output[insertion - 1].kind == .code, !output[insertion - 1].continuesDefinition {
                    output.insert(.blank(required: false, depth: 0), at: insertion)
                }
            }
            output.append(line)
            // Never after a line that a `$NAME=` definition continues past (it ends in a backslash): the blank line would
            // end the definition there and change what it means.
            if line.kind == .code, line.closesTopLevelBlock, line.endDepth == 0, index + 1 < lines.count,
                !lines[index + 1].isBlank, !line.continuesDefinition
            {
                output.append(.blank(required: false, depth: 0))
            }
        }
        return output
    }
}
