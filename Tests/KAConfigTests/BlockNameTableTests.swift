import Testing
@testable import KAConfig

/// The duplicate-name table: the first definition of a (keyword, name) pair wins, whatever the
/// table's size and however often it grows; the same name under another keyword is another pair.
@Suite("BlockNameTable: first definition wins")
struct BlockNameTableTests {
    static func origin(_ line: Int) -> Origin {
        Origin(fileID: 0, line: UInt32(line), column: 1, bytes: 0..<1)
    }

    @Test(arguments: [0, 1, 1_000])
    func firstOriginIsKeptAcrossGrowth(minimumCapacity: Int) {
        var table = BlockNameTable(minimumCapacity: minimumCapacity)
        for index in 0..<3_000 {
            #expect(table.insertFirst(keyword: "vrrp_instance", name: "VI_\(index)", origin: Self.origin(index)) == nil)
        }
        #expect(table.count == 3_000)
        for index in stride(from: 0, to: 3_000, by: 7) {
            let first = table.insertFirst(keyword: "vrrp_instance", name: "VI_\(index)", origin: Self.origin(99_999))
            #expect(first?.line == index)
        }
        #expect(table.count == 3_000)
    }

    @Test func keywordAndNameBothCount() {
        var table = BlockNameTable()
        #expect(table.insertFirst(keyword: "vrrp_instance", name: "A", origin: Self.origin(1)) == nil)
        #expect(table.insertFirst(keyword: "vrrp_sync_group", name: "A", origin: Self.origin(2)) == nil)
        #expect(table.insertFirst(keyword: "vrrp_instance", name: "a", origin: Self.origin(3)) == nil)
        #expect(table.insertFirst(keyword: "vrrp_instance", name: "A ", origin: Self.origin(4)) == nil)
        #expect(table.insertFirst(keyword: "vrrp_instance", name: "A", origin: Self.origin(5))?.line == 1)
        #expect(table.insertFirst(keyword: "vrrp_sync_group", name: "A", origin: Self.origin(6))?.line == 2)
        #expect(table.count == 4)
    }
}
