import Testing
@testable import KAConfig

/// The hot-path replacements made for speed answer exactly as what they replaced.
@Suite struct LookupPerformanceTests {
    @Test func keywordTableAgreesWithDictionaryOnEverySchemaBlock() {
        for block in KeepalivedSchema.allBlocks {
            var dictionary: [String: Int] = [:]
            for (position, keyword) in block.keywords.enumerated() where dictionary[keyword.name] == nil {
                dictionary[keyword.name] = position
            }
            let table = KeywordTable(block.keywords.enumerated().map { ($0.element.name, $0.offset) })
            for keyword in block.keywords {
                #expect(table[keyword.name] == dictionary[keyword.name], "\(block.name): \(keyword.name)")
            }
            for miss in ["", "{", "}", "vrrp_instancex", "Priority", "priority ", "virtual_router_i", "ünknown"] {
                #expect(table[miss] == dictionary[miss], "\(block.name): '\(miss)'")
            }
        }
    }

    @Test func keywordTableKeepsTheFirstOfDuplicateKeysAndSurvivesCollisions() {
        let table = KeywordTable([("a", 1), ("b", 2), ("a", 3)])
        #expect(table["a"] == 1)
        #expect(table["b"] == 2)
        #expect(table["c"] == nil)
        // Many keys in a table of the minimum size force probing past occupied slots.
        let keys = (0..<100).map { "keyword_\($0)" }
        let large = KeywordTable(keys.enumerated().map { ($0.element, $0.offset) })
        for (index, key) in keys.enumerated() { #expect(large[key] == index) }
        #expect(large["keyword_100"] == nil)
        #expect(KeywordTable([(String, Int)]())["anything"] == nil)
    }

    /// A lookup first tries the string's identity; an equal string with other storage (built at
    /// run time, from a substring, long or short) must still be found, and an unequal one not.
    @Test func keywordTableFindsEqualStringsWhateverTheirStorage() {
        let keys = ["garp_master_refresh_repeat", "virtual_router_id", "state", "vrrp_garp_lower_prio_repeat"]
        let table = KeywordTable(keys.enumerated().map { ($0.element, $0.offset) })
        for (index, key) in keys.enumerated() {
            #expect(table[key] == index, "\(key): the key's own string")
            let rebuilt = String(decoding: Array(key.utf8), as: UTF8.self)
            #expect(table[rebuilt] == index, "\(key): rebuilt from its bytes")
            let sliced = String(("x" + key + "x").dropFirst().dropLast())
            #expect(table[sliced] == index, "\(key): from a substring")
            #expect(table[key + "_"] == nil, "\(key) with a suffix")
            #expect(table[String(key.dropLast())] == nil, "\(key) without its last byte")
        }
    }

    @Test func prefixParsingOnBytesMatchesTheRules() {
        let accepted: [(String, String)] = [
            ("192.0.2.1/24", "192.0.2.1/24"), ("192.0.2.1", "192.0.2.1/32"), ("192.0.2.1/024", "192.0.2.1/24"),
            ("192.0.2.1/0", "192.0.2.1/0"), ("2001:db8::1/64", "2001:db8::1/64"), ("2001:db8::1", "2001:db8::1/128"),
            ("2001:db8::1/128", "2001:db8::1/128"),
        ]
        for (text, printed) in accepted { #expect(IPPrefix(text)?.description == printed, "\(text)") }
        let rejected = [
            "192.0.2.1/", "/24", "192.0.2.1/33", "192.0.2.1/1/2", "192.0.2.1/+1", "192.0.2.1/1024", "192.0.2.1/ 4",
            "2001:db8::1/129", "192.0.2/24", "192.0.2.1/2\u{301}", "", "/",
        ]
        for text in rejected { #expect(IPPrefix(text) == nil, "\(text)") }
        #expect(IPPrefix(Substring("x192.0.2.7/30").dropFirst())?.description == "192.0.2.7/30")
    }
}
