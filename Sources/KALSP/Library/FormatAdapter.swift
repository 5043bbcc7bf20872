import KAConfig

/// kafmt's formatter, as the line changes it makes to a buffer: each hunk replaces a run of old
/// lines with new ones, the lines around it unchanged, so a client keeps its cursor and marks,
/// and range formatting can take only the hunks it was asked for.
enum FormatAdapter {
    struct Hunk: Equatable {
        /// 0-based lines of the old text replaced (empty: an insertion before `oldLines.lowerBound`).
        var oldLines: Range<Int>
        var oldBytes: Range<Int>
        var replacement: [UInt8]
    }

    enum Outcome: Equatable {
        case hunks([Hunk])
        /// kafmt refuses the file (a syntax error, a line it cannot lay out): why.
        case refused(String)
    }

    static func format(path: String, bytes: [UInt8]) -> Outcome {
        let result = Formatter.format(path: path, bytes: bytes)
        guard let formatted = result.bytes else {
            let reasons = result.diagnostics.prefix(3).map { "\($0.line):\($0.column): \($0.message)" }
            return .refused("kafmt leaves this file as it is: " + reasons.joined(separator: "; "))
        }
        return .hunks(hunks(old: bytes, new: formatted))
    }

    static func hunks(old: [UInt8], new: [UInt8]) -> [Hunk] {
        guard old != new else { return [] }
        let oldLines = FormatDiff.splitLines(old)
        let newLines = FormatDiff.splitLines(new)
        /// The byte where old line `index` starts (the end of the text past the last line).
        func oldStart(_ index: Int) -> Int { index < oldLines.count ? oldLines[index].startIndex : old.count }
        var hunks: [Hunk] = []
        var oldCursor = 0
        var pending: Hunk?
        func flush() {
            if let hunk = pending { hunks.append(hunk) }
            pending = nil
        }
        for edit in FormatLineDiff.edits(oldLines, newLines) {
            switch edit.kind {
            case .keep:
                flush()
                oldCursor += 1
            case .delete:
                var hunk = pending ?? Hunk(oldLines: oldCursor..<oldCursor, oldBytes: oldStart(oldCursor)..<oldStart(oldCursor), replacement: [])
                oldCursor += 1
                hunk.oldLines = hunk.oldLines.lowerBound..<oldCursor
                hunk.oldBytes = hunk.oldBytes.lowerBound..<oldStart(oldCursor)
                pending = hunk
            case .insert:
                var hunk = pending ?? Hunk(oldLines: oldCursor..<oldCursor, oldBytes: oldStart(oldCursor)..<oldStart(oldCursor), replacement: [])
                if let index = edit.newIndex, index < newLines.count { hunk.replacement += newLines[index] }
                pending = hunk
            }
        }
        flush()
        return hunks
    }
}
