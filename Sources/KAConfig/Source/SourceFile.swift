/// The bytes of one configuration file, with a line table for turning byte offsets into
/// line:column positions. keepalived reads bytes, not characters, so columns count bytes.
public struct SourceFile: Sendable {
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: LineStartTable

    public init(path: String, bytes: [UInt8]) {
        var starts: [UInt32] = [0]
        starts.reserveCapacity(bytes.count / 16 + 1)
        ByteSearch.forEachIndex(of: 0x0A, in: bytes) { starts.append(UInt32(truncatingIfNeeded: $0 + 1)) }
        self.init(path: path, bytes: bytes, lineStarts: starts)
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Self.bytes(of: text))
    }

    /// For a caller that already found the line starts (the lexer does, on its pass).
    init(path: String, bytes: [UInt8], lineStarts: [UInt32]) {
        self.path = path
        self.bytes = bytes
        self.lineStarts = LineStartTable(lineStarts)
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
        var low = 0
        var high = lineStarts.count - 1
        lineStarts.starts.withUnsafeBufferPointer { starts in
            while low < high {
                let mid = (low + high + 1) / 2
                if Int(starts[mid]) <= offset { low = mid } else { high = mid - 1 }
            }
        }
        return SourceLocation(line: low + 1, column: offset - lineStarts[low] + 1)
    }

    /// The bytes of a 1-based line without its line terminator (`\n` or `\r\n`).
    public func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, end <= bytes.count, end - 1 >= start, end - 1 < bytes.count, bytes[end - 1] == 0x0D,
            line < lineStarts.count {
            end -= 1
        }
        return bytes[start..<max(start, end)]
    }

    public var lineCount: Int { lineStarts.count }

    /// The text of a byte range, decoded leniently (invalid UTF-8 becomes U+FFFD).
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

/// Where each line of a file starts, in 32 bits a line (offsets are 32-bit throughout, as in
/// tokens and origins): half the memory of `[Int]`, 1.7 MB at 20,000 instances, held as long
/// as the source.
public struct LineStartTable: RandomAccessCollection, Sendable, Equatable {
    let starts: [UInt32]

    init(_ starts: [UInt32]) { self.starts = starts }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count }
    public subscript(line: Int) -> Int { Int(starts[line]) }
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
