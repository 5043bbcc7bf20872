#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import KAConfig

/// The disk as the editor sees it: an open document's buffer replaces its file, so a node file
/// or an included file is linted as typed, before it is saved, and a buffer never saved (or
/// an `untitled:` one) is found by the root lookup and by include globs too.
struct OverlayFileSystem: ConfigFileSystem {
    let buffers: [String: [UInt8]]
    let disk = LocalFileSystem()

    func readFile(_ path: String) throws -> [UInt8] {
        if let buffer = buffers[path] { return buffer }
        return try disk.readFile(path)
    }

    func glob(_ pattern: String, relativeTo directory: String) -> [String] {
        let matches = disk.glob(pattern, relativeTo: directory)
        let open = buffers.keys.filter { !matches.contains($0) && Self.matches(pattern, directory, $0) }
        return open.isEmpty ? matches : (matches + open).sorted()
    }

    /// Whether `path` is what `pattern` (relative to `directory` unless absolute) names.
    static func matches(_ pattern: String, _ directory: String, _ path: String) -> Bool {
        if pattern.hasPrefix("/") || directory.isEmpty { return fnmatch(pattern, path, FNM_PATHNAME) == 0 }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        guard path.hasPrefix(prefix) else { return false }
        return fnmatch(pattern, String(path.dropFirst(prefix.count)), FNM_PATHNAME) == 0
    }

    func fileKind(_ path: String) -> ConfigFileKind {
        buffers[path] != nil ? .regular : disk.fileKind(path)
    }

}
