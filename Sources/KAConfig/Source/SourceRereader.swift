import Synchronization

/// Reads a released `SourceFile`'s bytes back from its file, a window at a time: findings are
/// rendered in file order, so one window serves the lines of many. Notes point back to earlier
/// lines, though (4,750 duplicate-VRID findings with five notes each read a window per note:
/// 0.16 s became 0.4 s), so after `windowedMisses` misses the whole file is read and kept: a
/// run that shows that many scattered lines holds the bytes again, at its end.
///
/// Nothing is returned once the file's size differs from the size it was read at (it changed
/// since; a line from another version of the file would be shown under the wrong finding).
final class SourceRereader: Sendable {
    let path: String
    let size: Int
    private let fileSystem: any ConfigFileSystem
    private let window = Mutex<Window>(Window())

    /// Bytes read per window (a multiple of the page size).
    static let windowBytes = 64 << 10
    /// Windows read before the whole file is.
    static let windowedMisses = 16

    private struct Window: Sendable {
        var start = 0
        var bytes: [UInt8] = []
        var misses = 0
        /// The file's size differed, or it could not be read: every read is empty.
        var failed = false
    }

    /// The line starts of the segment of a sparse line table read last (findings are shown in
    /// file order, so the next line asked for is mostly in the same segment or a later one);
    /// after `segmentMisses` steps back to an earlier segment (notes point back to earlier
    /// lines), every line's start.
    private let lines = Mutex<LineCache>(LineCache())

    /// Steps back to an earlier segment before every line's start is found and kept.
    static let segmentMisses = 64

    private struct LineCache: Sendable {
        var segment = -1
        var starts: [Int] = []
        var misses = 0
        /// Every line's start, once that many steps back were taken.
        var all: [UInt32]?
    }

    init(path: String, size: Int, fileSystem: some ConfigFileSystem) {
        self.path = path
        self.size = size
        self.fileSystem = fileSystem
    }

    /// Where line `line` of segment `index` of a sparse line table starts, and where the
    /// segment's next line does (nil for its last line). The segment is `stride` lines from
    /// `range`'s start, which starts a line, to its end, which starts the next segment. Nil
    /// when the line is not in the segment or the file cannot be read.
    func line(_ line: Int, ofSegment index: Int, stride: Int, in range: Range<Int>) -> (start: Int, next: Int?)? {
        if let found = lines.withLock({ cache -> (start: Int, next: Int?)?? in
            if let all = cache.all {
                let global = index * stride + line
                guard global < all.count, Int(all[global]) < range.upperBound || line == 0 else { return .some(nil) }
                let next = global + 1 < all.count && Int(all[global + 1]) < range.upperBound
                return (Int(all[global]), next ? Int(all[global + 1]) : nil)
            }
            guard cache.segment == index else {
                if index < cache.segment { cache.misses += 1 }
                return nil
            }
            return Self.line(line, in: cache.starts)
        }) {
            return found
        }
        if lines.withLock({ $0.misses > Self.segmentMisses }) {
            guard let bytes = read(0..<size) else { return nil }
            let all = SourceFile.lineStarts(of: bytes)
            lines.withLock { $0.all = all }
            return self.line(line, ofSegment: index, stride: stride, in: range)
        }
        guard let bytes = read(range) else { return nil }
        var starts = [range.lowerBound]
        // A newline ending the segment starts the next one, not a line of this one.
        ByteSearch.forEachIndex(of: 0x0A, in: bytes) { offset in
            if offset + 1 < bytes.count { starts.append(range.lowerBound + offset + 1) }
        }
        lines.withLock {
            $0.segment = index
            $0.starts = starts
        }
        return Self.line(line, in: starts)
    }

    private static func line(_ line: Int, in starts: [Int]) -> (start: Int, next: Int?)? {
        guard line < starts.count else { return nil }
        return (starts[line], line + 1 < starts.count ? starts[line + 1] : nil)
    }

    /// The bytes of `range` (within the file's size at release), or nil.
    func read(_ range: Range<Int>) -> [UInt8]? {
        guard range.lowerBound >= 0, range.upperBound <= size else { return nil }
        if range.isEmpty { return [] }
        return window.withLock { window -> [UInt8]? in
            if window.failed { return nil }
            let end = window.start + window.bytes.count
            if range.lowerBound < window.start || range.upperBound > end {
                // Aligned windows; a range larger than one is read whole.
                window.misses += 1
                let start = window.misses > Self.windowedMisses ? 0 : range.lowerBound - range.lowerBound % Self.windowBytes
                let end = window.misses > Self.windowedMisses ? size : min(size, max(range.upperBound, start + Self.windowBytes))
                guard let read = try? fileSystem.readFile(path, range: start..<end), read.fileSize == size,
                    read.bytes.count == end - start
                else {
                    window = Window(start: 0, bytes: [], misses: window.misses, failed: true)
                    return nil
                }
                window = Window(start: start, bytes: read.bytes, misses: window.misses, failed: false)
            }
            let from = range.lowerBound - window.start
            return Array(window.bytes[from..<(from + range.count)])
        }
    }
}
