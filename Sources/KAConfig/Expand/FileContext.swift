/// One opening of a file: its source, how it was reached, and its directory (keepalived's
/// current directory while it is read).
struct FileContext {
    var path: String
    var source: SourceFile
    var chain: [IncludeSite]
    /// The (path, chain) pair's number in `OriginFileTable`, shared by every origin of this opening.
    let fileID: UInt32
    var directory: String
    /// Paths of the files that include this one, outermost first, then this file itself.
    var ancestors: [String]
    /// Index of the line the last location lookup found (word offsets mostly increase).
    var lineHint = 0

    init(path: String, source: SourceFile, chain: [IncludeSite], directory: String, ancestors: [String]) {
        self.path = path
        self.source = source
        self.chain = chain
        self.fileID = OriginFileTable.shared.id(path: path, chain: chain)
        self.directory = directory
        self.ancestors = ancestors
    }

    /// 1-based line and column of `offset`, remembering the line for the next lookup.
    mutating func location(of offset: Int) -> SourceLocation {
        let hint = lineHint
        // The hint reads every line's start (a released source's table keeps some only).
        let found = source.lineStarts.isSparse ? nil : source.lineStarts.starts.withUnsafeBufferPointer { starts -> Int? in
            // The hinted line or the one after it.
            for line in hint..<min(hint + 2, starts.count) where Int(starts[line]) <= offset {
                if line + 1 == starts.count || offset < Int(starts[line + 1]) { return line }
            }
            return nil
        }
        if let found {
            lineHint = found
            return SourceLocation(line: found + 1, column: offset - source.lineStarts[found] + 1)
        }
        let location = source.location(of: offset)
        lineHint = location.line - 1
        return location
    }
}

/// A file keepalived is reading: the byte at which its next physical line starts.
struct OpenFile {
    var context: Int
    var position: Int
}

/// One `include` (or the root file): its glob matches, read one after the other.
struct GlobEntry {
    var matches: [String]
    var nextMatch = 0
    var flags: IncludeFlags
    /// `include_check` as it was when the include was read; restored when each match ends.
    var savedIncludeCheck: IncludeFlags
    /// Where the directive is (nil for the root file), and the chain its files get.
    var site: IncludeSite?
    var chain: [IncludeSite]
    var ancestors: [String]
    var directive: DirectiveLocation?
    var file: OpenFile?
    var openedCount = 0
}

/// Where a directive line is, for diagnostics.
struct DirectiveLocation {
    var context: Int
    var range: Range<Int>
}

/// The rest of a multi-line definition being replayed, line by line.
struct Replay {
    var value: [UInt8]
    var position: Int
    /// The mark of the reference's `$`, with the substituted bit: every replayed byte gets it.
    var mark: UInt32
    var context: Int
}
