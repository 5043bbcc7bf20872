import Foundation
import Testing
@testable import KAConfig

/// Differential checks against the installed keepalived 2.2.7: for configurations made only of
/// top-level lines, keepalived -t reports "Unknown keyword 'FIRST'" once per logical line, so the
/// first words of our lines must match its messages. Skipped when keepalived is not installed.
@Suite("Expand: parity with keepalived -t")
struct ExpandKeepalivedParityTests {
    static let keepalived = ["/usr/sbin/keepalived", "/usr/local/sbin/keepalived"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static let cases: [(name: String, files: [String: [UInt8]])] = [
        ("seq", ["k.conf": Array("~SEQ(i,3) k$i\n~SEQ(i,-2) n$i\n~SEQx(i,9,3,15) h$i\n~SEQ(i,010,011) o$i\n".utf8)]),
        ("lst", ["k.conf": Array("~LST({a,b},{1,2},{3},4) k${a}_${b}\n~LST(v, p, q) w$v\n".utf8)]),
        ("conditional", ["k.conf": Array("$IF=@vm\n$IF kw1\n$NIF=@other\n$NIF kw2\n@vm c1\n@^vm c2\n@^other c3\n@vm\n".utf8)]),
        ("multiline", ["k.conf": Array("$M=\\\nm1 \\\nm2\nu $M\n$X=a # c \\\nb\n$X\nafter\n".utf8)]),
        ("hash", ["k.conf": Array("$OFF=${_HASH}\n$OFF kw0\nkw2 a${_BANG}b\n".utf8)]),
        // The parent reads `x#y`; the children re-read the copy `x#y` and see `x` (KA119).
        ("escape", ["k.conf": Array("x\\#y\n".utf8)]),
        ("long", ["k.conf": Array((String(repeating: "A", count: 1030) + " B\nC\n").utf8)]),
        ("nul", ["k.conf": Array("abc".utf8) + [0] + Array("def\nxyz\n".utf8)]),
        ("undefined", ["k.conf": Array("foo${NOPE}bar x\n\"${NOPE}\" y\n".utf8)]),
        ("include", [
            "k.conf": Array("~SEQ(i,3) include sub/f${i}.conf\nlast\n".utf8),
            "sub/f1.conf": Array("file1\ninclude ../g.conf\n".utf8), "sub/f2.conf": Array("file2\n".utf8),
            "sub/f3.conf": Array("file3\n".utf8), "g.conf": Array("gee\n".utf8),
        ]),
    ]

    @Test(arguments: cases.map(\.name))
    func firstWordsMatchKeepalived(name: String) throws {
        guard let keepalived = Self.keepalived else { return }
        let files = Self.cases.first { $0.name == name }!.files
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("ka-parity-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        for (path, bytes) in files {
            let full = base + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: keepalived)
        process.arguments = ["-t", "-f", base + "/k.conf", "-i", "vm"]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var theirs: [String] = []
        for line in output.split(separator: "\n") {
            guard let range = line.range(of: "Unknown keyword '") else { continue }
            let word = String(line[range.upperBound...].dropLast())
            if !theirs.contains(word) { theirs.append(word) }
        }
        let config = Expander.expand(path: base + "/k.conf", options: ExpansionOptions(configID: "vm"), fileSystem: LocalFileSystem())
        var ours: [String] = []
        // keepalived answers a top-level `{` with "Unexpected '{'", not "Unknown keyword".
        for line in config.lines where line.kind != .openBrace {
            let word = line.words[0].text
            if !ours.contains(word) { ours.append(word) }
        }
        if name == "escape" {
            #expect(ours == ["x#y"] && theirs == ["x#y", "x"])
            #expect(config.codes() == ["KA119"])
        } else {
            #expect(ours == theirs)
        }
    }
}
