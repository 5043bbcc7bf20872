import Testing
@testable import KAConfig

/// The keyword walk: keepalived 2.2.7's process_stream()/alloc_value_block() behaviour.
@Suite struct BinderTests {
    @Test func cleanConfigHasNoDiagnostics() {
        let result = BinderTestSupport.bind("""
            global_defs {
                router_id LB1
            }
            vrrp_instance VI_1 {
                state MASTER
                interface eth0
                virtual_router_id 51
                priority 150
                advert_int 1
                virtual_ipaddress {
                    192.0.2.10/24 dev eth0
                }
            }
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.model.instances.count == 1)
        #expect(result.model.globalDefs.routerID == "LB1")
    }

    /// Where keepalived's reading of a block ends: its first '}' (also one meant for an ignored
    /// block inside) and a value block's own '}'.
    @Test func closingBracesAreTheLinesThatEndTheBlocks() {
        let node = Analyzer.analyze(path: "/c.conf", text: """
            global_defs {
                notification_email {
                }
            }
            vrrp_script chk {
                bogus {
                    x
                }
                interval 2
            }
            """)
        let tree = node.bound.tree
        func end(_ keyword: String) -> Int? {
            tree.statements.firstIndex { $0.keyword == keyword }.flatMap { tree.closingBrace(of: $0)?.line }
        }
        #expect(end("notification_email") == 3)
        #expect(end("global_defs") == 4)
        #expect(end("vrrp_script") == 8)
    }

    @Test func braceOnNextLineAndEntriesOnBraceLines() {
        let result = BinderTestSupport.bind("""
            vrrp_instance VI_1
            {
                virtual_router_id 7
                virtual_ipaddress { 192.0.2.1 192.0.2.9
                  192.0.2.2/24 }
                priority 90
            }
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let instance = result.model.instances[0]
        #expect(instance.virtualRouterID == 7)
        #expect(instance.priority == 90)
        #expect(instance.virtualAddresses.map(\.address.description) == ["192.0.2.1", "192.0.2.2"])
        // One entry per line: the second word of the first line is a flag of the first entry.
        #expect(instance.virtualAddresses[0].flags == ["192.0.2.9"])
        #expect(instance.virtualAddresses[1].prefixLength == 24)
    }

    @Test func enclosingBlockTrap() throws {
        // keepalived -t: Unknown keyword 'foo', Unexpected '{', 'bar' unknown, then the '}' of foo closes
        // vrrp_instance, so virtual_router_id and priority are unknown at the top level and the last
        // '}' is "Unknown keyword '}'".
        let result = BinderTestSupport.bind("""
            vrrp_instance VI_1 {
                state MASTER
                foo {
                    bar 1
                }
                virtual_router_id 51
                priority 100
            }
            """)
        let traps = result.diagnostics(SemanticRules.unknownBlockKeyword)
        #expect(traps.count == 1)
        let trap = try #require(traps.first)
        #expect(trap.line == 3)
        #expect(trap.related.map(\.line) == [5, 8])
        #expect(trap.related[0].message.contains("closes 'vrrp_instance'"))
        let unknown = result.diagnostics(SemanticRules.unknownKeyword).map(\.line).sorted()
        #expect(unknown == [4, 6, 7])
        #expect(result.diagnostics(SemanticRules.unknownKeyword)[1].message.contains("belongs in 'vrrp_instance'"))
        #expect(result.model.instances[0].virtualRouterID == nil)
        #expect(result.model.instances[0].priority == 255)
    }

    @Test func trapAtTopLevelEndsAtItsOwnBrace() {
        let result = BinderTestSupport.bind("""
            foo {
                router_id x
            }
            vrrp_instance A {
                virtual_router_id 1
            }
            """)
        let traps = result.diagnostics(SemanticRules.unknownBlockKeyword)
        #expect(traps.count == 1)
        #expect(traps.first?.related.map(\.line) == [3])
        #expect(result.model.instances.first?.virtualRouterID == 1)
        #expect(result.diagnostics(SemanticRules.unknownKeyword).map(\.line) == [2])
    }

    @Test func valueKeywordWithBlockIsNotABlock() {
        let result = BinderTestSupport.bind("""
            vrrp_instance A {
                nopreempt {
                    priority 50
                }
                virtual_router_id 1
            }
            """)
        #expect(result.diagnostics(SemanticRules.notABlock).count == 1)
        // priority is read into vrrp_instance; the '}' then closes vrrp_instance.
        #expect(result.model.instances[0].priority == 50)
        #expect(result.model.instances[0].virtualRouterID == nil)
    }

    @Test func missingOpenBraceOfBlock() {
        let result = BinderTestSupport.bind("""
            global_defs
                router_id r1
            }
            """)
        #expect(result.diagnostics(SemanticRules.missingBlock).count == 1)
        #expect(result.model.globalDefs.routerID == "r1")
    }

    @Test func valueBlockWithoutBraceEatsTheEnclosingBrace() {
        let result = BinderTestSupport.bind("""
            vrrp_instance A {
                virtual_ipaddress
                    192.0.2.1
            }
            vrrp_instance B {
            }
            """)
        let missing = result.diagnostics(SemanticRules.missingBlock)
        #expect(missing.count == 1)
        #expect(missing.first?.severity == .warning)
        #expect(result.model.instances[0].virtualAddresses.count == 1)
        // The '}' ended the address block, so vrrp_instance B is read inside A: unknown there.
        #expect(result.model.instances.count == 1)
        #expect(result.diagnostics.contains { $0.rule == SemanticRules.unknownBlockKeyword && $0.line == 5 })
    }

    @Test func duplicateInstanceIsSkippedWhole() throws {
        let result = BinderTestSupport.bind("""
            vrrp_instance VI_1 {
                priority 10
            }
            vrrp_instance VI_1 {
                priority 20
                nested_unknown {
                }
            }
            vrrp_instance VI_2 {
            }
            """)
        let duplicate = try #require(result.diagnostics(SemanticRules.duplicateName).first)
        #expect(duplicate.line == 4)
        #expect(duplicate.related.first?.line == 1)
        #expect(result.model.instances.map(\.name) == ["VI_1", "VI_2"])
        #expect(result.model.instances[0].priority == 10)
        // Nothing inside the skipped block is looked at.
        #expect(result.diagnostics.count == 1)
    }

    @Test func instanceNeedsExactlyOneName() {
        let none = BinderTestSupport.bind("vrrp_instance {\n priority 1\n}\nvrrp_instance B {\n}\n")
        #expect(none.diagnostics(SemanticRules.missingName).count == 1)
        #expect(none.model.instances.map(\.name) == ["B"])
        let two = BinderTestSupport.bind("vrrp_instance A B {\n}\n")
        #expect(two.diagnostics(SemanticRules.missingName).first?.message.contains("2 names") == true)
        #expect(two.model.instances.isEmpty)
        let one = BinderTestSupport.bind("vrrp_instance A {\n}\n")
        #expect(one.diagnostics(SemanticRules.missingName).isEmpty)
    }

    @Test func deepNestingDoesNotRecurse() {
        let depth = 5_000
        let text = String(repeating: "foo {\n", count: depth) + String(repeating: "}\n", count: depth)
        let result = BinderTestSupport.bind(text)
        #expect(result.diagnostics(SemanticRules.unknownBlockKeyword).count == depth)
    }

    @Test func extraCloseBraceReportedBySyntaxIsNotRepeated() {
        let result = BinderTestSupport.bind("vrrp_instance A {\n}\n}\n")
        #expect(result.diagnostics.isEmpty)
    }
}

@Suite struct BinderExpanderAgreementTests {
    @Test func helperLinesMatchTheExpander() {
        let text = """
            vrrp_instance VI_1 { state MASTER
              virtual_ipaddress { 192.0.2.1/24 dev eth0 }
              notify "/bin/echo a b" root
            }
            """
        let real = BinderTestSupport.expand(text, path: "t.conf").lines
        let helper = BinderTestSupport.expandWithoutExpander(text, path: "t.conf").lines
        #expect(real.map(\.kind) == helper.map(\.kind))
        #expect(real.map { $0.words.map(\.text) } == helper.map { $0.words.map(\.text) })
        #expect(real.map(\.origin.line) == helper.map(\.origin.line))
    }
}
