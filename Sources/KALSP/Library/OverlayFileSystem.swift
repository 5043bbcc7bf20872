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
        let full = pattern.hasPrefix("/") || directory.isEmpty ? pattern : Self.escaped(directory) + "/" + pattern
        let open = buffers.keys.filter { fnmatch(full, $0, FNM_PATHNAME) == 0 && !matches.contains($0) }
        return open.isEmpty ? matches : (matches + open).sorted()
    }

    func fileKind(_ path: String) -> ConfigFileKind {
        buffers[path] != nil ? .regular : disk.fileKind(path)
    }

    /// A literal folder name inside a glob pattern: its metacharacters escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "*?[]{}\\".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
