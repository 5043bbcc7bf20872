import CKAScan

/// The bytes of one configuration file, with a line table for turning byte offsets into
/// line:column positions. keepalived reads bytes, not characters, so columns count bytes.
///
/// A source can be released (`released(rereadingThrough:)`): its bytes are dropped and what is
/// asked of them later (a line to show under a finding, a comment's text) is read back from the
/// file. kalint releases each file once it is expanded: the bytes (8.4 MB at 20,000 instances)
/// are not held while the model and the facts are built, where its peak memory is.
public struct SourceFile: Sendable {
    public let path: String
    /// The bytes, nil once released.
    private let storedBytes: [UInt8]?
    /// Reads a released source's bytes back (nil while they are in memory).
    private let rereader: SourceRereader?
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: LineStartTable
    /// The file's size in bytes (kept when the bytes are released).
    public let byteCount: Int

    /// The file's bytes. A released source reads the whole file again for each call (empty if it
    /// changed size meanwhile): read lines and ranges through `lineBytes` and `bytes(in:)`.
    public var bytes: [UInt8] {
        if let storedBytes { return storedBytes }
        return rereader?.read(0..<byteCount) ?? []
    }

    /// True once the bytes were released and are read back from the file when asked.
    public var isReleased: Bool { storedBytes == nil }

    public init(path: String, bytes: [UInt8]) {
        self.init(path: path, bytes: bytes, lineStarts: Self.lineStarts(of: bytes))
    }

    /// Offset 0, then the offset after each newline. Found 16 bytes at a time (`ka_newline_starts`)
    /// into a small buffer appended in blocks: before the threads of a large file's analysis
    /// start, this pass is all the process does.
    static func lineStarts(of bytes: [UInt8]) -> [UInt32] {
        var starts: [UInt32] = [0]
        starts.reserveCapacity(bytes.count / 16 + 2)
        let block = 1024
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: block) { found in
            bytes.withUnsafeBufferPointer { raw in
                guard let base = raw.baseAddress, let target = found.baseAddress else { return }
                var position = 0
                while position < raw.count {
                    let written = ka_newline_starts(base, raw.count, &position, target, block)
                    starts.append(contentsOf: UnsafeBufferPointer(start: target, count: written))
                }
            }
        }
        return starts
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Self.bytes(of: text))
    }

    /// For a caller that already found the line starts (the lexer does, on its pass).
    init(path: String, bytes: [UInt8], lineStarts: [UInt32]) {
        self.path = path
        self.storedBytes = bytes
        self.rereader = nil
        self.lineStarts = LineStartTable(lineStarts)
        self.byteCount = bytes.count
    }

    private init(releasing source: SourceFile, rereader: SourceRereader) {
        path = source.path
        storedBytes = nil
        self.rereader = rereader
        lineStarts = source.lineStarts.sparse(rereadingThrough: rereader)
        byteCount = source.byteCount
    }

    /// This source without its bytes: they are read back through `fileSystem` when asked (a
    /// window at a time). Reads come back empty if the file's size changed since.
    public func released(rereadingThrough fileSystem: some ConfigFileSystem) -> SourceFile {
        if isReleased { return self }
        return SourceFile(releasing: self, rereader: SourceRereader(path: path, size: byteCount, fileSystem: fileSystem))
    }

    /// The bytes of a range of the file (clamped to it).
    public func bytes(in range: Range<Int>) -> ArraySlice<UInt8> {
        let clamped = range.clamped(to: 0..<byteCount)
        if let storedBytes { return storedBytes[clamped] }
        return ArraySlice(rereader?.read(clamped) ?? [])
    }

    /// The UTF-8 bytes of a string, copied in one block.
    static func bytes(of text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { utf8 in
            [UInt8](unsafeUninitializedCapacity: utf8.count) { buffer, initialized in
                if let source = utf8.baseAddress, let target = buffer.baseAddress {
                    // A plain memcpy: `initialize(from:count:)` copies byte by byte.
                    UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: utf8.count)
                }
                initialized = utf8.count
            }
        }
    }

    /// 1-based line and column of a byte offset (an offset at the end maps past the last byte).
    public func location(of offset: Int) -> SourceLocation {
        let line = lineStarts.line(containing: offset)
        return SourceLocation(line: line + 1, column: offset - lineStarts[line] + 1)
    }

    /// The bytes of a 1-based line without its line terminator (`\n` or `\r\n`). Its indices
    /// are the file's offsets while the bytes are in memory; after release they start at 0.
    public func lineBytes(_ line: Int) -> ArraySlice<UInt8> { readLine(line) ?? [] }

    /// `lineBytes`, or nil when the line cannot be shown: no such line, or a released source
    /// whose file changed or went away since.
    public func readLine(_ line: Int) -> ArraySlice<UInt8>? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        guard let (start, next) = lineStarts.bounds(ofLine: line - 1, fileSize: byteCount) else { return nil }
        let end = line < lineStarts.count ? next - 1 : byteCount
        guard end > start else { return [] }
        let bytes: ArraySlice<UInt8>
        if let storedBytes {
            bytes = storedBytes[start..<end]
        } else {
            guard let read = rereader?.read(start..<end) else { return nil }
            bytes = ArraySlice(read)
        }
        // A `\r` before the `\n` belongs to the terminator (the last line has none).
        if line < lineStarts.count, bytes.last == 0x0D { return bytes.dropLast() }
        return bytes
    }

    /// Whether a 1-based line ends in `\r\n`.
    public func lineEndsWithCRLF(_ line: Int) -> Bool {
        guard line >= 1, line < lineStarts.count else { return false }
        guard let (start, next) = lineStarts.bounds(ofLine: line - 1, fileSize: byteCount) else { return false }
        let end = next - 1
        return end > start && bytes(in: (end - 1)..<end).first == 0x0D
    }

    public var lineCount: Int { lineStarts.count }

    /// The text of a byte range, decoded leniently (invalid UTF-8 becomes U+FFFD).
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes(in: range), as: UTF8.self)
    }
}

/// Where each line of a file starts, in 32 bits a line (offsets are 32-bit throughout, as in
/// tokens and origins): half the memory of `[Int]`.
///
/// A released source keeps every `sparseStride`-th start only and finds the others by reading
/// its lines back (`sparse(rereadingThrough:)`): the full table is 4 bytes a line (1.7 MB at
/// 20,000 instances), and after the expansion only the lines a finding shows are asked for.
public struct LineStartTable: RandomAccessCollection, Sendable, Equatable {
    /// Every line's start; in a sparse table, line `k * sparseStride`'s at `k`.
    let starts: [UInt32]
    private let lineTotal: Int
    /// Reads the lines between two kept starts (nil for a full table).
    private let rereader: SourceRereader?

    /// Lines per kept start in a sparse table (about 1.3 KB of a typical file between two).
    static let sparseStride = 64

    init(_ starts: [UInt32]) {
        self.starts = starts
        self.lineTotal = starts.count
        self.rereader = nil
    }

    /// The table of a released source: every `sparseStride`-th start.
    func sparse(rereadingThrough rereader: SourceRereader) -> LineStartTable {
        if self.rereader != nil { return self }
        let kept = stride(from: 0, to: starts.count, by: Self.sparseStride).map { starts[$0] }
        return LineStartTable(kept: kept, lineTotal: starts.count, rereader: rereader)
    }

    private init(kept: [UInt32], lineTotal: Int, rereader: SourceRereader) {
        self.starts = kept
        self.lineTotal = lineTotal
        self.rereader = rereader
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { lineTotal }

    /// Keeps some lines' starts only (its source was released).
    var isSparse: Bool { rereader != nil }

    /// The byte offset where line `line` (0-based) starts. In a sparse table, found by reading
    /// from the kept start before it; that kept start when the file cannot be read back (its
    /// size changed: the source then gives no lines either).
    public subscript(line: Int) -> Int {
        guard rereader != nil else { return Int(starts[line]) }
        return bounds(ofLine: line, fileSize: Int(UInt32.max))?.start ?? Int(starts[line / Self.sparseStride])
    }

    /// Where line `line` (0-based) starts and where the next one does (`fileSize` after the
    /// last line): one read of the lines between two kept starts in a sparse table, nil when
    /// they cannot be read back (the file changed size).
    func bounds(ofLine line: Int, fileSize: Int) -> (start: Int, next: Int)? {
        guard let rereader else {
            return (Int(starts[line]), line + 1 < starts.count ? Int(starts[line + 1]) : fileSize)
        }
        let kept = line / Self.sparseStride
        let segmentEnd = kept + 1 < starts.count ? Int(starts[kept + 1]) : rereader.size
        let wanted = line - kept * Self.sparseStride
        let isLastSegment = kept + 1 == starts.count
        guard let found = rereader.line(wanted, ofSegment: kept, stride: Self.sparseStride, in: Int(starts[kept])..<segmentEnd)
        else {
            // The file's last line, empty, after its final newline, starts where the file ends:
            // it is not in the segment (whose lines start before its end).
            guard isLastSegment, wanted > 0,
                let previous = rereader.line(wanted - 1, ofSegment: kept, stride: Self.sparseStride, in: Int(starts[kept])..<segmentEnd),
                previous.next == nil, segmentEnd == rereader.size
            else { return nil }
            return (segmentEnd, fileSize)
        }
        // The next line starts at the segment's next line, or the next kept start, or the end.
        return (found.start, found.next ?? (isLastSegment ? fileSize : segmentEnd))
    }

    /// The 0-based line that holds byte `offset` (the last line for an offset past the end).
    func line(containing offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        starts.withUnsafeBufferPointer { starts in
            while low < high {
                let mid = (low + high + 1) / 2
                if Int(starts[mid]) <= offset { low = mid } else { high = mid - 1 }
            }
        }
        guard rereader != nil else { return low }
        // Between kept starts: step forward while the next line starts at or before `offset`.
        var line = low * Self.sparseStride
        let last = Swift.min(lineTotal - 1, line + Self.sparseStride - 1)
        while line < last, self[line + 1] <= offset { line += 1 }
        return line
    }

    public static func == (lhs: LineStartTable, rhs: LineStartTable) -> Bool {
        if lhs.rereader == nil, rhs.rereader == nil { return lhs.starts == rhs.starts }
        return lhs.elementsEqual(rhs)
    }
}

/// A 1-based line and byte column.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A span in a named file, as diagnostics report it.
public struct SourceSpan: Sendable, Hashable, Codable {
    public var file: String
    public var start: SourceLocation
    public var end: SourceLocation

    public init(file: String, start: SourceLocation, end: SourceLocation) {
        self.file = file
        self.start = start
        self.end = end
    }
}
