import Testing
@testable import KALint

/// `InstanceFacts` keeps its state lines and kept addresses in a `FirstInline`: the first
/// element inline, the rest in an array. It reads as the array it replaces, at every length.
@Suite struct FirstInlineTests {
    @Test(arguments: [0, 1, 2, 5])
    func readsAsTheArrayItReplaces(count: Int) {
        var list = FirstInline<Int>()
        var array: [Int] = []
        for value in 0..<count {
            list.append(value * 7)
            array.append(value * 7)
        }
        #expect(Array(list) == array)
        #expect(list.count == array.count && list.isEmpty == array.isEmpty)
        #expect(list.first == array.first && list.last == array.last)
        #expect(list.indices == array.indices)
        for index in array.indices { #expect(list[index] == array[index]) }
        #expect(list.last(where: { $0 < 10 }) == array.last(where: { $0 < 10 }))
    }
}
