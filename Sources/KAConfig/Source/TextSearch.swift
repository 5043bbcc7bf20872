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
