import Foundation
import Testing
@testable import KAConfig

/// `VRRPInstance` and `VirtualAddress` hold the fields few configurations set out of line
/// (`OutOfLine` of `RareInstanceFields`, `RareAddressFields`). They must read, write, compare, hash and encode
/// as the stored fields they replaced did.
@Suite struct RareModelFieldsTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/model")

    /// The JSON of a file that sets every rare field, as the build with stored fields (and
    /// synthesized encoding) wrote it.
    @Test func theModelJSONIsTheStoredFieldsOne() throws {
        let path = Self.fixtures.appendingPathComponent("rare-fields.conf").path
        let analysis = Analyzer.analyze(path: path, options: ExpansionOptions(), fileSystem: LocalFileSystem())
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("rare-fields.model.json"), encoding: .utf8)
        #expect(ModelJSON.encode(analysis.model) == expected)
        let rare = try #require(analysis.model.instances.first { $0.name == "RARE" })
        #expect(rare.rare.fields != RareInstanceFields() && rare.virtualAddresses[0].rare.fields != RareAddressFields())
        let plain = try #require(analysis.model.instances.first { $0.name == "PLAIN" })
        #expect(plain.rare.fields == RareInstanceFields() && plain.virtualAddresses[0].rare.fields == RareAddressFields())
    }

    /// An instance or address whose rare fields are all at their defaults allocates nothing, and
    /// one set back to the defaults equals (and hashes as) one never set.
    @Test func defaultsAllocateNothingAndCompareEqual() {
        var instance = VRRPInstance(name: "A")
        #expect(!instance.rare.isAllocated)
        instance.smtpAlert = true
        instance.excludedAddresses.append(VirtualAddress(address: IPAddress(192, 0, 2, 1), prefixLength: 24))
        #expect(instance.rare.isAllocated && instance != VRRPInstance(name: "A"))
        let copy = instance
        instance.smtpAlert = nil
        instance.excludedAddresses = []
        #expect(!instance.rare.isAllocated)
        #expect(instance == VRRPInstance(name: "A") && instance.hashValue == VRRPInstance(name: "A").hashValue)
        // The copy kept its values: a write makes a new box, never changes a shared one.
        #expect(copy.smtpAlert == true && copy.excludedAddresses.count == 1)

        var address = VirtualAddress(address: IPAddress(192, 0, 2, 1), prefixLength: 24)
        let plain = address
        address.flags.append("nodad")
        address.noTrack = true
        #expect(address != plain && plain.flags.isEmpty && !plain.noTrack)
        address.flags = []
        address.noTrack = false
        #expect(address == plain && address.hashValue == plain.hashValue)
    }

    /// Every field, stored or boxed, has its key: one added to either struct and not to
    /// `encode(to:)`'s keys fails here. A default value writes exactly its non-optional fields.
    @Test func everyFieldIsEncoded() throws {
        try Self.check(VRRPInstance(name: "A"), rare: RareInstanceFields(), key: VRRPInstance.CodingKeys.init(stringValue:))
        try Self.check(
            VirtualAddress(address: IPAddress(192, 0, 2, 1), prefixLength: 24), rare: RareAddressFields(),
            key: VirtualAddress.CodingKeys.init(stringValue:))
    }

    /// Unset fields are read in place from the shared defaults: they must be `init()`'s, and a
    /// read must give the box's value once a field is set.
    @Test func readsComeFromTheDefaultsOrTheBox() {
        #expect(RareInstanceFields.defaults == RareInstanceFields())
        #expect(RareAddressFields.defaults == RareAddressFields())
        var instance = VRRPInstance(name: "A")
        #expect(instance.strictMode == nil && !instance.nativeIPv6 && instance.other.isEmpty)
        instance.strictMode = true
        instance.other["mcast_dst_ip"] = ["224.0.0.19"]
        #expect(instance.strictMode == true && instance.other["mcast_dst_ip"] == ["224.0.0.19"] && !instance.nativeIPv6)
        var address = VirtualAddress(address: IPAddress(192, 0, 2, 1), prefixLength: 24)
        #expect(address.scope == nil && !address.noTrack)
        address.scope = "link"
        #expect(address.scope == "link" && !address.noTrack)
    }

    /// The sizes the boxes are for (20,000 instances, each with its addresses, in a large file).
    @Test func sizes() {
        // The first virtual address and tracked script inline (`FirstInline`), the GARP settings
        // in a shared box: 344 bytes and no allocation of its own, where 264 bytes and two
        // one-element arrays (144 + 96 bytes) took more.
        #expect(MemoryLayout<VRRPInstance>.stride == 344)
        #expect(MemoryLayout<VirtualAddress>.stride == 88)
    }

    static func check<Value: Encodable, Rare, Key>(_ value: Value, rare: Rare, key: (String) -> Key?) throws {
        let fields = Array(Mirror(reflecting: value).children) + Array(Mirror(reflecting: rare).children)
        var all: Set<String> = []
        var required: Set<String> = []
        for field in fields {
            guard var label = field.label, label != "_origin", label != "rare" else { continue }
            // A field stored compactly (`storedPrefixLength`) is encoded under its public name.
            if label.hasPrefix("stored") {
                let name = label.dropFirst(6)
                label = name == name.uppercased() ? name.lowercased() : name.prefix(1).lowercased() + name.dropFirst()
            }
            all.insert(label)
            #expect(key(label) != nil, "\(Value.self).\(label) has no coding key")
            if Mirror(reflecting: field.value).displayStyle != .optional { required.insert(label) }
        }
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(ModelJSON.encode(value: value).utf8)) as? [String: Any])
        #expect(Set(json.keys) == required, "\(Value.self)")
        #expect(all.count > required.count)
    }
}
