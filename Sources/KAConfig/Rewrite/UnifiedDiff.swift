/// A line diff in unified format (`--- a`, `+++ b`, `@@ -l,n +l,n @@` hunks with three lines of
/// context) that `patch` applies, for kafmt's `--diff` and kalint's `--fix --diff`. Lines are
/// compared as bytes, terminators included (a CRLF → LF change shows), a missing final newline is
/// marked as `diff -u` does, and the work is bounded on files where nearly every line changes.
public enum UnifiedDiff {
    public static let contextLines = 3

    /// Empty when the inputs are equal.
    public static func diff(old: [UInt8], new: [UInt8], oldName: String, newName: String) -> [UInt8] {
        if old == new { return [] }
        let oldLines = splitLines(old)
        let newLines = splitLines(new)
        let edits = LineDiff.edits(oldLines, newLines)
        var output = Array("--- \(oldName)\n+++ \(newName)\n".utf8)
        for hunk in hunks(edits) {
            let oldStart = hunk.first { $0.oldIndex != nil }?.oldIndex
            let newStart = hunk.first { $0.newIndex != nil }?.newIndex
            let oldCount = hunk.count { $0.kind != .insert }
            let newCount = hunk.count { $0.kind != .delete }
            output += Array("@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n".utf8)
            for edit in hunk {
                switch edit.kind {
                case .keep: appendLine(" ", oldLines[edit.oldIndex!], to: &output)
                case .delete: appendLine("-", oldLines[edit.oldIndex!], to: &output)
                case .insert: appendLine("+", newLines[edit.newIndex!], to: &output)
                }
            }
        }
        return output
    }

    /// `start,count` with 1-based start; an empty side is `last-line,0`.
    private static func range(_ start: Int?, _ count: Int) -> String {
        guard let start else { return "0,0" }
        return count == 1 ? "\(start + 1)" : "\(start + (count == 0 ? 0 : 1)),\(count)"
    }

    private static func appendLine(_ marker: Character, _ line: ArraySlice<UInt8>, to output: inout [UInt8]) {
        output.append(contentsOf: Array(String(marker).utf8))
        output.append(contentsOf: line)
        if line.last != 0x0A { output.append(contentsOf: Array("\n\\ No newline at end of file\n".utf8)) }
    }

    public static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    /// Groups edits into hunks: changes with up to three lines of context around them, hunks
    /// that would overlap merged.
    private static func hunks(_ edits: [LineDiff.Edit]) -> [[LineDiff.Edit]] {
        var result: [[LineDiff.Edit]] = []
        let changed = edits.indices.filter { edits[$0].kind != .keep }
        var index = 0
        while index < changed.count {
            let start = max(0, changed[index] - contextLines)
            var end = min(edits.count, changed[index] + contextLines + 1)
            index += 1
            while index < changed.count, changed[index] - contextLines <= end {
                end = min(edits.count, changed[index] + contextLines + 1)
                index += 1
            }
            result.append(Array(edits[start..<end]))
        }
        return result
    }
}

/// Shortest edit script between two line lists (Myers' O(ND) algorithm), after trimming the
/// common prefix and suffix. Past a bound on the edit distance it gives up on finding the
/// shortest script and replaces the differing middle wholesale, so it never runs away.
public enum LineDiff {
    public struct Edit: Equatable, Sendable {
        public enum Kind: Sendable { case keep, delete, insert }
        public var kind: Kind
        public var oldIndex: Int?
        public var newIndex: Int?
    }

    static let maximumDistance = 1000

    public static func edits(_ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>]) -> [Edit] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        var result = (0..<prefix).map { Edit(kind: .keep, oldIndex: $0, newIndex: $0) }
        let oldMiddle = Array(old[prefix..<(old.count - suffix)])
        let newMiddle = Array(new[prefix..<(new.count - suffix)])
        let middle = myers(oldMiddle, newMiddle) ?? replaceAll(oldMiddle.count, newMiddle.count)
        for edit in middle {
            result.append(Edit(
                kind: edit.kind, oldIndex: edit.oldIndex.map { $0 + prefix }, newIndex: edit.newIndex.map { $0 + prefix }))
        }
        for offset in 0..<suffix {
            result.append(Edit(kind: .keep, oldIndex: old.count - suffix + offset, newIndex: new.count - suffix + offset))
        }
        return result
    }

    private static func replaceAll(_ oldCount: Int, _ newCount: Int) -> [Edit] {
        (0..<oldCount).map { Edit(kind: .delete, oldIndex: $0, newIndex: nil) }
            + (0..<newCount).map { Edit(kind: .insert, oldIndex: nil, newIndex: $0) }
    }

    /// nil when the distance exceeds `maximumDistance`.
    private static func myers(_ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>]) -> [Edit]? {
        let n = old.count
        let m = new.count
        if n == 0 || m == 0 { return replaceAll(n, m) }
        let limit = min(n + m, maximumDistance)
        let offset = limit + 1
        var frontier = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        for distance in 0...limit {
            // Only the diagonals the next round can reach are kept, so memory grows as D².
            trace.append(Array(frontier[(offset - distance - 1)...(offset + distance + 1)]))
            for diagonal in stride(from: -distance, through: distance, by: 2) {
                var x: Int
                if diagonal == -distance
                    || (diagonal != distance && frontier[offset + diagonal - 1] < frontier[offset + diagonal + 1])
                {
                    x = frontier[offset + diagonal + 1]
                } else {
                    x = frontier[offset + diagonal - 1] + 1
                }
                var y = x - diagonal
                while x < n, y < m, old[x] == new[y] {
                    x += 1
                    y += 1
                }
                frontier[offset + diagonal] = x
                if x >= n, y >= m { return backtrack(trace, distance: distance, n: n, m: m) }
            }
        }
        return nil
    }

    private static func backtrack(_ trace: [[Int]], distance: Int, n: Int, m: Int) -> [Edit] {
        var edits: [Edit] = []
        var x = n
        var y = m
        for step in stride(from: distance, to: 0, by: -1) {
            let saved = trace[step]
            let base = step + 1  // saved[base + k] is the frontier of diagonal k
            let frontier = { (diagonal: Int) in saved[base + diagonal] }
            let diagonal = x - y
            let previousDiagonal: Int
            if diagonal == -step || (diagonal != step && frontier(diagonal - 1) < frontier(diagonal + 1)) {
                previousDiagonal = diagonal + 1
            } else {
                previousDiagonal = diagonal - 1
            }
            let previousX = frontier(previousDiagonal)
            let previousY = previousX - previousDiagonal
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                edits.append(Edit(kind: .keep, oldIndex: x, newIndex: y))
            }
            if x == previousX {
                y -= 1
                edits.append(Edit(kind: .insert, oldIndex: nil, newIndex: y))
            } else {
                x -= 1
                edits.append(Edit(kind: .delete, oldIndex: x, newIndex: nil))
            }
        }
        while x > 0, y > 0 {
            x -= 1
            y -= 1
            edits.append(Edit(kind: .keep, oldIndex: x, newIndex: y))
        }
        return edits.reversed()
    }
}
