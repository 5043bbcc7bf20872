import Testing
@testable import KAConfig
@testable import KALint

/// The lint phase's in-place reads (instances through `InstancesInPlace`, the tracker index's
/// definitions resolved once, `enclosing` with lent block lists, flows compared field by field)
/// against the plain reads they replace.
@Suite struct InPlaceReadsTests {
    static let trackers = """
        vrrp_instance VI_1 {
            interface eth0
            virtual_router_id 1
            priority 100
            virtual_ipaddress {
                192.0.2.1/24
            }
            track_script {
                chk_late
                chk_missing
                chk_early weight 5
            }
            track_file {
                tf_late
            }
            track_process {
                proc_a
            }
            track_bfd {
                bfd_x
            }
        }
        vrrp_script chk_early {
            script "/bin/true"
        }
        vrrp_script chk_late {
            script "/bin/true"
        }
        vrrp_script chk_late {
            script "/bin/false"
        }
        track_file tf_late {
            file /tmp/x
        }
        vrrp_track_file tf_two {
            file /tmp/y
        }
        vrrp_track_process proc_a {
            process foo
        }
        bfd_instance bfd_x {
            neighbor_ip 192.0.2.9
        }
        virtual_server 192.0.2.50 80 {
            real_server 192.0.2.51 80 {
                FILE_CHECK {
                    track_file tf_late
                    track_file tf_nope
                }
                BFD_CHECK {
                    name bfd_x
                    name bfd_nope
                }
            }
        }
        vrrp_sync_group G {
            group {
                VI_1
            }
            track_script {
                chk_early
                chk_zzz
            }
        }

        """

    /// Each reference's definition is resolved once, to the first definition of its kind and
    /// name, wherever it is (above or below), and agrees with the definitions by kind.
    @Test func referencesResolveToTheFirstDefinition() throws {
        let analysis = Analyzer.analyze(path: "n.conf", text: Self.trackers)
        let tree = analysis.bound.tree
        let index = TrackerIndex(tree, context: StatementContext(tree), keywords: KeywordIndex(tree))
        let resolved = index.references.map { reference in index.definition(of: reference).map { tree.statements[$0.statement].origin.line } }
        #expect(index.references.map(\.name) == [
            "chk_late", "chk_missing", "chk_early", "tf_late", "proc_a", "bfd_x", "tf_late", "tf_nope", "bfd_x", "bfd_nope",
            "chk_early", "chk_zzz",
        ])
        // chk_late: its first definition (line 26), not the second (line 29).
        #expect(resolved == [26, nil, 23, 32, 38, 41, 32, nil, 41, nil, 23, nil])
        for position in index.references.indices {
            let reference = index.references[position]
            let byKind = index.definitions[reference.kind]?[reference.name]
            #expect(index.definition(of: reference)?.statement == byKind?.statement)
            #expect(index.definitionStatement(ofReference: position) == byKind?.statement)
        }
        #expect(index.definitions[.file]?.keys.sorted() == ["tf_late", "tf_two"])
    }

    /// The candidate keywords (derived from the schema's names through `interest`) are exactly
    /// the trackers' defining and referencing keywords and a checker's `name`: each is a schema
    /// keyword, so none is lost.
    @Test func interestCoversTheCandidateKeywords() {
        #expect(TrackerIndex.interestingKeywords == [
            "vrrp_script", "track_file", "vrrp_track_file", "vrrp_track_process", "bfd_instance", "track_script",
            "track_process", "track_bfd", "name",
        ])
    }

    /// `enclosing` with lent block lists finds what the plain walk up the blocks finds, for every
    /// statement of the corpus and several keyword sets.
    @Test func enclosingAgreesWithTheOpenersAround() {
        let sets = [["vrrp_instance", "vrrp_sync_group"], ["FILE_CHECK", "BFD_CHECK"], ["virtual_server"], ["vrrp_script"]]
        var found = 0
        for file in CorpusFiles.all() {
            let tree = Analyzer.analyze(path: file.path, fileSystem: LocalFileSystem()).bound.tree
            let context = StatementContext(tree)
            tree.withRefs { ref in
                tree.withBlockIndices { lists in
                    for index in tree.statements.indices {
                        let openers = context.enclosingOpeners(of: index)
                        for keywords in sets {
                            let expected = openers.first { keywords.contains(tree.statements[$0].keyword) }
                            #expect(context.enclosing(index, keywords: keywords, ref: ref, lists: lists) == expected)
                            #expect(context.enclosing(index, keywords: keywords) == expected)
                            if expected != nil { found += 1 }
                        }
                    }
                }
            }
        }
        #expect(found > 1_000)
    }

    /// The walk's list of each statement's block, which the statement context takes as it is,
    /// is the list the blocks' statements give, for every file of the corpus (in one file on
    /// the threads of a large one too); a tree without it, or with one that no longer fits its
    /// statements, has the list derived.
    @Test func walkedStatementBlocksAreTheDerivedOnes() {
        var trees = CorpusFiles.all().map { Analyzer.analyze(path: $0.path, fileSystem: LocalFileSystem()).bound.tree }
        let large = String(repeating: Self.trackers, count: 400)
        trees.append(Analyzer.analyze(path: "large.conf", text: large).bound.tree)
        #expect(large.utf8.count >= 256 << 10)
        for tree in trees {
            #expect(tree.blockOfStatements != nil)
            var derivedTree = tree
            derivedTree.statementBlocks = []
            #expect(derivedTree.blockOfStatements == nil || tree.statements.isEmpty)
            let walked = StatementContext(tree)
            let derived = StatementContext(derivedTree)
            #expect(tree.statements.indices.allSatisfy { walked.block(of: $0) == derived.block(of: $0) })
            var stale = tree
            stale.statementBlocks.append(0)
            #expect(stale.blockOfStatements == nil)
        }
    }

    /// A field read in place is the field of the instance a copy reads.
    @Test func instancesReadInPlace() throws {
        let analysis = Analyzer.analyze(path: "n.conf", text: Self.trackers + """
            vrrp_instance VI_2 {
                interface eth1
                virtual_router_id 2
                strict_mode on
                nopreempt
                authentication {
                    auth_type AH
                    auth_pass secret
                }
                virtual_ipaddress {
                    2001:db8::1/64
                }
            }

            """)
        let node = LintNode(analysis)
        let instances = node.model.instances
        try #require(instances.count == 2)
        node.withInstances { inPlace in
            #expect(inPlace.indices == instances.indices)
            for index in instances.indices {
                let instance = inPlace.at(index)
                #expect(instance.pointee.name == instances[index].name)
                #expect(instance.pointee.nopreempt == instances[index].nopreempt)
                #expect(instance.pointee.strictMode == instances[index].strictMode)
                #expect(instance.pointee.authentication == instances[index].authentication)
                #expect(instance.pointee.interface == instances[index].interface)
            }
        }
        #expect(node.instanceFacts.map { $0.isStrict(node.model) } == [false, true])
        #expect(node.instanceFacts.map(\.basePriority) == [100, 100])
    }

    /// Two needs' flows are the same exactly when `==` says so, field by field.
    @Test func flowsComparedInPlace() {
        var needs: [VRRPTrafficNeed] = []
        for family in [VRRPTrafficNeed.Family.ipv4, .ipv6] {
            for interface in [nil, "eth0"] as [String?] {
                for usesAH in [false, true] {
                    for group in [nil, "224.0.0.18"] as [String?] {
                        for peers in [[], ["192.0.2.2"], ["192.0.2.2", "192.0.2.3"]] {
                            for local in [nil, "192.0.2.1"] as [String?] {
                                needs.append(VRRPTrafficNeed(
                                    instance: "VI", family: family, interface: interface, usesAH: usesAH, multicastGroup: group,
                                    unicastPeers: peers, localAddress: local))
                            }
                        }
                    }
                }
            }
        }
        needs.withUnsafeBufferPointer { buffer in
            for a in buffer.indices {
                for b in buffer.indices {
                    #expect(
                        VRRPTrafficNeed.sameFlow(buffer.baseAddress! + a, buffer.baseAddress! + b) == (needs[a].flow == needs[b].flow))
                }
            }
        }
    }
}
