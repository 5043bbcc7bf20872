import KAConfig

/// How the fuzz targets read one input as configuration files: the bytes split at each line
/// `%%` into a root file and the files it may include (`/fuzz/1.conf`, `/fuzz/2.conf`, ...,
/// matched by `include 1.conf` or `include *.conf`), held in memory byte for byte.
public struct FuzzInput: Sendable {
    public var files: [(path: String, bytes: [UInt8])]

    public static let maximumFiles = 4

    /// The expansion caps of the lint and analysis targets: each cap still stops inputs (KA110,
    /// KA118), but the size caps are about a sixty-fourth of the default or less (lines: 16,384
    /// of 1,000,000; file opens: a 256th) and the include depth is 8, not 32. Under the default caps an input of a few kilobytes that includes itself or
    /// replays a definition costs up to 16,384 file opens or 8 MB of generated text (0.1-0.3 G
    /// instructions), and the fuzzer spent most of its time on a few such inputs. The format
    /// target keeps the default caps, so the cost of reaching them stays fuzzed.
    public static let caps = ExpansionOptions(
        maxIncludeDepth: 8, maxLogicalLines: 16_384, maxGeneratedBytes: 128 << 10, generatedLineAllowance: 512,
        maxFileOpens: 64, maxBracePatterns: 128, maxGlobs: 64)

    public init(_ bytes: [UInt8]) {
        var parts: [[UInt8]] = [[]]
        var lineStart = true
        var index = 0
        while index < bytes.count {
            if lineStart, parts.count < Self.maximumFiles, index + 2 < bytes.count, bytes[index] == 0x25, bytes[index + 1] == 0x25,
                bytes[index + 2] == 0x0A
            {
                parts.append([])
                index += 3
                continue
            }
            parts[parts.count - 1].append(bytes[index])
            lineStart = bytes[index] == 0x0A
            index += 1
        }
        files = parts.enumerated().map { ($0.offset == 0 ? "/fuzz/keepalived.conf" : "/fuzz/\($0.offset).conf", $0.element) }
    }

    /// The whole input as the one file `/fuzz/keepalived.conf` (no split).
    public init(whole bytes: [UInt8]) {
        files = [("/fuzz/keepalived.conf", bytes)]
    }

    public var rootPath: String { files[0].path }

    /// The files as a file system (globs and kinds from an in-memory tree, contents as bytes).
    public var fileSystem: FuzzFileSystem { FuzzFileSystem(files) }
}

/// An in-memory file system that returns each file's exact bytes (InMemoryFileSystem holds text).
public struct FuzzFileSystem: ConfigFileSystem {
    let tree: InMemoryFileSystem
    let contents: [String: [UInt8]]

    init(_ files: [(path: String, bytes: [UInt8])]) {
        var contents: [String: [UInt8]] = [:]
        for file in files { contents[file.path] = file.bytes }
        self.contents = contents
        tree = InMemoryFileSystem(files: contents.mapValues { _ in "" })
    }

    public func readFile(_ path: String) throws -> [UInt8] {
        if let bytes = contents[path] { return bytes }
        return try tree.readFile(path)
    }

    public func glob(_ pattern: String, relativeTo directory: String) -> [String] { tree.glob(pattern, relativeTo: directory) }

    public func fileKind(_ path: String) -> ConfigFileKind { tree.fileKind(path) }
}
