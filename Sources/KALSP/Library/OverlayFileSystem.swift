import KAConfig

/// The disk as the editor sees it: an open document's buffer replaces its file, so a node file
/// or an included file is linted as typed, before it is saved. Globs still look at the disk.
struct OverlayFileSystem: ConfigFileSystem {
    let buffers: [String: [UInt8]]
    let disk = LocalFileSystem()

    func readFile(_ path: String) throws -> [UInt8] {
        if let buffer = buffers[path] { return buffer }
        return try disk.readFile(path)
    }

    func glob(_ pattern: String, relativeTo directory: String) -> [String] {
        disk.glob(pattern, relativeTo: directory)
    }

    func fileKind(_ path: String) -> ConfigFileKind {
        buffers[path] != nil ? .regular : disk.fileKind(path)
    }
}
