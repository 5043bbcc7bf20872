import Testing
@testable import KAConfig
@testable import KAFormat

/// `kafmt -w`: atomic replacement that keeps mode and ownership, writes only when the bytes
/// change, and leaves every byte (and no stray temporary file) behind when it cannot write.
@Suite(.serialized) struct FormatWriteTests {
    static let unformatted = Array("vrrp_instance VI_1 {\n  state MASTER\n      priority 100 }\n".utf8)
    static let formatted = Array("vrrp_instance VI_1 {\n    state MASTER\n    priority 100\n}\n".utf8)

    @Test func writesInPlaceKeepingModeAndOwnership() throws {
        let folder = FormatTestSupport.temporaryFolder()
        defer { FormatTestSupport.remove(folder) }
        let path = folder + "/keepalived.conf"
        #expect(FormatTestSupport.write(Self.unformatted, to: path))
        _ = FormatTestSupport.run("/bin/chmod", ["0640", path])
        let owner = "12345:23456"
        let changedOwner = FormatTestSupport.run("/bin/chown", [owner, path])?.status == 0
        let outcome = FileFormatting.run(path: path, write: true)
        #expect(outcome.failure == nil)
        #expect(outcome.written)
        #expect(FormatTestSupport.read(path) == Self.formatted)
        #expect(FormatTestSupport.mode(of: path) == 0o640)
        if changedOwner {
            let kept = try #require(FormatTestSupport.owner(of: path))
            #expect(kept.uid == 12345 && kept.gid == 23456)
        }
        #expect(FormatTestSupport.files(in: folder) == [path], "a temporary file was left behind")
    }

    @Test func leavesAFormattedFileAlone() throws {
        let folder = FormatTestSupport.temporaryFolder()
        defer { FormatTestSupport.remove(folder) }
        let path = folder + "/keepalived.conf"
        #expect(FormatTestSupport.write(Self.formatted, to: path))
        let inode = try #require(FormatTestSupport.inode(of: path))
        let outcome = FileFormatting.run(path: path, write: true)
        #expect(!outcome.changes)
        #expect(!outcome.written)
        #expect(FormatTestSupport.inode(of: path) == inode, "the file was replaced although nothing changed")
    }

    @Test func readOnlyFolderKeepsTheFileAndSaysWhy() throws {
        let folder = FormatTestSupport.temporaryFolder()
        let path = folder + "/keepalived.conf"
        #expect(FormatTestSupport.write(Self.unformatted, to: path))
        let locked = ReadOnlyFolder(folder)
        defer {
            locked.unlock()
            FormatTestSupport.remove(folder)
        }
        try #require(locked.isReadOnly, "could not make \(folder) read-only (chattr +i as root, chmod 0555 otherwise)")
        let outcome = FileFormatting.run(path: path, write: true)
        #expect(!outcome.written)
        let failure = try #require(outcome.failure)
        #expect(failure.contains("cannot create a temporary file"), "\(failure)")
        #expect(FormatTestSupport.read(path) == Self.unformatted)
        #expect(FormatTestSupport.files(in: folder) == [path])
    }

    @Test func vanishedFileIsReportedAndNothingIsCreated() throws {
        let folder = FormatTestSupport.temporaryFolder()
        defer { FormatTestSupport.remove(folder) }
        let path = folder + "/gone.conf"
        let outcome = FileFormatting.run(path: path, write: true)
        let failure = try #require(outcome.failure)
        #expect(failure.contains("No such file"), "\(failure)")
        #expect(outcome.isError)
        // The file can also vanish between reading and writing.
        #expect(throws: AtomicFileWriter.Failure.self) { try AtomicFileWriter.replace(path, with: Self.formatted) }
        #expect(FormatTestSupport.files(in: folder).isEmpty)
    }

    @Test func syntaxErrorLeavesEveryByte() throws {
        let folder = FormatTestSupport.temporaryFolder()
        defer { FormatTestSupport.remove(folder) }
        let path = folder + "/keepalived.conf"
        let broken = Array("vrrp_instance VI_1 {\n  notify \"/bin/x\n      priority 100\n".utf8)
        #expect(FormatTestSupport.write(broken, to: path))
        let outcome = FileFormatting.run(path: path, write: true)
        #expect(!outcome.written)
        #expect(outcome.isError)
        #expect(outcome.diagnostics.contains { $0.rule == SyntaxRules.unterminatedQuote })
        #expect(outcome.diagnostics.contains { $0.rule == SyntaxRules.missingCloseBrace })
        #expect(FormatTestSupport.read(path) == broken)
        #expect(FormatTestSupport.files(in: folder) == [path])
    }

    @Test func fileChangedWhileFormattingIsNotOverwritten() throws {
        let folder = FormatTestSupport.temporaryFolder()
        defer { FormatTestSupport.remove(folder) }
        let path = folder + "/keepalived.conf"
        #expect(FormatTestSupport.write(Self.unformatted, to: path))
        #expect(throws: AtomicFileWriter.Failure.self) {
            try AtomicFileWriter.replace(path, with: Self.formatted, expectedOriginal: Array("something else\n".utf8))
        }
        #expect(FormatTestSupport.read(path) == Self.unformatted)
        #expect(FormatTestSupport.files(in: folder) == [path])
    }

    @Test func symbolicLinkStaysALink() throws {
        let folder = FormatTestSupport.temporaryFolder()
        defer { FormatTestSupport.remove(folder) }
        let target = folder + "/real.conf"
        let link = folder + "/link.conf"
        #expect(FormatTestSupport.write(Self.unformatted, to: target))
        #expect(FormatTestSupport.run("/bin/ln", ["-s", "real.conf", link])?.status == 0)
        let outcome = FileFormatting.run(path: link, write: true)
        #expect(outcome.written)
        #expect(FormatTestSupport.read(target) == Self.formatted)
        #expect(FormatTestSupport.run("/usr/bin/readlink", [link])?.output == "real.conf\n")
    }
}

/// Makes a folder read-only for this process: `chattr +i` when root (root ignores mode bits),
/// `chmod 0555` otherwise. Checks that creating a file there really fails.
struct ReadOnlyFolder {
    let folder: String
    let usedImmutable: Bool

    init(_ folder: String) {
        self.folder = folder
        usedImmutable = FormatTestSupport.run("/usr/bin/chattr", ["+i", folder])?.status == 0
        if !usedImmutable { _ = FormatTestSupport.run("/bin/chmod", ["0555", folder]) }
    }

    var isReadOnly: Bool {
        let probe = folder + "/.probe"
        if FormatTestSupport.write([], to: probe) {
            FormatTestSupport.remove(probe)
            return false
        }
        return true
    }

    func unlock() {
        if usedImmutable { _ = FormatTestSupport.run("/usr/bin/chattr", ["-i", folder]) }
        _ = FormatTestSupport.run("/bin/chmod", ["0700", folder])
    }
}
