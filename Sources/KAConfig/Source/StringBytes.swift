// String helpers that work on UTF-8 bytes: substring search without the string-processing
// runtime, and comparison and hashing without normalisation.

extension StringProtocol {
    /// Whether `text` occurs in this string, compared as UTF-8 bytes. The standard library's
    /// `contains(_:)` for strings lives in the string-processing runtime, which kalint and kafmt
    /// do not load (see Package.swift).
    package func containsText(_ text: some StringProtocol) -> Bool {
        firstOffset(of: text) != nil
    }

    /// The UTF-8 offset where `text` first occurs.
    package func firstOffset(of text: some StringProtocol) -> Int? {
        let pattern = Array(text.utf8)
        guard !pattern.isEmpty else { return 0 }
        let bytes = Array(utf8)
        guard bytes.count >= pattern.count else { return nil }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
            if bytes[start..<(start + pattern.count)].elementsEqual(pattern) { return start }
        }
        return nil
    }
}

extension String {
    /// The two strings have the same UTF-8 bytes (what keepalived compares), read in place. A
    /// `String`'s `==` compares canonical equivalence and normalises non-ASCII text first.
    package func hasSameUTF8(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        let inPlace: Bool?? = utf8.withContiguousStorageIfAvailable { first in
            other.utf8.withContiguousStorageIfAvailable { second in first.elementsEqual(second) }
        }
        if let compared = inPlace ?? nil { return compared }
        return utf8.elementsEqual(other.utf8)
    }

    /// Feeds the UTF-8 bytes to `hasher` in one piece (the partner of `hasSameUTF8(as:)`).
    package func hashUTF8(into hasher: inout Hasher) {
        hasher.combine(utf8.count)
        let hashed: Void? = utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            for byte in utf8 { hasher.combine(byte) }
        }
    }
}
