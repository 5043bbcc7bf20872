/// glob(3) pattern pieces the expander and `InMemoryFileSystem` share: csh brace expansion as
/// glibc's GLOB_BRACE does it, and fnmatch-style matching of one path component.
enum GlobPattern {
    static func hasWildcard(_ pattern: String) -> Bool {
        var escaped = false
        for byte in pattern.utf8 {
            if escaped { escaped = false; continue }
            if byte == UInt8(ascii: "\\") { escaped = true; continue }
            if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "[") { return true }
        }
        return false
    }

    /// keepalived's `have_brace`: an unescaped `{` anywhere.
    static func hasBrace(_ pattern: String) -> Bool {
        var escaped = false
        for byte in pattern.utf8 {
            if escaped { escaped = false; continue }
            if byte == UInt8(ascii: "\\") { escaped = true; continue }
            if byte == UInt8(ascii: "{") { return true }
        }
        return false
    }

    /// `a{b,c{d,e}}f` → `abf`, `acdf`, `acef`, in order. A `{` without its `}` is literal.
    static func expandBraces(_ pattern: String) -> [String] {
        expandBraces(pattern, limit: maximumAlternatives).alternatives
    }

    /// More alternatives than any configuration names: a pattern of many brace groups multiplies
    /// them (`{a,b}` twenty times is a million), which glibc would try one by one.
    static let maximumAlternatives = 1024

    /// The first `limit` alternatives, and whether there were more.
    static func expandBraces(_ pattern: String, limit: Int) -> (alternatives: [String], truncated: Bool) {
        let bytes = Array(pattern.utf8)
        var results: [String] = []
        var pending: [[UInt8]] = [bytes]
        while let current = pending.popLast() {
            guard results.count < limit else { return (results, true) }
            guard let (open, close, commas) = firstBraceGroup(current) else {
                results.append(String(decoding: current, as: UTF8.self))
                continue
            }
            let prefix = current[..<open]
            let suffix = current[(close + 1)...]
            let bounds = [open] + commas + [close]
            // Depth first, in order: push in reverse.
            for index in (0..<(bounds.count - 1)).reversed() {
                pending.append(Array(prefix) + current[(bounds[index] + 1)..<bounds[index + 1]] + Array(suffix))
            }
        }
        return (results, false)
    }

    /// The first unescaped `{` with its matching `}` and top-level commas.
    private static func firstBraceGroup(_ bytes: [UInt8]) -> (Int, Int, [Int])? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") { index += 2; continue }
            if byte == UInt8(ascii: "{") {
                var depth = 0
                var commas: [Int] = []
                var cursor = index + 1
                while cursor < bytes.count {
                    let inner = bytes[cursor]
                    if inner == UInt8(ascii: "\\") { cursor += 2; continue }
                    if inner == UInt8(ascii: "{") { depth += 1 }
                    if inner == UInt8(ascii: "}") {
                        if depth == 0 { return (index, cursor, commas) }
                        depth -= 1
                    }
                    if inner == UInt8(ascii: ","), depth == 0 { commas.append(cursor) }
                    cursor += 1
                }
                return nil
            }
            index += 1
        }
        return nil
    }

    /// fnmatch(3) of one path component with glob's rules: `*`, `?`, `[...]` (with `!`/`^`
    /// negation and ranges), `\` escapes, and a leading `.` only matched by a literal `.`.
    static func matches(_ pattern: [UInt8], _ name: [UInt8]) -> Bool {
        if name.first == UInt8(ascii: "."), pattern.first != UInt8(ascii: "."),
            !(pattern.count > 1 && pattern[0] == UInt8(ascii: "\\") && pattern[1] == UInt8(ascii: ".")) {
            return false
        }
        var p = 0
        var n = 0
        var starP = -1
        var starN = 0
        while n < name.count {
            if p < pattern.count {
                let byte = pattern[p]
                if byte == UInt8(ascii: "*") {
                    starP = p
                    starN = n
                    p += 1
                    continue
                }
                if byte == UInt8(ascii: "?") {
                    p += 1; n += 1
                    continue
                }
                if byte == UInt8(ascii: "["), let (matched, next) = matchClass(pattern, p, name[n]) {
                    if matched {
                        p = next; n += 1
                        continue
                    }
                } else {
                    var literal = byte
                    var width = 1
                    if byte == UInt8(ascii: "\\"), p + 1 < pattern.count {
                        literal = pattern[p + 1]
                        width = 2
                    }
                    if literal == name[n] {
                        p += width; n += 1
                        continue
                    }
                }
            }
            guard starP >= 0 else { return false }
            p = starP + 1
            starN += 1
            n = starN
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }

    /// A bracket expression at `start`: whether `byte` matches and the index after `]`;
    /// nil when the bracket is never closed (then `[` is literal).
    private static func matchClass(_ pattern: [UInt8], _ start: Int, _ byte: UInt8) -> (Bool, Int)? {
        var index = start + 1
        var negate = false
        if index < pattern.count, pattern[index] == UInt8(ascii: "!") || pattern[index] == UInt8(ascii: "^") {
            negate = true
            index += 1
        }
        var matched = false
        var first = true
        while index < pattern.count {
            var low = pattern[index]
            if low == UInt8(ascii: "]"), !first { return (matched != negate, index + 1) }
            first = false
            if low == UInt8(ascii: "\\"), index + 1 < pattern.count {
                index += 1
                low = pattern[index]
            }
            var high = low
            if index + 2 < pattern.count, pattern[index + 1] == UInt8(ascii: "-"), pattern[index + 2] != UInt8(ascii: "]") {
                high = pattern[index + 2]
                index += 2
            }
            if byte >= low, byte <= high { matched = true }
            index += 1
        }
        return nil
    }
}
