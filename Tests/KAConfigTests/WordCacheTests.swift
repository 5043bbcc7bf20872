import Testing
@testable import KAConfig

/// The word cache hands back an earlier string for the same bytes; it must never hand back a
/// string for different bytes, whatever collides, and words it does not cache still come out right.
@Suite("WordCache: same bytes, same string; different bytes never confused")
struct WordCacheTests {
    static func word(_ cache: inout WordCache, _ text: String) -> String {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { cache.string(UnsafeBufferPointer($0)) }
    }

    @Test func returnsTheWordForEveryLengthUpToTheLimitAndBeyond() {
        var cache = WordCache()
        for length in 1...40 {
            let text = String(repeating: "a", count: length - 1) + "b"
            #expect(Self.word(&cache, text) == text)
            #expect(Self.word(&cache, text) == text, "second lookup of \(length) bytes")
        }
    }

    @Test func wordsThatDifferOnlyInOneByteOrInLengthStayApart() {
        var cache = WordCache()
        let texts = ["eth0", "eth1", "eth0 ", "eth", "192.0.2.1/24", "192.0.2.1/25", String(repeating: "x", count: 32),
                     String(repeating: "x", count: 31) + "y", "\u{1}", "\u{1}\u{0}"]
        for _ in 0..<3 {
            for text in texts { #expect(Self.word(&cache, text) == text) }
        }
    }

    /// Far more distinct words than slots: every slot is overwritten many times.
    @Test func collisionsReplaceNeverConfuse() {
        var cache = WordCache()
        for round in 0..<2 {
            for index in 0..<5_000 {
                let text = "vi_\(index)"
                #expect(Self.word(&cache, text) == text, "round \(round)")
            }
        }
    }

    /// Every keyword that fits comes back as the schema's own string (same storage), also after
    /// thousands of other words: keywords are never evicted, so keyword tables find them by identity.
    @Test func keywordsComeBackAsTheSchemasOwnStrings() {
        var cache = WordCache()
        for index in 0..<5_000 { _ = Self.word(&cache, "other_word_\(index)") }
        var checked = 0
        for name in KeepalivedSchema.allKeywordNames where name.utf8.count <= WordCache.maximumLength {
            let got = Self.word(&cache, name)
            #expect(got == name)
            #expect(StringIdentity(got) == StringIdentity(name), "\(name) is a copy, not the schema's string")
            checked += 1
        }
        #expect(checked > 300)
        // Near misses of keywords are not keywords.
        for near in ["priorit", "priorityy", "Priority", "virtual_router_i", "virtual_router_idx"] {
            #expect(Self.word(&cache, near) == near)
        }
    }

    @Test func invalidUTF8IsRepairedTheSameWayEachTime() {
        var cache = WordCache()
        let bytes: [UInt8] = [0x61, 0xFF, 0x62]
        let expected = String(decoding: bytes, as: UTF8.self)
        for _ in 0..<2 {
            let got = bytes.withUnsafeBufferPointer { cache.string($0) }
            #expect(got == expected)
        }
    }
}
