import Testing
@testable import KAConfig
@testable import KAFormat

/// `kafmt -r`: which files an `include` names.
@Suite struct FormatIncludeTests {
    @Test func patternsAreReadAsWritten() {
        let tree = Parser.parse(path: "/x/main.conf", text: "include a.conf\nvrrp_instance X {\n  includer  \"b c.conf\"  # c\n}\n@main include ${_PWD}/d\n")
        #expect(IncludedFiles.patterns(in: tree) == ["a.conf", "\"b c.conf\"", "${_PWD}/d"])
    }

    @Test func globsRelativeToTheIncludingFile() throws {
        let folder = FormatTestSupport.temporaryFolder()
        defer { FormatTestSupport.remove(folder) }
        _ = FormatTestSupport.run("/bin/mkdir", ["-p", folder + "/d/sub.conf"])
        for name in ["d/b.conf", "d/a.conf", "d/c.txt", "e.conf"] { FormatTestSupport.write([], to: folder + "/" + name) }
        let tree = Parser.parse(path: folder + "/main.conf", text: "include d/*.conf\ninclude {e,f}.conf\ninclude $X/y\n")
        #expect(IncludedFiles.matches(in: tree) == [folder + "/d/a.conf", folder + "/d/b.conf", folder + "/e.conf"])
    }
}
