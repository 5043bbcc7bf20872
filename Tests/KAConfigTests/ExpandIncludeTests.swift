import Synchronization
import Testing
@testable import KAConfig

@Suite("Expand: include")
struct ExpandIncludeTests {
    static let root = "/etc/keepalived/keepalived.conf"

    @Test func nestedIncludesRelativeToTheIncludingFile() {
        let files = [
            Self.root: "top\ninclude conf.d/*.conf\nbottom\n",
            "/etc/keepalived/conf.d/b.conf": "b1\ninclude ../shared/s.conf\n",
            "/etc/keepalived/conf.d/a.conf": "a1\n",
            "/etc/keepalived/conf.d/c.txt": "never\n",
            "/etc/keepalived/shared/s.conf": "s1\n",
        ]
        let (texts, config) = expandInMemory(files)
        #expect(texts == ["top", "a1", "b1", "s1", "bottom"])
        #expect(config.diagnostics.isEmpty)
        #expect(Set(config.files.keys) == [Self.root, "/etc/keepalived/conf.d/a.conf", "/etc/keepalived/conf.d/b.conf", "/etc/keepalived/shared/s.conf"])
    }

    @Test func includeChainsAndOriginsAreExact() {
        let files = [
            Self.root: "top\n  include sub/one.conf\n",
            "/etc/keepalived/sub/one.conf": "x\ninclude two.conf # comment\n",
            "/etc/keepalived/sub/two.conf": "\n   deep word\n",
        ]
        let (_, config) = expandInMemory(files)
        let deep = config.lines.last!
        #expect(deep.words.map(\.text) == ["deep", "word"])
        let origin = deep.words[1].origin
        #expect(origin.file == "/etc/keepalived/sub/two.conf")
        #expect(origin.line == 2 && origin.column == 9 && origin.byteRange == 9..<13 && !origin.isSubstituted)
        #expect(origin.includeChain == [
            IncludeSite(file: Self.root, line: 2, column: 3),
            IncludeSite(file: "/etc/keepalived/sub/one.conf", line: 2, column: 1),
        ])
        #expect(config.lines[0].words[0].origin.includeChain.isEmpty)
    }

    @Test func braceGlobKeepsAlternativeOrderAndSortsWithinEach() {
        let files = [
            Self.root: "include {z,a}*.conf\n",
            "/etc/keepalived/z2.conf": "z2\n", "/etc/keepalived/z1.conf": "z1\n",
            "/etc/keepalived/a2.conf": "a2\n", "/etc/keepalived/a1.conf": "a1\n",
            "/etc/keepalived/.hidden.conf": "hidden\n",
        ]
        #expect(expandInMemory(files).texts == ["z1", "z2", "a1", "a2"])
    }

    /// Brace groups multiply (eleven `{a,b}` make 2,048 patterns; a fuzz input's made millions and
    /// took 5 s): the first 1,024 are read, and the rest is reported.
    @Test func braceExpansionStopsAtItsLimit() throws {
        let pattern = String(repeating: "{a,b}", count: 11)
        let (texts, config) = expandInMemory([
            "/etc/keepalived/keepalived.conf": "include /etc/keepalived/\(pattern).conf\nlast\n",
            "/etc/keepalived/aaaaaaaaaaa.conf": "first\n",
            "/etc/keepalived/bbbbbbbbbbb.conf": "never\n",
        ])
        #expect(texts == ["first", "last"])
        let limit = try #require(config.diagnostics.first { $0.rule == SyntaxRules.expansionLimit })
        #expect(limit.message.contains("more than 1024 patterns"))
        #expect(GlobPattern.expandBraces("x{a,b}{c,d}", limit: 3) == (["xac", "xad", "xbc"], true))
        #expect(GlobPattern.expandBraces("x{a,b}{c,d}", limit: 4) == (["xac", "xad", "xbc", "xbd"], false))
    }

    /// Files that each include the next one twice double the opens at every level (22 levels
    /// took kalint 15 s and 1.2 GB): the expansion stops after 16,384 opens. A template included
    /// once per instance is far below that.
    @Test func includeOpensStopAtTheirLimit() throws {
        var files: [String: String] = [:]
        for level in 0..<20 {
            files["/etc/keepalived/f\(level).conf"] = "include f\(level + 1).conf\ninclude f\(level + 1).conf\n"
        }
        files["/etc/keepalived/f20.conf"] = "leaf\n"
        files[Self.root] = "include f0.conf\n"
        let (texts, config) = expandInMemory(files)
        let limit = try #require(config.diagnostics.first { $0.rule == SyntaxRules.expansionLimit })
        #expect(limit.message.contains("16384 files were opened"))
        #expect(texts.count < 16_384)
        let template = ["/etc/keepalived/t.conf": "key $N\n", Self.root: (1...500).map { "$N=\($0)\ninclude t.conf\n" }.joined()]
        let used = expandInMemory(template)
        #expect(used.texts.count == 500)
        #expect(used.config.diagnostics.isEmpty)
    }

    /// Every include may make 1,024 patterns, so the patterns brace groups add stop at 8,192 in
    /// all (500 such lines, 40 KB, made 512,000 globs: 2.3 s).
    @Test func includePatternsStopAtTheirTotal() throws {
        let line = "include /etc/keepalived/none" + String(repeating: "{a,b}", count: 10) + ".conf\n"
        let (texts, config) = expandInMemory([
            Self.root: String(repeating: line, count: 10) + "include last.conf\n",
            "/etc/keepalived/last.conf": "never\n",
        ])
        // A pattern without braces is still read.
        #expect(texts == ["never"])
        let limits = config.diagnostics.filter { $0.rule == SyntaxRules.expansionLimit }
        #expect(limits.map(\.line) == [9, 10])
        #expect(limits.last?.message == "the includes' brace groups have made 8192 more glob patterns in all; only the first of this one's is read")
    }

    /// Both caps are options: a caller (a test, an editor on a slow disk) may lower them.
    @Test func includeCapsAreOptions() throws {
        let chain = [
            Self.root: "include a.conf\ninclude a.conf\ninclude a.conf\n", "/etc/keepalived/a.conf": "a\n",
        ]
        let opens = expandInMemory(chain, options: ExpansionOptions(maxFileOpens: 3))
        #expect(opens.texts == ["a", "a"])
        let limit = try #require(opens.config.diagnostics.first { $0.rule == SyntaxRules.expansionLimit })
        #expect(limit.message.contains("3 files were opened"))
        let braces = [
            Self.root: "include {a,b}{c,d}.conf\ninclude {a,b}.conf\n",
            "/etc/keepalived/ac.conf": "ac\n", "/etc/keepalived/bd.conf": "bd\n", "/etc/keepalived/a.conf": "a\n",
            "/etc/keepalived/b.conf": "b\n",
        ]
        let patterns = expandInMemory(braces, options: ExpansionOptions(maxBracePatterns: 3))
        // The first include adds three patterns (all it may); the second reads only `a.conf`.
        #expect(patterns.texts == ["ac", "bd", "a"])
        let limits = patterns.config.diagnostics.filter { $0.rule == SyntaxRules.expansionLimit }
        #expect(limits.map(\.line) == [2])
        #expect(limits.first?.message.hasPrefix("the includes' brace groups have made 3 more glob patterns") == true)
    }

    /// An include line read again and again (a sequence replays it) is globbed once: the
    /// answer cannot change while one configuration is read. A fuzz input replayed such lines
    /// (a definition's) 32,768 times: 47 s in a directory of 2,000 files.
    @Test func aRepeatedIncludeIsGlobbedOnce() {
        let files = [
            Self.root: "$INC=include parts/*.conf\n$NONE=include parts/none*.conf\n" + String(repeating: "$INC\n", count: 300)
                + "$NONE\n$NONE\n",
            "/etc/keepalived/parts/a.conf": "a\n",
        ]
        let fileSystem = CountingFileSystem(InMemoryFileSystem(files: files))
        let config = Expander.expand(path: Self.root, options: ExpansionOptions(), fileSystem: fileSystem)
        #expect(config.lines.map(\.text) == Array(repeating: "a", count: 300))
        // The root, then each pattern once (303 globs without the cache); the kinds of the root,
        // of a.conf when first read (it is parsed once) and of the missing pattern's directory.
        #expect(fileSystem.counts.withLock { $0 } == Counts(globs: 3, kinds: 3))
        #expect(config.diagnostics.filter { $0.rule == SyntaxRules.includeNotFound }.count == 2)
    }

    /// Different patterns with wildcards are globbed up to `maxGlobs`; then the expansion stops
    /// (KA118).
    @Test func differentPatternsStopAtTheGlobCap() throws {
        let text = (1...20).map { "include p\($0)*.conf\n" }.joined()
        let capped = expandInMemory([Self.root: text], options: ExpansionOptions(maxGlobs: 5))
        let limit = try #require(capped.config.diagnostics.first { $0.rule == SyntaxRules.expansionLimit })
        #expect(limit.message.hasPrefix("expansion stopped: 5 different include patterns with wildcards were globbed"))
        #expect(capped.config.diagnostics.filter { $0.rule == SyntaxRules.includeNotFound }.count == 5)
        let uncapped = expandInMemory([Self.root: text])
        #expect(!uncapped.config.diagnostics.contains { $0.rule == SyntaxRules.expansionLimit })
        #expect(uncapped.config.diagnostics.filter { $0.rule == SyntaxRules.includeNotFound }.count == 20)
        // Literal patterns read no directory and are not counted.
        let literal = expandInMemory([Self.root: (1...20).map { "include p\($0).conf\n" }.joined()], options: ExpansionOptions(maxGlobs: 5))
        #expect(!literal.config.diagnostics.contains { $0.rule == SyntaxRules.expansionLimit })
        #expect(literal.config.diagnostics.filter { $0.rule == SyntaxRules.includeNotFound }.count == 20)
    }

    @Test func missingFiles() {
        let (texts, config) = expandInMemory([Self.root: "include nothere.conf\ninclude empty/*.conf\ninclude nodir/*.conf\nok\n", "/etc/keepalived/empty/": ""])
        #expect(texts == ["ok"])
        #expect(config.diagnostics.map(\.code) == ["KA108", "KA108", "KA108"])
        #expect(config.diagnostics.map(\.severity) == [.warning, .info, .warning])
        #expect(config.diagnostics.map(\.line) == [1, 2, 3])
    }

    @Test func strictVariantsAndIncludeCheck() {
        let strict = expandInMemory([Self.root: "includem nothere.conf\nincludew none/*.conf\nincluder x/\n", "/etc/keepalived/x/": ""])
        #expect(strict.config.diagnostics.map(\.severity) == [.error, .error, .error])
        #expect(strict.config.diagnostics.map(\.code) == ["KA108", "KA108", "KA116"])
        let checked = expandInMemory([Self.root: "global_defs {\n include_check\n}\ninclude nothere.conf\n"])
        #expect(checked.config.diagnostics.map(\.severity) == [.error])
        let dashE = expandInMemory([Self.root: "include nothere.conf\n"], options: ExpansionOptions(strictIncludes: true))
        #expect(dashE.config.diagnostics.map(\.severity) == [.error])
    }

    @Test func partialBraceMatch() {
        let files = [Self.root: "include {a,b}.conf\nincludeb {a,b}.conf\n", "/etc/keepalived/a.conf": "a\n"]
        let (texts, config) = expandInMemory(files)
        #expect(texts == ["a"])
        #expect(config.diagnostics.map(\.severity) == [.warning, .error])
    }

    @Test func cycleIsReportedAndNotFollowed() {
        let files = [
            Self.root: "r\ninclude a.conf\n",
            "/etc/keepalived/a.conf": "a\ninclude b.conf\n",
            "/etc/keepalived/b.conf": "b\ninclude ./a.conf\ninclude ../keepalived/keepalived.conf\n",
        ]
        let (texts, config) = expandInMemory(files)
        #expect(texts == ["r", "a", "b"])
        let cycles = config.expansionDiagnostics(SyntaxRules.includeCycle)
        #expect(cycles.count == 2)
        #expect(cycles.allSatisfy { $0.file == "/etc/keepalived/b.conf" })
        #expect(cycles.map(\.line) == [2, 3])
    }

    @Test func sameFileTwiceIsNotACycle() {
        let files = [Self.root: "include x.conf\ninclude x.conf\n", "/etc/keepalived/x.conf": "x\n"]
        let (texts, config) = expandInMemory(files)
        #expect(texts == ["x", "x"])
        #expect(config.diagnostics.isEmpty)
    }

    @Test func depthLimit() {
        var files = [Self.root: "include d1.conf\n"]
        for level in 1...5 { files["/etc/keepalived/d\(level).conf"] = "level\(level)\ninclude d\(level + 1).conf\n" }
        files["/etc/keepalived/d6.conf"] = "level6\n"
        let (texts, config) = expandInMemory(files, options: ExpansionOptions(maxIncludeDepth: 3))
        #expect(texts == ["level1", "level2", "level3"])
        #expect(config.codes() == ["KA110"])
        #expect(config.diagnostics[0].file == "/etc/keepalived/d3.conf")
    }

    @Test func executableAndDirectoryMatchesAreSkipped() {
        let files = [Self.root: "include *\n", "/etc/keepalived/run.sh": "script\n", "/etc/keepalived/dir/x": "", "/etc/keepalived/z.conf": "z\n"]
        let (texts, config) = expandInMemory(files, executables: ["/etc/keepalived/run.sh"])
        #expect(texts == ["z"])
        // Sorted matches: dir/ (directory), keepalived.conf (itself: a cycle), run.sh (executable).
        #expect(config.codes() == ["KA116", "KA109", "KA116"])
        #expect(config.diagnostics.map(\.severity) == [.warning, .error, .warning])
    }

    /// `~SEQ(i,3) include f${i}.conf` opens f1, f2, f3 before reading any of them, and the last
    /// opened is read first (verified with keepalived -t: file3, file2, file1).
    @Test func includesFromASequenceAreReadInReverse() {
        var files = [Self.root: "~SEQ(i,3) include f${i}.conf\nlast\n"]
        for index in 1...3 { files["/etc/keepalived/f\(index).conf"] = "file\(index)\n" }
        #expect(expandInMemory(files).texts == ["file3", "file2", "file1", "last"])
    }

    @Test func includeAfterBraceAndConditionalInclude() {
        let files = [Self.root: "blk { include x.conf\n}\n@n1 include y.conf\n@n2 include x.conf\n", "/etc/keepalived/x.conf": "x\n", "/etc/keepalived/y.conf": "y\n"]
        #expect(expandInMemory(files, options: ExpansionOptions(configID: "n1")).texts == ["blk", "{", "x", "}", "y"])
    }

    /// keepalived 2.2.7's main process blanks only literal include lines in the copy its children
    /// read, so the children include `@id include`/`{ include` files twice (verified: `@vm include
    /// f1.conf` makes each child report f1's keyword twice).
    @Test func includeNotAloneOnItsLineIsFlagged() {
        let files = [Self.root: "blk { include x.conf\n}\n@n1 include x.conf\ninclude x.conf\n", "/etc/keepalived/x.conf": "x\n"]
        let (_, config) = expandInMemory(files, options: ExpansionOptions(configID: "n1"))
        #expect(config.codes() == ["KA119", "KA119"])
        #expect(config.diagnostics.map(\.line) == [1, 3])
    }

    @Test func includeCheckInsideAnIncludedFileEndsWithThatFile() {
        let files = [
            Self.root: "include g.conf\ninclude missing.conf\n",
            "/etc/keepalived/g.conf": "global_defs {\n include_check\n}\n",
        ]
        #expect(expandInMemory(files).config.diagnostics.map(\.severity) == [.warning])
    }

    @Test func missingRootFile() {
        let (texts, config) = expandInMemory([:], root: "/nope.conf")
        #expect(texts.isEmpty)
        #expect(config.codes() == ["KA117"])
        #expect(config.diagnostics[0].severity == .error)
    }

    @Test func expandTreeUsesTheGivenTreeAndReadsIncludes() {
        let tree = Parser.parse(path: "/srv/ka/main.conf", text: "a\ninclude part.conf\n")
        let fileSystem = InMemoryFileSystem(files: ["/srv/ka/part.conf": "p\n", "/srv/ka/main.conf": "ignored\n"])
        let config = Expander.expand(tree: tree, options: ExpansionOptions(), fileSystem: fileSystem)
        #expect(config.lines.map(\.text) == ["a", "p"])
        #expect(config.rootPath == "/srv/ka/main.conf")
        #expect(config.files["/srv/ka/main.conf"]?.source.bytes == tree.source.bytes)
    }

    @Test func syntaxDiagnosticsOfIncludedFilesAreCollected() {
        let files = [Self.root: "include x.conf\n", "/etc/keepalived/x.conf": "a {\n"]
        let (_, config) = expandInMemory(files)
        #expect(config.diagnostics.contains { $0.rule == SyntaxRules.missingCloseBrace && $0.file == "/etc/keepalived/x.conf" })
    }
}

struct Counts: Equatable {
    var globs = 0
    var kinds = 0
}

/// An in-memory file system that counts the globs and kind checks it answers.
final class CountingFileSystem: ConfigFileSystem {
    let inner: InMemoryFileSystem
    let counts = Mutex(Counts())

    init(_ inner: InMemoryFileSystem) { self.inner = inner }

    func readFile(_ path: String) throws -> [UInt8] { try inner.readFile(path) }

    func glob(_ pattern: String, relativeTo directory: String) -> [String] {
        counts.withLock { $0.globs += 1 }
        return inner.glob(pattern, relativeTo: directory)
    }

    func fileKind(_ path: String) -> ConfigFileKind {
        counts.withLock { $0.kinds += 1 }
        return inner.fileKind(path)
    }
}
