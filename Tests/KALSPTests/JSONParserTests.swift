import KAJSON
import Testing

/// KAJSON's reader: the JSON kalsp reads from every client, strict in grammar, lenient in text,
/// bounded in depth; and what it reads prints back the same.
@Suite struct JSONParserTests {
    @Test func readsEveryKindOfValue() throws {
        let value = try JSONParser.parse(#" {"a": [1, -2, 3.5, 1e3, true, false, null], "b": {"c": "d"}, "": ""} "#)
        #expect(value["a"] == [1, -2, .double(3.5), .double(1000), true, false, .null])
        #expect(value[path: "b", "c"] == "d")
        #expect(value[""] == "")
        #expect(value.text() == #"{"a":[1,-2,3.5,1000.0,true,false,null],"b":{"c":"d"},"":""}"#)
    }

    @Test func stringsWithEscapesAndSurrogates() throws {
        #expect(try JSONParser.parse(#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude80""#) == .string("a\"\\/\u{8}\u{c}\n\r\té🚀"))
        // A lone surrogate is U+FFFD, not an error; raw UTF-8 passes through; invalid bytes become U+FFFD.
        #expect(try JSONParser.parse(#""\ud83d x""#) == .string("\u{FFFD} x"))
        #expect(try JSONParser.parse(#""\ude80""#) == .string("\u{FFFD}"))
        #expect(try JSONParser.parse(Array("\"Zürich 🚀\"".utf8)) == .string("Zürich 🚀"))
        #expect(try JSONParser.parse([0x22, 0xFF, 0x22]) == .string("\u{FFFD}"))
    }

    @Test func numbersStayExactOrBecomeDoubles() throws {
        #expect(try JSONParser.parse("9223372036854775807") == .int(Int.max))
        #expect(try JSONParser.parse("9223372036854775808") == .double(9223372036854775808))
        #expect(try JSONParser.parse("1e300").int == nil)
        #expect(try JSONParser.parse("2.0").int == 2)
    }

    @Test func malformedInputIsAnErrorWithItsPlace() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru", "\"abc", "\"\\x\"", "\"\\u12\"", "{} x", "\"a\nb\"", "[1 2]"] {
            #expect(throws: JSONParser.Failure.self, "\(text.debugDescription)") { try JSONParser.parse(text) }
        }
    }

    @Test func deepNestingIsRefusedNotOverflowed() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
        let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(try JSONParser.parse(fine).array?.count == 1)
    }
}
