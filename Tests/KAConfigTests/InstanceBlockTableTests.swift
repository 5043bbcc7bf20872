import Testing
@testable import KAConfig

/// Instance name -> block: the first block of a name wins, as keepalived keeps the first
/// definition; a block without a name has no entry; names are compared as bytes.
@Suite struct InstanceBlockTableTests {
    /// A second definition of a name, an unnamed block, a non-ASCII name.
    static let definitions = """
            vrrp_script chk { script /bin/true }
            vrrp_instance VI_1 {
                interface eth0
            }
            vrrp_instance VI_1 {
                interface eth1
            }
            vrrp_instance {
                interface eth2
            }
            vrrp_instance VI_2 {
                interface eth3
            }
            vrrp_instance caf\u{E9} {
                interface eth4
            }

            """

    @Test func firstDefinitionWinsAndUnnamedBlocksAreLeftOut() {
        var tree = Analyzer.analyze(path: "n.conf", text: Self.definitions).bound.tree
        // The binder already skips the second VI_1 and the unnamed block, as keepalived does.
        var instanceBlocks = tree.blocks(ofSpec: "vrrp_instance")
        #expect(instanceBlocks.count == 3)
        // A later block of a name already defined (made by hand here) does not replace the first.
        tree.blocks.append(BoundBlock(specName: "vrrp_instance", opener: tree.blocks[instanceBlocks[0]].opener))
        instanceBlocks = tree.blocks(ofSpec: "vrrp_instance")
        let table = InstanceBlockTable(tree)
        #expect(instanceBlocks.count == 4)
        #expect(table.count == 3)
        #expect(table["VI_1"] == instanceBlocks[0])
        #expect(table["VI_2"] == instanceBlocks[1])
        #expect(table["caf\u{E9}"] == instanceBlocks[2])
        // The same name in decomposed form is other bytes: keepalived's strcmp tells them apart.
        #expect(table["cafe\u{301}"] == nil)
        #expect(table["VI_3"] == nil && table[""] == nil)
        #expect(table.entries.map(\.name) == ["VI_1", "VI_2", "caf\u{E9}"])
        #expect(table == InstanceBlockTable(tree))
        #expect(InstanceBlockTable(BoundTree()).count == 0 && InstanceBlockTable(BoundTree())["VI_1"] == nil)
    }

    /// Thousands of names, the table grown past its first sizes: each one found, none invented.
    @Test func manyNamesAreEachFound() {
        let text = (0..<5_000).map { "vrrp_instance VI_\($0) {\n interface eth0\n}\n" }.joined()
        let tree = Analyzer.analyze(path: "n.conf", text: text).bound.tree
        let table = InstanceBlockTable(tree)
        let blocks = tree.blocks(ofSpec: "vrrp_instance")
        #expect(table.count == 5_000)
        #expect((0..<5_000).allSatisfy { table["VI_\($0)"] == blocks[$0] })
        #expect(table["VI_5000"] == nil && table["VI_-1"] == nil)
    }
}
