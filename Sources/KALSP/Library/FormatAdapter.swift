import KAConfig
import KAFormat

/// kafmt's formatter, as the line changes it makes to a buffer: each hunk replaces a run of old
/// lines with new ones, the lines around it unchanged, so a client keeps its cursor and marks,
/// and range formatting can take only the hunks it was asked for. Within a run of changed lines,
/// a line that only changes its blanks (indentation, comment alignment) is a hunk of its own, so
/// formatting line 4 does not also reformat lines 3 and 5.
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
        let oldLines = UnifiedDiff.splitLines(old)
        let newLines = UnifiedDiff.splitLines(new)
        var hunks: [Hunk] = []
        for run in runs(LineDiff.edits(oldLines, newLines)) {
            // Pair the lines of a run that are equal but for blanks: each pair is its own hunk.
            let oldRun = run.old.map { blanksCollapsed(oldLines[$0]) }
            let newRun = run.new.map { blanksCollapsed(newLines[$0]) }
            let paired = runs(LineDiff.edits(oldRun, newRun), oldOffset: run.old.lowerBound, newOffset: run.new.lowerBound)
            var pieces: [(old: Range<Int>, new: Range<Int>)] = []
            var oldCursor = run.old.lowerBound
            var newCursor = run.new.lowerBound
            for piece in paired {
                // The lines before this unpaired piece are pairs, one line each.
                while oldCursor < piece.old.lowerBound, newCursor < piece.new.lowerBound {
                    pieces.append((oldCursor..<(oldCursor + 1), newCursor..<(newCursor + 1)))
                    oldCursor += 1
                    newCursor += 1
                }
                pieces.append(piece)
                oldCursor = piece.old.upperBound
                newCursor = piece.new.upperBound
            }
            while oldCursor < run.old.upperBound, newCursor < run.new.upperBound {
                pieces.append((oldCursor..<(oldCursor + 1), newCursor..<(newCursor + 1)))
                oldCursor += 1
                newCursor += 1
            }
            for piece in pieces {
                let start = piece.old.lowerBound < oldLines.count ? oldLines[piece.old.lowerBound].startIndex : old.count
                let end = piece.old.upperBound < oldLines.count ? oldLines[piece.old.upperBound].startIndex : old.count
                let replacement = piece.new.flatMap { Array(newLines[$0]) }
                let hunk = Hunk(oldLines: piece.old, oldBytes: start..<end, replacement: replacement)
                if hunk.oldBytes.isEmpty, hunk.replacement.isEmpty { continue }
                if Array(old[hunk.oldBytes]) == hunk.replacement { continue }
                hunks.append(hunk)
            }
        }
        return hunks
    }

    /// The runs of changed lines of an edit script: old lines deleted and new lines inserted
    /// between two kept lines (indices shifted by the offsets).
    static func runs(_ edits: [LineDiff.Edit], oldOffset: Int = 0, newOffset: Int = 0) -> [(old: Range<Int>, new: Range<Int>)] {
        var result: [(old: Range<Int>, new: Range<Int>)] = []
        var oldCursor = 0
        var newCursor = 0
        var start: (old: Int, new: Int)?
        func close() {
            if let run = start {
                result.append(((run.old + oldOffset)..<(oldCursor + oldOffset), (run.new + newOffset)..<(newCursor + newOffset)))
            }
            start = nil
        }
        for edit in edits {
            switch edit.kind {
            case .keep:
                close()
                oldCursor += 1
                newCursor += 1
            case .delete:
                if start == nil { start = (oldCursor, newCursor) }
                oldCursor += 1
            case .insert:
                if start == nil { start = (oldCursor, newCursor) }
                newCursor += 1
            }
        }
        close()
        return result
    }

    /// A line with its blanks collapsed to one space and none at either end (the terminator too).
    static func blanksCollapsed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var result: [UInt8] = []
        var pendingBlank = false
        for byte in line {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingBlank = !result.isEmpty
            } else {
                if pendingBlank { result.append(0x20) }
                pendingBlank = false
                result.append(byte)
            }
        }
        return result[...]
    }
}
