import Testing
@testable import KAConfig

/// `RepairedText` makes the same string as the standard library's `String(decoding:as:)` from any
/// bytes: valid UTF-8 of every length, every kind of ill-formed sequence (stray continuation
/// bytes, truncated and overlong sequences, surrogates, bytes above U+10FFFF), and random mixes.
@Suite struct RepairedTextTests {
    static func check(_ bytes: [UInt8]) {
        #expect(RepairedText.string(bytes) == String(decoding: bytes, as: UTF8.self), "\(bytes)")
        #expect(Array(RepairedText.string(bytes).utf8) == Array(String(decoding: bytes, as: UTF8.self).utf8), "\(bytes)")
    }

    @Test func edgeSequences() {
        let cases: [[UInt8]] = [
            [], Array("plain".utf8), Array("é🚀€".utf8), [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xC2, 0x41],
            [0xE0, 0x80, 0x80], [0xE0, 0xA0], [0xE0, 0xA0, 0x41], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEF, 0xBF],
            [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x90, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF5, 0x80],
            [0xFE], [0xFF, 0xFF, 0x41], [0x41, 0xE2, 0x82], [0xE2, 0x82, 0xE2, 0x82, 0xAC], [0xF1, 0x80, 0x80, 0xC2, 0xA9],
        ]
        for bytes in cases { Self.check(bytes) }
    }

    @Test func randomBytes() {
        var generator = SystemRandomNumberGenerator()
        // Lead, continuation and boundary bytes often, so that near-valid sequences are common.
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
                                    0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFE, 0xFF]
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...12, using: &generator)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &generator)
                    ? interesting.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
            }
            Self.check(bytes)
        }
    }
}
