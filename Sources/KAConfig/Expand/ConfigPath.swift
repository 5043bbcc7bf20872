/// Lexical path helpers for include resolution. keepalived `chdir`s into the directory of each
/// file it opens, so a relative pattern is relative to the including file's directory; we get the
/// same result by joining paths instead of changing directory.
enum ConfigPath {
    /// The directory part of `path`: "" when it has no `/` (the file is in the current directory).
    static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        if slash == path.utf8.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// `pattern` relative to `directory` ("" means the current directory), normalised.
    static func join(_ directory: String, _ pattern: String) -> String {
        if pattern.utf8.first == slash || directory.isEmpty { return normalize(pattern) }
        return normalize(directory + "/" + pattern)
    }

    /// Removes empty and `.` components and folds `name/..` pairs, keeping a trailing `/`
    /// (glob marks directories with one). Lexical only: symbolic links are not resolved. It
    /// works on the bytes, as the file system does: splitting the `String` went by characters
    /// (a `/` with a combining mark after it is no separator there) and cost 77,000
    /// instructions a file opened, half of kafmt's time on a fuzz input that opens files
    /// 16,384 times.
    static func normalize(_ path: String) -> String {
        if path.isEmpty { return path }
        var path = path
        return path.withUTF8 { bytes in
            let absolute = bytes[0] == slash
            let trailingSlash = bytes.count > 1 && bytes[bytes.count - 1] == slash
            var parts: [Range<Int>] = []
            var index = 0
            while index < bytes.count {
                while index < bytes.count, bytes[index] == slash { index += 1 }
                let start = index
                while index < bytes.count, bytes[index] != slash { index += 1 }
                let part = start..<index
                if part.isEmpty || isDot(bytes, part) { continue }
                if isDotDot(bytes, part) {
                    if let last = parts.last, !isDotDot(bytes, last) {
                        parts.removeLast()
                        continue
                    }
                    if absolute { continue }
                }
                parts.append(part)
            }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 1)
            if absolute { result.append(slash) }
            for (position, part) in parts.enumerated() {
                if position > 0 { result.append(slash) }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[part]))
            }
            if result.isEmpty { result.append(UInt8(ascii: ".")) }
            if trailingSlash, result.last != slash { result.append(slash) }
            // Whole components of valid UTF-8 are valid UTF-8.
            return String(decoding: result, as: UTF8.self)
        }
    }

    private static let slash = UInt8(ascii: "/")

    private static func isDot(_ bytes: UnsafeBufferPointer<UInt8>, _ part: Range<Int>) -> Bool {
        part.count == 1 && bytes[part.lowerBound] == UInt8(ascii: ".")
    }

    private static func isDotDot(_ bytes: UnsafeBufferPointer<UInt8>, _ part: Range<Int>) -> Bool {
        part.count == 2 && bytes[part.lowerBound] == UInt8(ascii: ".") && bytes[part.lowerBound + 1] == UInt8(ascii: ".")
    }

    /// An absolute form of `directory` for `${_PWD}`.
    static func absolute(_ directory: String, workingDirectory: String) -> String {
        var joined = normalize(directory.hasPrefix("/") ? directory : workingDirectory + "/" + directory)
        if joined.count > 1, joined.hasSuffix("/") { joined.removeLast() }
        return joined
    }
}
