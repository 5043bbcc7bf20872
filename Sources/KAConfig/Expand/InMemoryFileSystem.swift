/// A file tree held in memory, for tests and for linting text that is not on disk. Keys are paths
/// (normalised); a key ending in `/` is an empty directory. Directories are implied by file paths.
public struct InMemoryFileSystem: ConfigFileSystem {
    private let contents: [String: [UInt8]]
    private let executables: Set<String>
    /// Directory path → sorted child names ("" is the current directory, "/" the root).
    private let children: [String: [String]]
    private let directories: Set<String>

    public init(files: [String: String], executables: Set<String> = []) {
        var contents: [String: [UInt8]] = [:]
        var directories: Set<String> = ["", "/"]
        var children: [String: Set<String>] = [:]
        for (rawPath, text) in files {
            let isDirectory = rawPath.hasSuffix("/")
            var path = ConfigPath.normalize(rawPath)
            if path.count > 1, path.hasSuffix("/") { path.removeLast() }
            if path == "." { continue }
            if isDirectory {
                directories.insert(path)
            } else {
                contents[path] = Array(text.utf8)
            }
            // Register every ancestor directory and the child links.
            var current = path
            while true {
                let parent = ConfigPath.directory(of: current)
                let name = parent.isEmpty ? current : String(current.dropFirst(parent == "/" ? 1 : parent.count + 1))
                children[parent, default: []].insert(name)
                directories.insert(parent)
                if parent.isEmpty || parent == "/" { break }
                current = parent
            }
        }
        self.contents = contents
        self.executables = Set(executables.map { ConfigPath.normalize($0) })
        self.directories = directories
        self.children = children.mapValues { $0.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } }
    }

    public func readFile(_ path: String) throws -> [UInt8] {
        let key = Self.key(path)
        if let bytes = contents[key] { return bytes }
        if directories.contains(key) { throw ConfigFileSystemError(path: path, reason: "Is a directory") }
        throw ConfigFileSystemError(path: path, reason: "No such file or directory")
    }

    public func fileKind(_ path: String) -> ConfigFileKind {
        let key = Self.key(path)
        if contents[key] != nil { return executables.contains(key) ? .executable : .regular }
        if directories.contains(key) { return .directory }
        return .missing
    }

    public func glob(_ pattern: String, relativeTo directory: String) -> [String] {
        var results: [String] = []
        for alternative in GlobPattern.expandBraces(pattern) {
            let full = alternative.hasPrefix("/") || directory.isEmpty ? alternative : directory + "/" + alternative
            results += globOne(full).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        }
        return results
    }

    /// One brace-free pattern: walk its components from the root or the current directory.
    private func globOne(_ pattern: String) -> [String] {
        let absolute = pattern.hasPrefix("/")
        let components = pattern.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
        var candidates: [String] = [absolute ? "/" : ""]
        for component in components {
            var next: [String] = []
            let isWild = GlobPattern.hasWildcard(String(decoding: component, as: UTF8.self))
            for base in candidates {
                if !isWild {
                    next.append(Self.append(base, Self.unescaped(component)))
                    continue
                }
                let key = Self.key(base)
                for name in children[key] ?? [] where GlobPattern.matches(component, Array(name.utf8)) {
                    next.append(Self.append(base, name))
                }
            }
            candidates = next
        }
        return candidates.compactMap { path in
            switch fileKind(path) {
            case .missing: return nil
            case .directory: return path.hasSuffix("/") ? path : path + "/"
            default: return path
            }
        }
    }

    private static func append(_ base: String, _ name: String) -> String {
        if base.isEmpty { return name }
        return base.hasSuffix("/") ? base + name : base + "/" + name
    }

    private static func unescaped(_ component: [UInt8]) -> String {
        var bytes: [UInt8] = []
        var index = 0
        while index < component.count {
            if component[index] == UInt8(ascii: "\\"), index + 1 < component.count { index += 1 }
            bytes.append(component[index])
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func key(_ path: String) -> String {
        var key = ConfigPath.normalize(path)
        if key == "." { return "" }
        if key.count > 1, key.hasSuffix("/") { key.removeLast() }
        return key
    }
}
