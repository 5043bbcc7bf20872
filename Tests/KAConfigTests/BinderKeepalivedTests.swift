import Foundation
import Testing
@testable import KAConfig

/// The binder against the real `keepalived -t` (2.2.7): the "Unknown keyword" lines it prints must
/// be exactly the keyword lines the binder reports as unknown (KA201, KA202, KA204, KA213 and the
/// trap notes at a top-level '}'). keepalived must be installed (CI installs it): the tests fail
/// with a clear message otherwise.
@Suite(.serialized) struct BinderKeepalivedTests {
    struct Finding: Hashable, CustomStringConvertible {
        var line: Int
        var word: String
        var description: String { "\(line):\(word)" }
    }

    static let keepalivedPath = ["/usr/sbin/keepalived", "/usr/local/sbin/keepalived", "/sbin/keepalived"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static func run(_ arguments: [String]) throws -> String {
        let path = try #require(keepalivedPath, "keepalived is not installed; install keepalived 2.2.7")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// keepalived's "Unknown keyword" findings for a file (`-i` with an id no `@` line uses).
    static func keepalivedUnknown(path: String) throws -> Set<Finding> {
        let output = try run(["-t", "-i", "binder-test-no-id", "-f", path])
        var findings = Set<Finding>()
        for line in output.split(separator: "\n") {
            guard let lineRange = line.range(of: "Line "), let close = line[lineRange.upperBound...].firstIndex(of: ")"),
                let number = Int(line[lineRange.upperBound..<close]),
                let keyword = line.range(of: ") Unknown keyword '")
            else { continue }
            var word = line[keyword.upperBound...]
            if word.hasSuffix("'") { word = word.dropLast() }
            findings.insert(Finding(line: number, word: String(word)))
        }
        return findings
    }

    static let unknownRules: Set<DiagnosticRule> = [
        SemanticRules.unknownKeyword, SemanticRules.unknownBlockKeyword, SemanticRules.keywordNotIn227,
    ]

    static func binderUnknown(_ result: BindResult) -> Set<Finding> {
        var findings = Set<Finding>()
        for diagnostic in result.diagnostics {
            let isKeywordCase = diagnostic.rule == SemanticRules.wrongCase && diagnostic.message.hasPrefix("keywords are")
            if unknownRules.contains(diagnostic.rule) || isKeywordCase {
                let word = diagnostic.message.hasPrefix("'}'") ? "}" : unknownWord(in: diagnostic.message)
                findings.insert(Finding(line: diagnostic.line, word: word))
            }
            for note in diagnostic.related where note.message.contains("Unknown keyword '}'") {
                findings.insert(Finding(line: note.line, word: "}"))
            }
        }
        return findings
    }

    static func unknownWord(in message: String) -> String {
        guard let start = message.range(of: "Unknown keyword '") else { return "?" }
        let rest = message[start.upperBound...]
        return String(rest[..<(rest.firstIndex(of: "'") ?? rest.endIndex)])
    }

    /// Keywords this keepalived build does not install (schema rows with a missing build feature).
    static let missingFeatureKeywords: Set<String> = {
        guard let version = try? run(["-v"]) else { return [] }
        let options = BuildFeature.options(fromVersionOutput: version)
        var names = Set<String>()
        for block in KeepalivedSchema.allBlocks {
            for row in block.keywords where row.buildFeature.map({ !$0.isEnabled(options: options) }) ?? false {
                names.insert(row.name)
            }
        }
        return names
    }()

    static func compare(path: String) throws -> (missing: Set<Finding>, extra: Set<Finding>) {
        let config = Expander.expand(path: path, options: ExpansionOptions(), fileSystem: LocalFileSystem())
        let ours = binderUnknown(Binder.bind(config))
        let theirs = try keepalivedUnknown(path: path)
        let missing = theirs.subtracting(ours).filter { !missingFeatureKeywords.contains($0.word) }
        return (missing, ours.subtracting(theirs))
    }

    static func withTemporaryFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("binder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("keepalived.conf")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try body(file.path)
    }

    static let traps: [String] = [
        // The enclosing-block trap inside vrrp_instance.
        """
        vrrp_instance VI_1 {
            state MASTER
            interface eth0
            foo {
                bar 1
            }
            virtual_router_id 51
            priority 100
        }
        """,
        // Wrong case of a block keyword, at the top level.
        "VRRP_INSTANCE X {\n    priority 1\n}\nvrrp_instance Y {\n    virtual_router_id 3\n}\n",
        // A value keyword with a block; a misplaced keyword; a typo.
        "vrrp_instance A {\n    nopreempt {\n        priority 5\n    }\n    virtual_router_id 9\n}\nnopreempt\nglobal_defs {\n    router_idd x\n}\n",
        // A trap nested two levels deep.
        "global_defs {\n    a {\n        b {\n            router_id x\n        }\n    }\n    router_id y\n}\nrouter_id z\n",
        // A value block without '{' takes the enclosing '}'.
        "vrrp_instance A {\n    virtual_ipaddress\n        192.0.2.1\n}\nvrrp_instance B {\n    priority 5\n}\n",
        // Duplicate instance: the whole block is skipped, unknown keywords inside are not reported.
        "vrrp_instance A {\n}\nvrrp_instance A {\n    zzz 1\n}\n",
    ]

    @Test(arguments: traps.indices)
    func unknownKeywordsMatchKeepalived(index: Int) throws {
        let (missing, extra) = try Self.withTemporaryFile(Self.traps[index]) { try Self.compare(path: $0) }
        #expect(missing.isEmpty, "keepalived reports, binder does not: \(missing.sorted { $0.line < $1.line })")
        #expect(extra.isEmpty, "binder reports, keepalived does not: \(extra.sorted { $0.line < $1.line })")
    }

    static func corpusFiles() -> [String] {
        let roots = ["/work/shared/corpus/upstream-samples", "/work/shared/corpus/realworld", "/usr/share/doc/keepalived/samples"]
        var files: [String] = []
        for root in roots {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { continue }
            for name in names.sorted() where ![".tsv", ".md", ".gz", ".sh", ".py"].contains(where: { name.hasSuffix($0) }) {
                var isDirectory: ObjCBool = false
                let path = root + "/" + name
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files.append(path)
                }
            }
        }
        return files
    }

    @Test func corpusUnknownKeywordsMatchKeepalived() throws {
        let files = Self.corpusFiles()
        #expect(files.count > 20, "corpus not found")
        var mismatches: [String] = []
        for path in files {
            let (missing, extra) = try Self.compare(path: path)
            if !missing.isEmpty || !extra.isEmpty {
                mismatches.append("\(path): keepalived-only \(missing.sorted { $0.line < $1.line }) binder-only \(extra.sorted { $0.line < $1.line })")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }
}
