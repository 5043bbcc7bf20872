/// The file system's answers to one expansion's includes. keepalived globs an include each time
/// it reads the line, but the answer cannot change while one configuration is read, and a
/// definition or sequence that replays an include line thousands of times had the directory
/// read each time: 32,768 globs of a 1.7 KB file took kalint 47 s in a directory of 2,000 files,
/// and 3 s in memory. Keys are bytes: `String`'s `==` would give canonically equal but
/// differently encoded names (two different files) one answer.
struct GlobCache {
    /// A pattern in a directory, by bytes; made once for a lookup and the store after it.
    struct Key: Hashable {
        fileprivate let directory: [UInt8]
        fileprivate let pattern: [UInt8]

        init(_ pattern: String, in directory: String) {
            self.directory = Array(directory.utf8)
            self.pattern = Array(pattern.utf8)
        }
    }

    private var globs: [Key: [String]] = [:]
    private var kinds: [[UInt8]: ConfigFileKind] = [:]

    /// The matches of `key`'s pattern when it has been globbed already.
    func matches(_ key: Key) -> [String]? { globs[key] }

    mutating func store(_ matches: [String], for key: Key) { globs[key] = matches }

    mutating func fileKind(_ path: String, in fileSystem: some ConfigFileSystem) -> ConfigFileKind {
        let key = Array(path.utf8)
        if let kind = kinds[key] { return kind }
        let kind = fileSystem.fileKind(path)
        kinds[key] = kind
        return kind
    }
}
