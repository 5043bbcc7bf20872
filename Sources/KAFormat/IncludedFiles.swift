import KAConfig

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files a file names with `include` (and `includer`, `includem`, ...), as `kafmt -r` follows
/// them: each pattern is a glob (with `{a,b}` alternatives) relative to the including file's
/// folder, matches in glob's sorted order, folders skipped. Patterns that contain `$` depend on
/// parameter substitution and are not followed. Reads the file system (glob); the rest of the
/// formatter does not.
public enum IncludedFiles {
    /// The include patterns written in a tree, in file order.
    public static func patterns(in tree: SyntaxTree) -> [String] {
        tree.tokens.indices.filter { tree.tokens[$0].kind == .includePattern }.map { tree.text(of: $0) }
    }

    /// The existing files the patterns of `tree` match, `tree.source.path` being the including file.
    public static func matches(in tree: SyntaxTree) -> [String] {
        let folder = AtomicFileWriter.directory(of: tree.source.path)
        var result: [String] = []
        for pattern in patterns(in: tree) where !pattern.contains("$") {
            let absolute = pattern.hasPrefix("/") ? pattern : (folder == "." ? pattern : folder + "/" + pattern)
            result += expand(absolute)
        }
        return result
    }

    static func expand(_ pattern: String) -> [String] {
        var buffer = glob_t()
        defer { globfree(&buffer) }
        let flags = Int32(GLOB_MARK | GLOB_BRACE)
        guard glob(pattern, flags, nil, &buffer) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(buffer.gl_pathc) {
            guard let pointer = buffer.gl_pathv[index] else { continue }
            let path = String(cString: pointer)
            if !path.hasSuffix("/") { paths.append(path) }
        }
        return paths
    }
}
