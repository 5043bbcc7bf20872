import KAConfig
import KAJSON
import Testing
@testable import KALint

/// The escapers every output format uses copy plain bytes in runs; they must write exactly what
/// escaping one scalar (JSON) or one byte (GitHub's workflow commands, SARIF URIs) at a time does.
@Suite struct OutputEscapingTests {
    /// A scalar at a time: the definition the run-copying escaper is held to.
    static func quotedScalarByScalar(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let control where control.value < 0x20 || control.value == 0x7F:
                let hex = String(control.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    static let samples: [String] = {
        var samples = [
            "", "plain", "\"quoted\"", "back\\slash", "line\nbreak", "crlf\r\nend", "\r\n", "tab\there", "\u{7F}del",
            "\u{1}\u{1F}", "ünïcödé \"x\"", "e\u{301}\n", "🚀\t🚀", "a%b:c,d e", "100% sure\r\n",
        ]
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{7F}", "é", "\u{301}", "🙂", "%", ":", ",", " ", "z"]
        for _ in 0..<500 {
            samples.append((0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        return samples
    }()

    @Test func jsonQuotingMatchesScalarByScalar() {
        for text in Self.samples {
            var output = "prefix "
            JSONEscape.appendQuoted(text, to: &output)
            #expect(output == "prefix " + Self.quotedScalarByScalar(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// The byte writer (JSONText's) quotes exactly as the string writer does, and JSONText's
    /// fields carry it: a document of every sample reads back as the samples.
    @Test func byteQuotingMatchesStringQuoting() throws {
        var json = JSONText()
        json.beginArray()
        for text in Self.samples {
            var bytes: [UInt8] = [0x41]
            JSONEscape.appendQuoted(text, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "A" + Self.quotedScalarByScalar(text), "\(text.unicodeScalars.map(\.value))")
            json.value(text)
        }
        json.endArray()
        let parsed = try JSONParser.parse(json.takeOutput())
        #expect(parsed.array?.compactMap(\.string) == Self.samples)
        #expect(json.output.isEmpty)
    }

    /// GitHub's escaping is by byte: `%`, CR and LF in messages, also `:` and `,` in properties,
    /// and a CR LF pair is two escapes (a Character-level replace left it raw, breaking the line).
    @Test func workflowCommandEscapingIsPerByte() {
        func byByte(_ text: String, _ set: Set<UInt8>) -> String {
            var output = ""
            for scalar in text.unicodeScalars {
                if scalar.isASCII, set.contains(UInt8(scalar.value)) {
                    output += "%" + String(UInt8(scalar.value), radix: 16, uppercase: true).leftPadded()
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
            return output
        }
        for text in Self.samples {
            #expect(GitHubRenderer.message(text) == byByte(text, [0x25, 0x0D, 0x0A]))
            #expect(GitHubRenderer.property(text) == byByte(text, [0x25, 0x0D, 0x0A, 0x3A, 0x2C]))
            #expect(!GitHubRenderer.message(text).contains("\n") && !GitHubRenderer.message(text).contains("\r\n"))
        }
        #expect(GitHubRenderer.message("a\r\nb") == "a%0D%0Ab")
        #expect(SARIFRenderer.uri("./dir name/keepalived.conf") == "dir%20name/keepalived.conf")
    }
}

extension String {
    fileprivate func leftPadded() -> String { count < 2 ? "0" + self : self }
}
