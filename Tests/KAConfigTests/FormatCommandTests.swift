import Testing
@testable import KAConfig

/// The kafmt executable itself (built next to the tests): exit codes, stdin/stdout, -w, --check,
/// --diff and -r. Its logic lives in KAFormat; these check the wiring.
@Suite(.serialized) struct FormatCommandTests {
    static let kafmt = FormatTestSupport.packageRoot + "/.build/debug/kafmt"
    static var isBuilt: Bool { FormatTestSupport.isRegularFile(kafmt) }
    static let messy = Array("vrrp_instance VI_1 {\n  state MASTER }\n".utf8)
    static let clean = Array("vrrp_instance VI_1 {\n    state MASTER\n}\n".utf8)

    func withFolder(_ body: (String) throws -> Void) rethrows {
        let folder = FormatTestSupport.temporaryFolder()
        defer { FormatTestSupport.remove(folder) }
        try body(folder)
    }

    @Test(.enabled(if: isBuilt, "kafmt is not built"))
    func printsFormattedFilesAndExitsZero() throws {
        try withFolder { folder in
            FormatTestSupport.write(Self.messy, to: folder + "/a.conf")
            let result = try #require(FormatTestSupport.run(Self.kafmt, ["a.conf"], in: folder))
            #expect(result.status == 0)
            #expect(result.output == String(decoding: Self.clean, as: UTF8.self))
            #expect(FormatTestSupport.read(folder + "/a.conf") == Self.messy, "without -w nothing is written")
        }
    }

    @Test(.enabled(if: isBuilt, "kafmt is not built"))
    func checkListsFilesThatWouldChange() throws {
        try withFolder { folder in
            FormatTestSupport.write(Self.messy, to: folder + "/messy.conf")
            FormatTestSupport.write(Self.clean, to: folder + "/clean.conf")
            let dirty = try #require(FormatTestSupport.run(Self.kafmt, ["--check", "clean.conf", "messy.conf"], in: folder))
            #expect(dirty.status == 1)
            #expect(dirty.output == "messy.conf\n")
            let tidy = try #require(FormatTestSupport.run(Self.kafmt, ["--check", "clean.conf"], in: folder))
            #expect(tidy.status == 0)
            #expect(tidy.output == "")
            let withDiff = try #require(FormatTestSupport.run(Self.kafmt, ["--check", "--diff", "messy.conf"], in: folder))
            #expect(withDiff.status == 1)
            #expect(withDiff.output.hasPrefix("--- messy.conf\n+++ messy.conf (formatted)\n@@ "))
            #expect(FormatTestSupport.read(folder + "/messy.conf") == Self.messy)
        }
    }

    @Test(.enabled(if: isBuilt, "kafmt is not built"))
    func writeReplacesOnlyChangedFiles() throws {
        try withFolder { folder in
            FormatTestSupport.write(Self.messy, to: folder + "/messy.conf")
            FormatTestSupport.write(Self.clean, to: folder + "/clean.conf")
            let inode = FormatTestSupport.inode(of: folder + "/clean.conf")
            let result = try #require(FormatTestSupport.run(Self.kafmt, ["-w", "messy.conf", "clean.conf"], in: folder))
            #expect(result.status == 0)
            #expect(result.output == "")
            #expect(FormatTestSupport.read(folder + "/messy.conf") == Self.clean)
            #expect(FormatTestSupport.inode(of: folder + "/clean.conf") == inode)
        }
    }

    @Test(.enabled(if: isBuilt, "kafmt is not built"))
    func syntaxErrorExitsTwoAndLeavesTheFile() throws {
        try withFolder { folder in
            let broken = Array("vrrp_instance VI_1 {\n  state MASTER\n".utf8)
            FormatTestSupport.write(broken, to: folder + "/broken.conf")
            FormatTestSupport.write(Self.messy, to: folder + "/messy.conf")
            let result = try #require(FormatTestSupport.run(Self.kafmt, ["-w", "broken.conf", "messy.conf"], in: folder))
            #expect(result.status == 2)
            #expect(result.output.contains("broken.conf:1:20: error:"))
            #expect(result.output.contains("KA103"))
            #expect(result.output.contains("broken.conf: not formatted: fix the syntax errors first"))
            #expect(FormatTestSupport.read(folder + "/broken.conf") == broken)
            #expect(FormatTestSupport.read(folder + "/messy.conf") == Self.clean, "the other file is still formatted")
        }
    }

    /// A file that parses but whose laid-out line would pass keepalived's line length is refused
    /// with that reason, not "fix the syntax errors first".
    @Test(.enabled(if: isBuilt, "kafmt is not built"))
    func lineTooLongOnceIndentedSaysSo() throws {
        try withFolder { folder in
            // 1,022 bytes, keepalived's most; laid out as `x… {` it would be 1,023.
            let text = Array((String(repeating: "x", count: 1021) + "{\n}\n").utf8)
            FormatTestSupport.write(text, to: folder + "/long.conf")
            let result = try #require(FormatTestSupport.run(Self.kafmt, ["-w", "long.conf"], in: folder))
            #expect(result.status == 2)
            #expect(result.output.contains("KA104"))
            #expect(result.output.contains("not formatted: a line would be longer than keepalived reads once laid out"))
            #expect(!result.output.contains("fix the syntax errors first"))
            #expect(FormatTestSupport.read(folder + "/long.conf") == text)
        }
    }

    @Test(.enabled(if: isBuilt, "kafmt is not built"))
    func missingFileExitsTwo() throws {
        try withFolder { folder in
            let result = try #require(FormatTestSupport.run(Self.kafmt, ["-w", "gone.conf"], in: folder))
            #expect(result.status == 2)
            #expect(result.output.contains("gone.conf: cannot open: No such file or directory"))
            #expect(FormatTestSupport.files(in: folder).isEmpty)
        }
    }

    @Test(.enabled(if: isBuilt, "kafmt is not built"))
    func standardInputToStandardOutput() throws {
        try withFolder { folder in
            FormatTestSupport.write(Self.messy, to: folder + "/in.conf")
            let result = try #require(FormatTestSupport.run("/bin/sh", ["-c", "'\(Self.kafmt)' - < in.conf"], in: folder))
            #expect(result.status == 0)
            #expect(result.output == String(decoding: Self.clean, as: UTF8.self))
        }
    }

    @Test(.enabled(if: isBuilt, "kafmt is not built"))
    func recursiveFollowsIncludes() throws {
        try withFolder { folder in
            _ = FormatTestSupport.run("/bin/mkdir", ["-p", folder + "/conf.d"])
            FormatTestSupport.write(Array("include conf.d/*.conf\n".utf8), to: folder + "/main.conf")
            FormatTestSupport.write(Self.messy, to: folder + "/conf.d/one.conf")
            FormatTestSupport.write(Self.messy, to: folder + "/conf.d/two.conf")
            let plain = try #require(FormatTestSupport.run(Self.kafmt, ["--check", "main.conf"], in: folder))
            #expect(plain.status == 0, "without -r only main.conf is looked at")
            let recursive = try #require(FormatTestSupport.run(Self.kafmt, ["-r", "-w", "main.conf"], in: folder))
            #expect(recursive.status == 0)
            #expect(FormatTestSupport.read(folder + "/conf.d/one.conf") == Self.clean)
            #expect(FormatTestSupport.read(folder + "/conf.d/two.conf") == Self.clean)
        }
    }
}
