import KAConfig

/// Applies fix-it edits to file bytes. Edits that overlap an earlier accepted edit are skipped,
/// so applying never corrupts a file; the result is what `kalint --fix` writes.
public enum FixApplier {
    public struct Result: Sendable {
        public var bytes: [UInt8]
        public var applied: Int
        public var skipped: Int
    }

    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> Result {
        // Keep the first of overlapping edits (in source order), drop exact duplicates.
        var accepted: [TextEdit] = []
        var skipped = 0
        for edit in edits.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }) {
            if let last = accepted.last {
                if last == edit { continue }
                if edit.range.lowerBound < last.range.upperBound
                    || (edit.range.isEmpty && last.range.isEmpty && edit.range.lowerBound == last.range.lowerBound)
                {
                    skipped += 1
                    continue
                }
            }
            guard edit.range.lowerBound >= 0, edit.range.upperBound <= bytes.count else {
                skipped += 1
                continue
            }
            accepted.append(edit)
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var cursor = 0
        for edit in accepted {
            output.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            output.append(contentsOf: Array(edit.replacement.utf8))
            cursor = edit.range.upperBound
        }
        output.append(contentsOf: bytes[cursor...])
        return Result(bytes: output, applied: accepted.count, skipped: skipped)
    }
}
