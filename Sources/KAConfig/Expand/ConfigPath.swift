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
        if pattern.hasPrefix("/") || directory.isEmpty { return normalize(pattern) }
        return normalize(directory + "/" + pattern)
    }

    /// Removes empty and `.` components and folds `name/..` pairs, keeping a trailing `/`
    /// (glob marks directories with one). Lexical only: symbolic links are not resolved.
    static func normalize(_ path: String) -> String {
        if path.isEmpty { return path }
        let absolute = path.hasPrefix("/")
        let trailingSlash = path.count > 1 && path.hasSuffix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        var result = (absolute ? "/" : "") + parts.joined(separator: "/")
        if result.isEmpty { result = "." }
        if trailingSlash, !result.hasSuffix("/") { result += "/" }
        return result
    }

    /// An absolute form of `directory` for `${_PWD}`.
    static func absolute(_ directory: String, workingDirectory: String) -> String {
        var joined = normalize(directory.hasPrefix("/") ? directory : workingDirectory + "/" + directory)
        if joined.count > 1, joined.hasSuffix("/") { joined.removeLast() }
        return joined
    }
}
