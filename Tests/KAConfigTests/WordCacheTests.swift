import Testing
@testable import KAConfig

/// The word cache hands back an earlier string for the same bytes; it must never hand back a
/// string for different bytes, whatever collides, and words it does not cache still come out right.
@Suite("WordCache: same bytes, same string; different bytes never confused")
struct WordCacheTests {
    /// The text the cache gives `text`'s bytes, through the arena's texts.
    static func word(_ cache: inout WordCache, _ text: String, in arena: inout WordArena) -> String {
        let index = Array(text.utf8).withUnsafeBufferPointer { cache.textIndex($0, in: &arena) }
        return arena.texts[Int(index)]
    }

    static func word(_ cache: inout WordCache, _ text: String) -> String {
        var arena = WordArena()
        return word(&cache, text, in: &arena)
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
        var arena = WordArena()
        for _ in 0..<2 {
            let index = bytes.withUnsafeBufferPointer { cache.textIndex($0, in: &arena) }
            #expect(arena.texts[Int(index)] == expected)
        }
    }

    /// A word repeated in one arena is one text there; a later arena (the next chunk) gets the
    /// word again as a text of its own, at its own index, and the first arena's indices still hold.
    @Test func eachArenaHoldsARepeatedWordOnceAtItsOwnIndex() {
        var cache = WordCache()
        var first = WordArena()
        let words = ["state", "MASTER", "eth0", "192.0.2.1/24", "VI_1", String(repeating: "z", count: 40)]
        var indices: [UInt32] = []
        for word in words {
            let index = Array(word.utf8).withUnsafeBufferPointer { cache.textIndex($0, in: &first) }
            indices.append(index)
        }
        for (word, index) in zip(words, indices) {
            let again = Array(word.utf8).withUnsafeBufferPointer { cache.textIndex($0, in: &first) }
            // Words past the cached length are not looked up: each use is a text of its own.
            if word.utf8.count <= WordCache.maximumLength { #expect(again == index, "\(word)") }
            #expect(first.texts[Int(again)] == word)
        }
        #expect(first.texts.count == words.count + 1)
        var second = WordArena()
        #expect(second.generation != first.generation)
        for word in words.reversed() {
            let index = Array(word.utf8).withUnsafeBufferPointer { cache.textIndex($0, in: &second) }
            #expect(second.texts[Int(index)] == word)
        }
        #expect(second.texts.count == words.count)
        for (word, index) in zip(words, indices) { #expect(first.texts[Int(index)] == word) }
    }
}
