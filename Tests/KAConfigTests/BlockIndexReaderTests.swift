import Testing
@testable import KAConfig

/// `BlockIndexReader` reads the blocks' statement lists through a pointer when they are windows
/// on the one array the walker gives them, and iterates them as usual otherwise: both ways give
/// every block's list, in order.
@Suite("BlockIndexReader: every block's statements, shared array or not")
struct BlockIndexReaderTests {
    static func lists(_ tree: BoundTree) -> (all: [[Int]], last: [Int?]) {
        tree.withBlockIndices { reader in
            var all: [[Int]] = []
            var last: [Int?] = []
            for block in tree.blocks.indices {
                var list: [Int] = []
                reader.forEach(inBlock: block) { list.append($0) }
                all.append(list)
                last.append(reader.last(inBlock: block))
            }
            return (all, last)
        }
    }

    @Test func boundTreeListsReadInPlace() {
        let text = BinderPerformanceTests.config(instances: 40) + "vrrp_instance VI_3 {\n}\nglobal_defs {\n}\n"
        let tree = Analyzer.analyze(path: "/k.conf", text: text).bound.tree
        #expect(tree.blocks.count > 80)
        let shared = BlockIndexReader.identity(of: tree.blocks.withUnsafeBufferPointer { $0.baseAddress! })
        #expect(tree.blocks.indices.allSatisfy { block in
            tree.blocks.withUnsafeBufferPointer { BlockIndexReader.identity(of: $0.baseAddress! + block) } == shared
        }, "the walker puts every list on one array")
        let (all, last) = Self.lists(tree)
        #expect(all == tree.blocks.map { Array($0.statements) })
        #expect(last == tree.blocks.map { $0.statements.last })
    }

    /// Lists on arrays of their own (a tree built or changed by hand) take the ordinary path.
    @Test func listsOnOtherArraysAreIteratedAsUsual() {
        var tree = Analyzer.analyze(path: "/k.conf", text: BinderPerformanceTests.config(instances: 3)).bound.tree
        let changed = tree.blocks.count - 1
        tree.blocks[changed].statements = BlockStatements(Array(tree.blocks[changed].statements.reversed()))
        tree.blocks.append(BoundBlock(specName: "hand", opener: nil, statements: [], closingBrace: nil))
        let (all, last) = Self.lists(tree)
        #expect(all == tree.blocks.map { Array($0.statements) })
        #expect(last == tree.blocks.map { $0.statements.last })

        var byHand = BoundTree()
        byHand.blocks[0].statements = [2, 0, 1]
        byHand.blocks.append(BoundBlock(specName: "b", opener: 0, statements: [5, 4], closingBrace: nil))
        #expect(Self.lists(byHand).all == [[2, 0, 1], [5, 4]])
        #expect(Self.lists(byHand).last == [1, 4])
    }
}
