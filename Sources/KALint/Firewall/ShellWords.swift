import KAConfig

/// Splits an iptables-save or shell command line into words the way a shell would for the simple
/// quoting these files use: "double" (with backslash escapes), 'single', and backslash escapes.
/// Works on UTF-8 bytes: dumps of tens of thousands of rules pass through here.
enum ShellWords {
    /// Nil when a quote is left open.
    static func split(_ line: Substring) -> [String]? {
        var words: [String] = []
        var current: [UInt8] = []
        var inWord = false
        var quote: UInt8 = 0
        var escaped = false
        for byte in line.utf8 {
            if escaped {
                current.append(byte)
                escaped = false
                continue
            }
            if quote != 0 {
                if byte == quote {
                    quote = 0
                } else if byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                    escaped = true
                } else {
                    current.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                if inWord { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                inWord = false
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                quote = byte
                inWord = true
            case UInt8(ascii: "\\"):
                escaped = true
                inWord = true
            default:
                current.append(byte)
                inWord = true
            }
        }
        guard quote == 0 else { return nil }
        if inWord { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }
}
