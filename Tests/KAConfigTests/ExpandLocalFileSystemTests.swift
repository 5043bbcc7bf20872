import Foundation
import Testing
@testable import KAConfig

/// The real file system through libc glob and stat, on a temporary directory.
@Suite("Expand: LocalFileSystem")
struct ExpandLocalFileSystemTests {
    static func makeTree(_ files: [String: String]) throws -> String {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("expand-\(UUID().uuidString)").path
        for (path, text) in files {
            let full = base + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return base
    }

    @Test func globsRelativeToIncludingFileInSortedOrder() throws {
        let base = try Self.makeTree([
            "keepalived.conf": "top\ninclude conf.d/*.conf\ninclude {z,a}.inc\n",
            "conf.d/20-b.conf": "b\ninclude ../shared/s.conf\n",
            "conf.d/10-a.conf": "a\n",
            "shared/s.conf": "s\n",
            "z.inc": "z\n", "a.inc": "ai\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: base) }
        let config = Expander.expand(path: base + "/keepalived.conf", options: ExpansionOptions(), fileSystem: LocalFileSystem())
        #expect(config.lines.map(\.text) == ["top", "a", "b", "s", "z", "ai"])
        #expect(config.diagnostics.isEmpty)
        #expect(config.lines[3].words[0].origin.file == base + "/shared/s.conf")
        #expect(config.lines[3].words[0].origin.includeChain.map(\.file) == [base + "/keepalived.conf", base + "/conf.d/20-b.conf"])
    }

    /// The file is read into memory that is not zeroed first and whose pages are mapped in one
    /// call (`PageMapping`): every byte must be the file's, at sizes around page boundaries,
    /// and an empty file reads as empty.
    @Test(arguments: [0, 1, 4095, 4096, 4097, 300_001])
    func readsEveryByte(size: Int) throws {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("read-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        #expect(try LocalFileSystem().readFile(path) == bytes)
    }

    @Test func executableFilesDirectoriesAndMissingFiles() throws {
        let base = try Self.makeTree(["keepalived.conf": "include x/*\ninclude gone.conf\nok\n", "x/run.sh": "s\n", "x/sub/y": "y\n"])
        defer { try? FileManager.default.removeItem(atPath: base) }
        chmod(base + "/x/run.sh", 0o755)
        let fileSystem = LocalFileSystem()
        #expect(fileSystem.fileKind(base + "/x/run.sh") == .executable)
        #expect(fileSystem.fileKind(base + "/x") == .directory)
        #expect(fileSystem.fileKind(base + "/nope") == .missing)
        #expect(fileSystem.glob("x/*", relativeTo: base) == [base + "/x/run.sh", base + "/x/sub/"])
        let config = Expander.expand(path: base + "/keepalived.conf", options: ExpansionOptions(), fileSystem: fileSystem)
        #expect(config.lines.map(\.text) == ["ok"])
        #expect(config.codes() == ["KA116", "KA116", "KA108"])
    }

    @Test func localAndInMemoryGlobAgree() throws {
        let files = ["d/b1.conf": "", "d/a2.conf": "", "d/a1.conf": "", "d/.h.conf": "", "d/c[1].conf": "", "e/x.conf": ""]
        let base = try Self.makeTree(files)
        defer { try? FileManager.default.removeItem(atPath: base) }
        let memory = InMemoryFileSystem(files: Dictionary(uniqueKeysWithValues: files.map { (base + "/" + $0.key, $0.value) }))
        for pattern in ["d/*.conf", "d/a?.conf", "d/[ab]1.conf", "d/[!a]*", "*/x.conf", "d/{b,a}*", "d/c\\[1\\].conf", "d", "*", "d/.*.conf"] {
            #expect(LocalFileSystem().glob(pattern, relativeTo: base) == memory.glob(pattern, relativeTo: base), "\(pattern)")
        }
    }
}
