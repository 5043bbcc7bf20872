import Foundation

/// File-system helpers for the formatter tests (kept apart: Foundation has its own `Formatter`).
enum FormatTestSupport {
    /// The package root, found from this file's path.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let fixtures = packageRoot + "/Tests/KAConfigTests/Fixtures/format"

    static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    @discardableResult
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    /// Regular files directly in a folder, sorted; empty when the folder does not exist.
    static func files(in folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.sorted().map { folder + "/" + $0 }.filter { isRegularFile($0) }
    }

    /// Regular files anywhere under a folder, sorted.
    static func filesRecursively(in folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var result: [String] = []
        while let name = enumerator.nextObject() as? String {
            let path = folder + "/" + name
            if isRegularFile(path) { result.append(path) }
        }
        return result.sorted()
    }

    static func isRegularFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() -> String {
        var template = Array((NSTemporaryDirectory() + "kafmt-test-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "mkdtemp failed")
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Runs a program; returns its exit status and what it wrote to stdout and stderr together.
    static func run(_ executable: String, _ arguments: [String], in folder: String? = nil) -> (status: Int32, output: String)? {
        guard FileManager.default.isExecutableFile(atPath: executable) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func mode(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    static func owner(of path: String) -> (uid: Int, gid: Int)? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let uid = attributes[.ownerAccountID] as? Int, let gid = attributes[.groupOwnerAccountID] as? Int
        else { return nil }
        return (uid, gid)
    }

    static func inode(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.systemFileNumber] as? Int
    }
}
