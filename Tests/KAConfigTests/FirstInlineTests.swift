import Foundation
import Testing
@testable import KAConfig

/// `FirstInline` holds its first element inline and the rest in an array (the model's virtual
/// addresses and tracked scripts, the lint facts' state lines and kept addresses). It reads,
/// edits, compares and encodes as the array it replaces, at every length.
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
        #expect(list.holdsArray == (count > 1))
    }

    @Test(arguments: [0, 1, 2, 5])
    func editsAsTheArrayItReplaces(count: Int) {
        var list = FirstInline(0..<count)
        var array = Array(0..<count)
        if count > 0 {
            list[0] = 40
            array[0] = 40
            list[count - 1] += 1
            array[count - 1] += 1
        }
        #expect(Array(list) == array)
        list.insert(-1, at: 0)
        array.insert(-1, at: 0)
        #expect(Array(list) == array)
        list.removeFirst()
        array.removeFirst()
        #expect(Array(list) == array)
        list += [8, 9]
        array += [8, 9]
        #expect(Array(list) == array)
        list.removeAll { $0 % 2 == 0 }
        array.removeAll { $0 % 2 == 0 }
        #expect(Array(list) == array)
        list.removeAll()
        #expect(list.isEmpty && list == [] && !list.holdsArray)
    }

    /// One representation per list: lists made by appending, by a literal and by edits that
    /// empty the head are equal and hash alike exactly when their elements are.
    @Test func equalListsAreEqualHowEverMade() {
        var appended = FirstInline<Int>()
        for value in [1, 2, 3] { appended.append(value) }
        var edited: FirstInline<Int> = [0, 1, 2, 3]
        edited.removeFirst()
        #expect(appended == [1, 2, 3] && edited == appended)
        #expect(Set([appended, edited, [1, 2, 3]]).count == 1)
        #expect(appended != [1, 2] && appended != [3, 2, 1] && FirstInline<Int>() != [0])
    }

    @Test func encodesAsAList() throws {
        func json(_ list: FirstInline<Int>) throws -> String { String(decoding: try JSONEncoder().encode(list), as: UTF8.self) }
        #expect(try json([]) == "[]" && json([7]) == "[7]" && json([7, 8, 9]) == "[7,8,9]")
        #expect(FirstInline([1, 2]).description == [1, 2].description)
    }

    /// The model keeps an instance's one virtual address and one tracked script without an
    /// allocation of their own; a second of each goes to the array.
    @Test func theModelHoldsOneAddressAndOneScriptInline() throws {
        let text = """
            vrrp_script chk { script "/bin/true" }
            vrrp_instance ONE {
                interface eth0
                virtual_router_id 1
                virtual_ipaddress {
                    192.0.2.1/24 dev eth0 label eth0:1
                }
                track_script {
                    chk
                }
            }
            vrrp_instance TWO {
                interface eth0
                virtual_router_id 2
                virtual_ipaddress {
                    192.0.2.2/24
                    192.0.2.3/24
                }
                track_script {
                    chk weight 5
                    chk
                }
            }
            """
        let model = Analyzer.analyze(path: "inline.conf", text: text).bound.model
        let one = try #require(model.instances.first { $0.name == "ONE" })
        let two = try #require(model.instances.first { $0.name == "TWO" })
        #expect(one.virtualAddresses.map(\.address.description) == ["192.0.2.1"])
        #expect(one.virtualAddresses.first?.label == "eth0:1" && one.virtualAddresses.first?.prefixLength == 24)
        #expect(one.trackScripts.map(\.name) == ["chk"])
        #expect(!one.virtualAddresses.holdsArray && !one.trackScripts.holdsArray)
        #expect(two.virtualAddresses.map(\.address.description) == ["192.0.2.2", "192.0.2.3"])
        #expect(two.trackScripts.map(\.weight) == [5, nil])
        #expect(two.virtualAddresses.holdsArray && two.trackScripts.holdsArray)
    }
}
