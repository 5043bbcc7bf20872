/// Edit distance for did-you-mean suggestions: optimal string alignment (Levenshtein plus
/// transposition of two neighbouring characters), case-insensitive on ASCII.
enum EditDistance {
    /// The distance between `a` and `b`, or nil when it exceeds `limit`.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        let s = Array(a.lowercased().utf8)
        let t = Array(b.lowercased().utf8)
        if abs(s.count - t.count) > limit { return nil }
        if s.isEmpty || t.isEmpty { return max(s.count, t.count) <= limit ? max(s.count, t.count) : nil }
        var previous2 = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    best = min(best, previous2[j - 2] + 1)
                }
                current[j] = best
                rowMinimum = min(rowMinimum, best)
            }
            if rowMinimum > limit { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[t.count] <= limit ? previous[t.count] : nil
    }

    /// How many edits a word of this length may need to still count as a typo of a name.
    static func tolerance(forLength length: Int) -> Int {
        switch length {
        case ..<4: 1
        case ..<9: 2
        default: 3
        }
    }

    /// The names within tolerance of `word`, closest first (ties in the given order).
    static func closest(to word: String, among names: [String]) -> [String] {
        let limit = tolerance(forLength: word.count)
        return names.enumerated()
            .compactMap { position, name in distance(word, name, limit: limit).map { ($0, position, name) } }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            .map(\.2)
    }
}
