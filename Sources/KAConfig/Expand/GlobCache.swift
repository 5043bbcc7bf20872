/// The file system's answers to one expansion's includes. keepalived globs an include each time
/// it reads the line, but the answer cannot change while one configuration is read, and a
/// definition or sequence that replays an include line thousands of times had the directory
/// read each time: 32,768 globs of a 1.7 KB file took kalint 47 s in a directory of 2,000 files,
/// and 3 s in memory. Keys are bytes: `String`'s `==` would give canonically equal but
/// differently encoded names (two different files) one answer.
struct GlobCache {
    private struct Key: Hashable {
        let directory: [UInt8]
        let pattern: [UInt8]
    }

    private var globs: [Key: [String]] = [:]
    private var kinds: [[UInt8]: ConfigFileKind] = [:]

    /// The matches of `pattern` in `directory` when it has been globbed already.
    func matches(of pattern: String, in directory: String) -> [String]? {
        globs[Key(directory: Array(directory.utf8), pattern: Array(pattern.utf8))]
    }

    mutating func store(_ matches: [String], of pattern: String, in directory: String) {
        globs[Key(directory: Array(directory.utf8), pattern: Array(pattern.utf8))] = matches
    }

    mutating func fileKind(_ path: String, in fileSystem: some ConfigFileSystem) -> ConfigFileKind {
        let key = Array(path.utf8)
        if let kind = kinds[key] { return kind }
        let kind = fileSystem.fileKind(path)
        kinds[key] = kind
        return kind
    }
}
