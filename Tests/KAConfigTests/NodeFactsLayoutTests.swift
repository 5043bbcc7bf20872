import Testing
@testable import KAConfig
@testable import KALint

/// The per-node facts kept for the whole lint phase (where kalint's memory peaks): the keyword
/// index's one arena and the tracker references' compact form, against what they stand for.
@Suite struct NodeFactsLayoutTests {
    static let text = """
        vrrp_script chk_a {
            script "/bin/true"
            interval 2
            weight -10
        }
        vrrp_instance VI_1 {
            interface eth0
            virtual_router_id 1
            priority 100
            track_script {
                chk_a
                chk_b weight 5
            }
        }
        virtual_server 192.0.2.10 80 {
            delay_loop 6
            real_server 192.0.2.11 80 {
                weight 1
                FILE_CHECK {
                    track_file f_one
                }
            }
        }
        vrrp_instance VI_2 {
            interface eth0
            virtual_router_id 2
            priority 90
            track_script {
                chk_a
            }
        }

        """

    /// Each keyword's statements, found by scanning every statement: what the index must give.
    static func scanned(_ tree: BoundTree, _ keywords: Set<String>) -> [Int] {
        tree.statements.indices.filter { keywords.contains(tree.statements[$0].keyword) }
    }

    @Test func everyKeywordsStatementsInFileOrder() {
        let tree = Analyzer.analyze(path: "n.conf", text: Self.text).bound.tree
        let index = KeywordIndex(tree)
        for keyword in Set(tree.statements.map(\.keyword)) {
            #expect(index.indices(keyword) == Self.scanned(tree, [keyword]), "\(keyword)")
        }
        // `weight` has a row in vrrp_script and one in real_server: their statements merged in order.
        for keywords: Set<String> in [["weight", "interval"], ["interface", "priority", "track_script"], ["nothing_here"]] {
            #expect(index.indices(ofKeywords: keywords) == Self.scanned(tree, keywords), "\(keywords)")
        }
    }

    @Test func rowsCoverEveryStatementOnce() {
        let tree = Analyzer.analyze(path: "n.conf", text: Self.text).bound.tree
        let index = KeywordIndex(tree)
        var seen: [Int] = []
        for entry in index.rows {
            let indices = Array(index.indices(of: entry))
            #expect(!indices.isEmpty && indices == indices.sorted())
            #expect(index.first(of: entry) == indices[0])
            #expect(indices.allSatisfy { tree.statements[$0].row === entry.row })
            seen += indices
        }
        #expect(seen.sorted() == Array(tree.statements.indices))
        #expect(index.indices(ofRows: index.rows) == Array(tree.statements.indices))
    }

    @Test func anEmptyNodeHasAnEmptyIndex() {
        let index = KeywordIndex(BoundTree())
        #expect(index.rows.isEmpty && index.indices("vrrp_instance").isEmpty)
    }

    /// A statement read in place (`StatementRef`, as the rules read them) gives what the statement's own methods give.
    @Test func inPlaceReadsMatchTheStatements() {
        let text = Self.text + """
            vrrp_instance VI_3 {
                interface eth0
                virtual_router_id x1
                advert_int 0.5
                unicast_src_ip 192.0.2.3
                priority 300
            }

            """
        let tree = Analyzer.analyze(path: "n.conf", text: text).bound.tree
        #expect(tree.statements.count > 20)
        tree.withRefs { ref in
            for index in tree.statements.indices {
                let statement = tree.statements[index]
                let line = ref(index)
                #expect(line.wordCount == statement.words.count)
                #expect(line.row === statement.row)
                for position in 0..<3 {
                    #expect(line.int(position) == statement.int(position))
                    #expect(line.microseconds(position) == statement.microseconds(position))
                    #expect(line.address(position) == statement.address(position))
                    #expect(line.word(position) == statement.word(position))
                }
            }
        }
    }

    /// A statement's row address, read as a number, is the row's identity (what the keyword
    /// index groups by), for every statement.
    @Test func rowAddressesAreTheRowsIdentities() {
        let tree = Analyzer.analyze(path: "n.conf", text: Self.text).bound.tree
        #expect(tree.statements.count >= 20)
        for index in tree.statements.indices {
            #expect(tree.rowAddress(ofStatement: index) == UInt(bitPattern: ObjectIdentifier(tree.statements[index].row)))
        }
        // The model builder's in-place reference reads the same address.
        tree.withRefs { ref in
            for index in tree.statements.indices {
                #expect(ref(index).rowAddress == UInt(bitPattern: ObjectIdentifier(tree.statements[index].row)))
            }
        }
    }

    /// A reference is 48 bytes: one per tracked instance is kept through the lint phase.
    @Test func trackerReferencesAreCompact() {
        #expect(MemoryLayout<TrackerIndex.Reference>.stride == 48)
        let analysis = Analyzer.analyze(path: "n.conf", text: Self.text)
        let tree = analysis.bound.tree
        let context = StatementContext(tree)
        let index = TrackerIndex(tree, context: context, keywords: KeywordIndex(tree))
        #expect(index.references.map(\.name) == ["chk_a", "chk_b", "f_one", "chk_a"])
        #expect(index.references.map(\.isChecker) == [false, false, true, false])
        for reference in index.references {
            #expect(reference.name == reference.word.text)
            let owner = try! #require(reference.owner)
            let expected = reference.isChecker ? "FILE_CHECK" : "vrrp_instance"
            #expect(tree.statements[owner].keyword == expected)
            #expect(context.enclosing(reference.statement, keywords: [expected]) == owner)
        }
        // The same references when every statement is a candidate (no keyword index).
        let unindexed = TrackerIndex(tree, context: context)
        #expect(unindexed.references.map(\.statement) == index.references.map(\.statement))
        #expect(unindexed.references.map(\.owner) == index.references.map(\.owner))
    }

    /// An instance's facts are one small object: the node's arrays are shared, indices are
    /// 32-bit and the word that fixed the family is found again from where it was.
    @Test func instanceFactsAreSmallAndFindTheWordThatFixedTheFamily() throws {
        let text = """
            vrrp_instance SRC {
                interface eth0
                virtual_router_id 1
                unicast_src_ip 192.0.2.1
                virtual_ipaddress {
                    2001:db8::1/64
                }
            }
            vrrp_instance VIP {
                interface eth0
                virtual_router_id 2
                virtual_ipaddress {
                    not-an-address
                    2001:db8::5/64 dev eth0
                    192.0.2.5/24
                }
            }
            vrrp_instance PEER {
                interface eth0
                virtual_router_id 3
                unicast_peer {
                    198.51.100.7
                }
            }
            vrrp_instance NATIVE {
                interface eth0
                virtual_router_id 4
                native_ipv6
            }
            vrrp_instance NONE {
                interface eth0
                virtual_router_id 5
            }

            """
        let node = LintNode(Analyzer.analyze(path: "n.conf", text: text))
        let facts = node.instanceFacts
        #expect(facts.map { $0.instance.name } == ["SRC", "VIP", "PEER", "NATIVE", "NONE"])
        #expect(facts.map { $0.familyWord?.text } == ["192.0.2.1", "2001:db8::5/64", "198.51.100.7", nil, nil])
        #expect(facts.map(\.familyKeyword) == ["unicast_src_ip", "virtual_ipaddress", "unicast_peer", nil, nil])
        #expect(facts.map(\.family) == [.ipv4, .ipv6, .ipv4, .ipv6, nil])
        #expect(facts[0].skipped.map(\.word.text) == ["2001:db8::1/64"])
        #expect(facts[1].skipped.map(\.word.text) == ["192.0.2.5/24"])
        #expect(facts.map { $0.virtualAddresses.map(\.description) } == [[], ["2001:db8::5"], [], [], []])
        let word = try #require(facts[1].familyWord)
        #expect(word.origin.line == 14)
        for fact in facts {
            #expect(fact.nativeIPv6Ignored == nil)
            let block = try #require(fact.block)
            #expect(fact.statementRange.lowerBound == node.bound.tree.blocks[block].opener! + 1)
            // glibc's block for the object, header included (288 bytes, then 200 with the state
            // lines and kept addresses in arrays of their own: 48-64 more bytes each; the rarely
            // set parts out of line since).
            // The object asks for 88 bytes (header 16, index and node 16, reading 56; the kept
            // addresses are read again when asked); glibc may hand out the next chunk size (104
            // usable) when it reuses a freed block, so the requested size is held exactly and
            // the block loosely.
            #expect(MemoryLayout<InstanceFacts.Reading>.size <= 56)
            #expect(allocationSize(Unmanaged.passUnretained(fact).toOpaque()) <= 104)
            // Only what an instance has: a unicast source, a peer or a skipped address.
            #expect(fact.holdsUnusualParts == (fact.instance.name != "NATIVE" && fact.instance.name != "NONE"))
            // One state line or one address needs no array.
            #expect(fact.stateLines.count > 1 || !fact.stateLines.holdsArray)
        }
    }

    /// The kept virtual addresses are read again from the instance's lines: those of the family
    /// the first accepted address (or an earlier line) fixed, over several blocks, in order; an
    /// instance named twice is one instance of the model, read from its first block.
    @Test func keptVirtualAddressesAreReadAgainFromTheLines() {
        let text = """
            vrrp_instance MIXED {
                interface eth0
                virtual_router_id 1
                virtual_ipaddress {
                    192.0.2.1/24
                    2001:db8::1/64
                }
                virtual_ipaddress {
                    bogus
                    192.0.2.2
                }
            }
            vrrp_instance DUP {
                interface eth0
                virtual_router_id 2
                virtual_ipaddress {
                    192.0.2.10
                }
            }
            vrrp_instance DUP {
                interface eth0
                virtual_router_id 3
                virtual_ipaddress {
                    192.0.2.11
                }
            }
            vrrp_instance SIX {
                interface eth0
                virtual_router_id 4
                native_ipv6
                virtual_ipaddress {
                    192.0.2.20
                    2001:db8::20
                }
            }

            """
        let node = LintNode(Analyzer.analyze(path: "kept.conf", text: text))
        let kept = node.instanceFacts.map { $0.virtualAddresses.map(\.description) }
        #expect(kept == [["192.0.2.1", "192.0.2.2"], ["192.0.2.10"], ["2001:db8::20"]])
        #expect(node.instanceFacts.map { $0.skipped.map(\.word.text) } == [["2001:db8::1/64"], [], ["192.0.2.20"]])
    }
}

/// glibc's size of a heap block (`malloc.h`, which the Glibc module does not import).
@_silgen_name("malloc_usable_size")
private func allocationSize(_ block: UnsafeMutableRawPointer) -> Int
