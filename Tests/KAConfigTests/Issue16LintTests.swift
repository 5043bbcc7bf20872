import Testing
@testable import KAConfig
@testable import KALint

/// Issue 16: streamed output, the target version of missing-interface, failover ties, glued
/// comments and ignored notify lines, each on an example of its own.
@Suite struct Issue16LintTests {
    static func lint(_ files: [String], targetVersion: String? = nil, only slug: String) -> [Diagnostic] {
        let nodes = files.enumerated().map { Analyzer.analyze(path: "node\($0.offset + 1).conf", text: $0.element) }
        return LintEngine().run(nodes, options: LintOptions(enabledOnly: [slug], targetVersion: targetVersion)).diagnostics
    }

    /// The sizes the analysis's memory is made of, per statement and per word: a field added to
    /// either grows every analysis (75,000 statements and 146,000 words at 5,000 instances).
    @Test func statementAndWordSizes() {
        #expect(MemoryLayout<Origin>.size == 16)
        #expect(MemoryLayout<BoundStatement>.stride == 32)
        #expect(MemoryLayout<BoundBlock>.stride == 40)
        #expect(MemoryLayout<BlockStatements>.stride == 16)
        #expect(MemoryLayout<ExpandedWord>.stride == 32)
        // A plain line's words are kept packed: a text index and an origin, with 16-bit text
        // indices and line offsets (the rare wider ones beside the chunk).
        #expect(MemoryLayout<PackedWord>.stride == 8)
        #expect(MemoryLayout<WordList>.size == 16)
        // `BoundTree.rowAddress` reads a statement's head and end at these offsets.
        #expect(MemoryLayout<BoundStatement>.offset(of: \BoundStatement.head) == BoundTree.headOffset)
        #expect(MemoryLayout<BoundStatement>.offset(of: \BoundStatement.storedEnd) == BoundTree.endOffset)
        #expect(MemoryLayout<ExpandedWord>.offset(of: \ExpandedWord.text) == WordInPlace.textOffset)
    }

    /// A block keeps its spec name as a `BlockSpecNames` id and its closing brace as an origin and
    /// a flag: every schema name, a name outside the schema, and a brace set and cleared read back.
    @Test func blocksReadBackTheirNamesAndBraces() {
        for name in BlockSpecNames.known + ["not_a_block", "", "not_a_block_2", "not_a_block"] {
            #expect(BoundBlock(specName: name, opener: nil).specName == name)
        }
        #expect(BlockSpecNames.id("not_a_block") == BlockSpecNames.id("not_a_block"))
        #expect(BlockSpecNames.id("not_a_block") != BlockSpecNames.id("not_a_block_2"))
        let brace = Origin(file: "/t/k.conf", line: 9, column: 5, byteRange: 120..<121)
        var block = BoundBlock(specName: "vrrp_instance", opener: 3, closingBrace: brace)
        #expect(block.closingBrace == brace && block.opener == 3 && block.specName == "vrrp_instance")
        block.closingBrace = nil
        #expect(block.closingBrace == nil)
        block.specName = "authentication"
        #expect(block.specName == "authentication")
        #expect(BoundBlock(specName: "", opener: nil).closingBrace == nil)
        // The walker's blocks carry their tables' names.
        let tree = Analyzer.analyze(path: "/t/k.conf", text: "vrrp_instance V {\n authentication {\n }\n}\n").bound.tree
        #expect(tree.blocks.map(\.specName) == ["", "vrrp_instance", "authentication"])
        #expect(tree.blocks.map { $0.closingBrace?.line } == [nil, 4, 3])
    }

    /// A statement holds its row, or the box of its rare parts that holds the row: each reads
    /// back its row, text, entries and origin, and `rowAddress` finds the row either way.
    @Test func statementsReadTheirRowThroughTheirHead() {
        let text = "vrrp_script chk {\n script \"/bin/true  x\"\n interval 2\n}\nvrrp_instance V {\n virtual_ipaddress {\n  192.0.2.1/24\n  192.0.2.2/24\n }\n}\n"
        let tree = Analyzer.analyze(path: "/t/h.conf", text: text).bound.tree
        var sawRare = false
        for index in tree.statements.indices {
            let statement = tree.statements[index]
            sawRare = sawRare || statement.rare != nil
            #expect(tree.rowAddress(ofStatement: index) == UInt(bitPattern: Unmanaged.passUnretained(statement.row).toOpaque()))
        }
        #expect(sawRare)
        let script = tree.statements.first { $0.keyword == "script" }!
        #expect(script.rare != nil && script.text == "script \"/bin/true  x\"")
        // A new row keeps the rare parts; a plain statement's new row is its head.
        var moved = script
        let other = tree.statements.first { $0.keyword == "interval" }!.row
        moved.row = other
        #expect(moved.row === other && moved.text == script.text && moved.origin == script.origin)
        var plain = tree.statements.first { $0.keyword == "interval" }!
        plain.row = script.row
        #expect(plain.row === script.row && plain.rare == nil && plain.text == "interval 2")
        // Entries set on a plain statement box it with its row.
        var block = tree.statements.first { $0.keyword == "virtual_ipaddress" }!
        let entries = block.entries
        #expect(entries.map { $0.map(\.text) } == [["192.0.2.1/24"], ["192.0.2.2/24"]])
        block.entries = Array(entries.reversed())
        #expect(block.rare != nil && block.row.name == "virtual_ipaddress")
        #expect(block.entries.map { $0.map(\.text) } == [["192.0.2.2/24"], ["192.0.2.1/24"]])
        // An end past 31 bits keeps the whole origin in the box; no byte end fits as it is.
        for range in [3_000_000_000..<3_000_000_010, 2_147_483_640..<2_147_483_647, nil] as [Range<Int>?] {
            let origin = Origin(file: "/t/h.conf", line: 9, column: 1, byteRange: range)
            let far = BoundStatement(
                row: other, words: [ExpandedWord(text: "interval", origin: origin)], text: "interval", entries: [], block: nil,
                origin: origin)
            #expect(far.origin == origin && far.origin.byteRange == range && far.row === other)
            #expect(far.rare != nil || range == nil)
            var rows = [far]
            #expect(rows.withUnsafeBytes { BoundTree.rowAddress(of: $0.baseAddress!) } == UInt(bitPattern: Unmanaged.passUnretained(other).toOpaque()))
            rows[0].row = script.row
            #expect(rows[0].row === script.row && rows[0].origin == origin)
        }
    }

    /// The quoted flag rides in the origin's spare bit: it is the word's, not the place's.
    @Test func aWordsQuotedFlagIsNotPartOfItsPlace() {
        let place = Origin(file: "/c/q.conf", line: 3, column: 7, byteRange: 40..<46)
        var quoted = ExpandedWord(text: "a b", isQuoted: true, origin: place)
        let plain = ExpandedWord(text: "a b", origin: place)
        #expect(quoted.isQuoted && !plain.isQuoted)
        #expect(quoted.origin == place && quoted.origin.hashValue == place.hashValue)
        #expect(quoted != plain && Set([quoted, plain]).count == 2)
        // A word made from another's origin takes its own flag, not the other's.
        #expect(!ExpandedWord(text: "{", origin: quoted.origin).isQuoted)
        quoted.isQuoted = false
        #expect(quoted == plain)
        var substituted = place
        substituted.isSubstituted = true
        #expect(substituted != place && !ExpandedWord(text: "x", origin: substituted).isQuoted)
        #expect(ExpandedWord(text: "x", isQuoted: true, origin: substituted).origin.isSubstituted)
    }

    /// What 16 bytes cannot hold saturates where keepalived never reads.
    @Test func originLimits() {
        var origin = Origin(file: "/c/l.conf", line: 5_000_000, column: 16_383, byteRange: 10..<65_544)
        #expect(origin.line == 5_000_000 && origin.column == Origin.maximumColumn)
        #expect(origin.byteRange == 10..<65_544 && origin.span.end.column == 16_383 + 65_534)
        origin.column = 16_384
        #expect(origin.column == Origin.maximumColumn)
        origin.column = 12
        #expect(origin.column == 12 && origin.byteRange == 10..<65_544)
        let long = Origin(file: "/c/l.conf", line: 1, column: 1, byteRange: 10..<65_545)
        #expect(long.byteRange == nil && long.span.end.column == 2)
        var end = Origin(file: "/c/l.conf", line: 2, column: 3, byteRange: 100..<104)
        end.byteEnd = 200
        #expect(end.byteRange == 100..<200)
        end.byteEnd = Origin.noByte
        #expect(end.byteRange == nil)
        let none = Origin(file: "/c/l.conf", line: 2, column: 3)
        #expect(none.byteRange == nil && none.byteEnd == Origin.noByte)
        let far = Origin(file: "/c/l.conf", line: 2, column: 3, byteRange: 4_000_000_000..<4_000_000_010)
        #expect(far.byteRange == 4_000_000_000..<4_000_000_010)
    }

    /// A statement's rare parts survive the box: a quoted word's text and value-block entries.
    @Test func rarePartsOfAStatement() throws {
        let analysis = Analyzer.analyze(
            path: "/c/k.conf",
            text: "vrrp_script s {\n    script \"/bin/true  x\"\n}\nvrrp_instance V {\n    virtual_ipaddress {\n        192.0.2.1/24\n        192.0.2.2/24 dev eth0\n    }\n    state MASTER\n}\n")
        let statements = analysis.bound.tree.statements
        let script = try #require(statements.first { $0.keyword == "script" })
        #expect(script.text == "script \"/bin/true  x\"")
        #expect(script.entries.isEmpty)
        let addresses = try #require(statements.first { $0.keyword == "virtual_ipaddress" })
        #expect(addresses.entries.map { $0.map(\.text) } == [["192.0.2.1/24"], ["192.0.2.2/24", "dev", "eth0"]])
        let state = try #require(statements.first { $0.keyword == "state" })
        #expect(state.text == "state MASTER")
        #expect(state.entries.isEmpty)
    }

    /// A statement stores only where its line ends; its origin is still the whole line's, and a
    /// line that substitution made keeps an origin of its own.
    @Test func statementOriginsAreTheirLines() throws {
        let text = "$PRIO=150\nvrrp_instance V {\n    state   MASTER\n    priority $PRIO\n    virtual_ipaddress {\n        192.0.2.1/24 dev eth0\n    }\n    track_script {\n        chk\n    }\n}\n"
        let analysis = Analyzer.analyze(path: "/c/o.conf", text: text)
        let bytes = Array(text.utf8)
        for statement in analysis.bound.tree.statements where statement.keyword != "priority" {
            let range = try #require(statement.origin.byteRange, "\(statement.keyword)")
            let source = String(decoding: bytes[range], as: UTF8.self)
            #expect(source == statement.text)
            #expect(!statement.origin.isSubstituted)
            #expect(statement.origin.line == text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(statement.keyword) }! + 1)
        }
        let priority = try #require(analysis.bound.tree.statements.first { $0.keyword == "priority" })
        #expect(priority.origin.isSubstituted)
        #expect(priority.origin.byteRange == nil)
        #expect(priority.origin.line == 4 && priority.origin.column == 5)
        #expect(priority.int() == 150)
    }

    @Test func streamedOutputIsTheGatheredOutput() {
        var text = ""
        for index in 1...300 {
            text += "vrrp_instance V\(index) {\n    state Master\n    interface eth0\n    virtual_router_id \(index % 255 + 1)\n}\n"
        }
        let files = InMemoryFileSystem(files: ["/a.conf": text])
        for format in ["human", "json", "sarif", "github"] {
            let request = KalintRequest(files: ["/a.conf"], format: format)
            let gathered = KalintDriver.run(request, fileSystem: files)
            var pieces: [String] = []
            let streamed = KalintDriver.run(request, fileSystem: files, output: { pieces.append($0) })
            #expect(streamed.stdout.isEmpty)
            #expect(pieces.joined() == gathered.stdout, "\(format)")
            #expect(streamed.status == gathered.status)
            if format == "human" || format == "github" { #expect(pieces.count > 300, "one piece per finding") }
        }
    }

    static let unicastWithoutInterface = """
        vrrp_instance DB {
            virtual_router_id 61
            unicast_src_ip 203.0.113.5
            unicast_peer {
                203.0.113.6
            }
            virtual_ipaddress {
                203.0.113.50/24
            }
        }

        """

    @Test func missingInterfaceOnUnicastOnlyFor227() {
        let for227 = Self.lint([Self.unicastWithoutInterface], only: "missing-interface")
        #expect(for227.count == 1)
        #expect(for227.first?.message.contains("2270") == true)
        #expect(Self.lint([Self.unicastWithoutInterface], targetVersion: "2.2.7", only: "missing-interface").count == 1)
        for version in ["2.2.8", "2.2.6", "2.1.0", "2.3.1"] {
            #expect(Self.lint([Self.unicastWithoutInterface], targetVersion: version, only: "missing-interface").isEmpty, "\(version)")
        }
    }

    @Test func installedVersionIsParsed() {
        #expect(KeepalivedVersion("2.2.8") > KeepalivedVersion.checked)
        #expect(KeepalivedVersion.checked.description == "2.2.7")
    }

    static func tieNode(priority: Int, source: String?, peer: String?) -> String {
        var text = "vrrp_script chk_dns {\n    script \"/usr/bin/dig @127.0.0.1 example.org\"\n    weight 3\n}\n"
        text += "vrrp_instance DNS {\n    interface eth1\n    virtual_router_id 77\n    priority \(priority)\n"
        if let source, let peer { text += "    unicast_src_ip \(source)\n    unicast_peer {\n        \(peer)\n    }\n" }
        text += "    track_script {\n        chk_dns\n    }\n    virtual_ipaddress {\n        198.18.0.53/24\n    }\n}\n"
        return text
    }

    @Test func failoverTieDecidedByTheAddresses() {
        // 200 + 3 healthy, 200 failing; the backup reaches 197 + 3 = 200: a tie.
        let backupHigher = Self.lint(
            [Self.tieNode(priority: 200, source: "198.18.0.1", peer: "198.18.0.2"),
             Self.tieNode(priority: 197, source: "198.18.0.2", peer: "198.18.0.1")], only: "failover-impossible")
        #expect(backupHigher.isEmpty, "the backup's higher address wins the tie: the VIP moves")
        let masterHigher = Self.lint(
            [Self.tieNode(priority: 200, source: "198.18.0.9", peer: "198.18.0.2"),
             Self.tieNode(priority: 197, source: "198.18.0.2", peer: "198.18.0.9")], only: "failover-impossible")
        #expect(masterHigher.map(\.severity) == [.error])
        #expect(masterHigher.first?.message.contains("198.18.0.9") == true)
        let unknown = Self.lint(
            [Self.tieNode(priority: 200, source: nil, peer: nil), Self.tieNode(priority: 197, source: nil, peer: nil)],
            only: "failover-impossible")
        #expect(unknown.map(\.severity) == [.warning])
        #expect(unknown.first?.message.contains("depends on the addresses") == true)
    }

    @Test func gluedCommentNamesTheWordKeepalivedReads() {
        let text = "vrrp_instance V {\n    interface eth0\n    virtual_router_id 9\n    authentication {\n        auth_type PASS\n        auth_pass ab12!cd # x\n    }\n}\n"
        let found = Self.lint([text], only: "glued-comment")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("reads 'ab12'") == true)
        #expect(found.first?.span.start.line == 6)
        #expect(Self.lint(["vrrp_instance V { # fine\n}\n"], only: "glued-comment").isEmpty)
    }

    @Test func ignoredNotifyLinesAreNotScriptsThatRun() {
        let text = """
            global_defs {
                enable_script_security
            }
            vrrp_instance V {
                interface eth0
                virtual_router_id 9
                notify_backup /usr/local/bin/a.sh
                notify_backup /usr/local/bin/b.sh
            }

            """
        let node = LintNode(Analyzer.analyze(path: "n.conf", text: text))
        let commands = ConfiguredScript.all(in: node).map(\.commandWord.text)
        #expect(commands == ["/usr/local/bin/a.sh"])
        let found = Self.lint([text], only: "duplicate-notify")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("ignoring /usr/local/bin/b.sh") == true)
    }
}
