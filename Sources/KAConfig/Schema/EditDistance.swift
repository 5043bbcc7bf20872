/// Edit distance for did-you-mean suggestions: optimal string alignment (Levenshtein plus
/// transposition of two neighbouring characters), case-insensitive on ASCII.
///
/// Every unknown keyword is compared with every keyword name, so the comparison works on bytes
/// lowered once, skips names whose length alone puts them out of reach, and reuses its rows:
/// a file full of unknown words (what a fuzzer writes) costs no allocation per name.
enum EditDistance {
    /// The distance between `a` and `b`, or nil when it exceeds `limit`.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        var rows = Rows()
        return distance(lowered(a), lowered(b), limit: limit, rows: &rows)
    }

    /// `text`'s UTF-8 bytes with ASCII letters lowered.
    static func lowered(_ text: String) -> [UInt8] {
        text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    /// Three rows of the alignment table, kept between comparisons.
    struct Rows {
        var beforePrevious: [Int] = []
        var previous: [Int] = []
        var current: [Int] = []

        mutating func reset(width: Int) {
            if previous.count < width {
                beforePrevious = [Int](repeating: 0, count: width)
                previous = beforePrevious
                current = beforePrevious
            }
        }
    }

    /// Only the cells within `limit` of the diagonal are computed (a cell further off costs more
    /// than `limit` on every path through it); the ones just outside hold `limit + 1`.
    static func distance(_ s: [UInt8], _ t: [UInt8], limit: Int, rows: inout Rows) -> Int? {
        if abs(s.count - t.count) > limit { return nil }
        if s.isEmpty || t.isEmpty { return max(s.count, t.count) <= limit ? max(s.count, t.count) : nil }
        let outside = limit + 1
        rows.reset(width: t.count + 2)
        for j in 0...t.count + 1 { rows.previous[j] = j <= limit ? j : outside }
        for i in 1...s.count {
            let low = max(1, i - limit)
            let high = min(t.count, i + limit)
            rows.current[low - 1] = low == 1 ? min(i, outside) : outside
            rows.current[high + 1] = outside
            var rowMinimum = rows.current[low - 1]
            for j in low...high {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var best = min(rows.previous[j] + 1, rows.current[j - 1] + 1, rows.previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    best = min(best, rows.beforePrevious[j - 2] + 1)
                }
                rows.current[j] = best
                rowMinimum = min(rowMinimum, best)
            }
            if rowMinimum > limit { return nil }
            swap(&rows.beforePrevious, &rows.previous)
            swap(&rows.previous, &rows.current)
        }
        return rows.previous[t.count] <= limit ? rows.previous[t.count] : nil
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
        let length = word.utf8.count
        return closest(to: word, among: LoweredNames(names.filter { abs($0.utf8.count - length) <= limit }))
    }

    static func closest(to word: String, among names: LoweredNames) -> [String] {
        let limit = tolerance(forLength: word.count)
        let target = lowered(word)
        let targetBytes = ByteSet(target)
        var rows = Rows()
        var found: [(distance: Int, position: Int)] = []
        for position in names.names.indices
        where abs(names.lowered[position].count - target.count) <= limit
            && targetBytes.editsAtLeast(to: names.byteSets[position]) <= limit
        {
            if let distance = distance(target, names.lowered[position], limit: limit, rows: &rows) {
                found.append((distance, position))
            }
        }
        return found.sorted { ($0.distance, $0.position) < ($1.distance, $1.position) }.map { names.names[$0.position] }
    }
}

/// Names with their ASCII-lowered bytes, computed once for a list that is searched often.
struct LoweredNames: Sendable {
    let names: [String]
    let lowered: [[UInt8]]
    let byteSets: [ByteSet]

    init(_ names: [String]) {
        self.names = names
        lowered = names.map(EditDistance.lowered)
        byteSets = lowered.map(ByteSet.init)
    }

    /// The names equal to `word` but for ASCII case, in order.
    func caseInsensitiveMatches(_ word: [UInt8]) -> [String] {
        names.indices.filter { lowered[$0] == word }.map { names[$0] }
    }
}

/// Which kinds of byte a word holds, in 64 buckets (letters, digits and `_` each their own):
/// every bucket one word has and the other lacks costs at least one edit, so two sets give a
/// lower bound of the distance for the price of a popcount.
struct ByteSet: Sendable {
    let bits: UInt64

    init(_ bytes: [UInt8]) {
        var bits: UInt64 = 0
        for byte in bytes { bits |= 1 << Self.bucket(byte) }
        self.bits = bits
    }

    static func bucket(_ byte: UInt8) -> UInt64 {
        switch byte {
        case 0x61...0x7A: UInt64(byte - 0x61)
        case 0x30...0x39: UInt64(byte - 0x30) + 26
        case 0x5F: 36
        default: 37 + UInt64(byte % 27)
        }
    }

    /// The fewest edits that can turn one word into the other, judged by their buckets alone.
    func editsAtLeast(to other: ByteSet) -> Int {
        max((bits & ~other.bits).nonzeroBitCount, (other.bits & ~bits).nonzeroBitCount)
    }
}
