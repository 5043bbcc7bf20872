/// Edit distance for did-you-mean suggestions: optimal string alignment (Levenshtein plus
/// transposition of two neighbouring characters), case-insensitive on ASCII.
///
/// Every unknown keyword is compared with the keyword names, so the comparison works on bytes
/// lowered once, reads only the names whose length and bytes keep them in reach, and computes a
/// distance a column of bits at a time (`PatternMasks`): a file full of unknown words (what a
/// fuzzer writes) costs no allocation per name.
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
        let fitsWord = target.count <= PatternMasks.maximumLength
        // Its 2 KB table is made for the first name that passes the byte-set filter, and never
        // for a word over 64 bytes.
        var pattern: PatternMasks?
        var rows = Rows()
        var found: [(distance: Int, position: Int)] = []
        for length in max(0, target.count - limit)...(target.count + limit) {
            for position in names.positions(ofLength: length)
            where targetBytes.editsAtLeast(to: names.byteSets[position]) <= limit {
                let name = names.lowered[position]
                let distance: Int
                if fitsWord {
                    if pattern == nil { pattern = PatternMasks(target) }
                    distance = pattern!.distance(to: name)
                } else {
                    distance = self.distance(target, name, limit: limit, rows: &rows) ?? limit + 1
                }
                if distance <= limit { found.append((distance, position)) }
            }
        }
        return found.sorted { ($0.distance, $0.position) < ($1.distance, $1.position) }.map { names.names[$0.position] }
    }
}

/// Names with their ASCII-lowered bytes, computed once for a list that is searched often, and
/// grouped by length: a search reads only the names whose length alone keeps them in reach.
struct LoweredNames: Sendable {
    let names: [String]
    let lowered: [[UInt8]]
    let byteSets: [ByteSet]
    /// `byLength[n]`: the positions of the names of `n` bytes, in order.
    private let byLength: [[Int]]

    init(_ names: [String]) {
        self.names = names
        lowered = names.map(EditDistance.lowered)
        byteSets = lowered.map(ByteSet.init)
        var byLength = [[Int]](repeating: [], count: (lowered.map(\.count).max() ?? 0) + 1)
        for position in lowered.indices { byLength[lowered[position].count].append(position) }
        self.byLength = byLength
    }

    /// The positions of the names of `length` bytes, in order.
    func positions(ofLength length: Int) -> [Int] {
        length < byLength.count ? byLength[length] : []
    }

    /// The names equal to `word` but for ASCII case, in order.
    func caseInsensitiveMatches(_ word: [UInt8]) -> [String] {
        positions(ofLength: word.count).filter { lowered[$0] == word }.map { names[$0] }
    }
}

/// The optimal string alignment distance of one pattern of at most 64 bytes to many texts, a
/// column of the alignment table at a time in the bits of one word (Hyyrö's bit-vector form of
/// Myers' algorithm, with his transposition term): a dozen word operations per text byte
/// instead of a row of cells.
struct PatternMasks {
    static let maximumLength = 64

    /// `masks[byte]`: bit i is set when the pattern's byte i is `byte`. On the heap: 2 KB
    /// inline were copied into every `distance(to:)` call (callgrind: three memcpys a name).
    private var masks: [UInt64]
    private let length: Int

    init(_ pattern: [UInt8]) {
        precondition(pattern.count <= Self.maximumLength, "pattern longer than a word")
        masks = [UInt64](repeating: 0, count: 256)
        for (index, byte) in pattern.enumerated() { masks[Int(byte)] |= 1 << UInt64(index) }
        length = pattern.count
    }

    /// The distance from the pattern to `text`.
    func distance(to text: [UInt8]) -> Int {
        guard length > 0 else { return text.count }
        let last: UInt64 = 1 << UInt64(length - 1)
        // Vertical deltas of the current column (+1 in `plus`, -1 in `minus`), all +1 at first.
        var plus: UInt64 = ~0
        var minus: UInt64 = 0
        var previousMatch: UInt64 = 0
        var previousDiagonal: UInt64 = 0
        var distance = length
        for byte in text {
            let match = masks[Int(byte)]
            let transposed = (((~previousDiagonal) & match) << 1) & previousMatch
            let diagonal = (((match & plus) &+ plus) ^ plus) | match | minus | transposed
            var horizontalPlus = minus | ~(diagonal | plus)
            var horizontalMinus = diagonal & plus
            if horizontalPlus & last != 0 {
                distance += 1
            } else if horizontalMinus & last != 0 {
                distance -= 1
            }
            horizontalPlus = (horizontalPlus << 1) | 1
            horizontalMinus <<= 1
            plus = horizontalMinus | ~(diagonal | horizontalPlus)
            minus = diagonal & horizontalPlus
            previousMatch = match
            previousDiagonal = diagonal
        }
        return distance
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
