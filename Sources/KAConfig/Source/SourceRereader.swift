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

    init(path: String, size: Int, fileSystem: some ConfigFileSystem) {
        self.path = path
        self.size = size
        self.fileSystem = fileSystem
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
