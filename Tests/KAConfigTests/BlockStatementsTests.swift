import Testing
@testable import KAConfig

/// Every block's statements come out in file order, each statement in exactly one block, when
/// the blocks of the whole tree share one grouped list.
@Suite("BlockStatements: each block's statements, in order")
struct BlockStatementsTests {
    @Test func nestedAndInterleavedBlocksKeepTheirOwnStatements() {
        let text = """
            global_defs {
                router_id r1
            }
            vrrp_instance VI_1 {
                state MASTER
                authentication {
                    auth_type PASS
                    auth_pass pw
                }
                interface eth0
                virtual_router_id 51
            }
            vrrp_instance VI_2 {
            }
            vrrp_script chk {
                script "/bin/true"
            }
            """
        let expanded = Expander.expand(tree: Parser.parse(path: "/k.conf", text: text), options: ExpansionOptions(), fileSystem: InMemoryFileSystem(files: [:]))
        let tree = Binder.bind(expanded).tree
        func keywords(_ block: Int) -> [String] { tree.statements(in: block).map(\.keyword) }
        #expect(keywords(0) == ["global_defs", "vrrp_instance", "vrrp_instance", "vrrp_script"])
        let blocks = tree.blocks.dropFirst().map { block in (tree.statements[block.opener!].keyword, keywords(tree.blocks.firstIndex { $0.opener == block.opener }!)) }
        #expect(blocks.map(\.0) == ["global_defs", "vrrp_instance", "authentication", "vrrp_instance", "vrrp_script"])
        #expect(blocks.map(\.1) == [["router_id"], ["state", "authentication", "interface", "virtual_router_id"], ["auth_type", "auth_pass"], [], ["script"]])
        // Each statement in exactly one block.
        var seen = [Int](repeating: 0, count: tree.statements.count)
        for block in tree.blocks { for statement in block.statements { seen[statement] += 1 } }
        #expect(seen.allSatisfy { $0 == 1 })
        #expect(BlockStatements([3, 1]) == [3, 1])
        #expect(BlockStatements([3, 1]) != [3])
    }
}
