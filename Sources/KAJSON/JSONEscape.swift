/// JSON string escaping, the one copy every writer in the toolchain uses (kalint's renderers,
/// the model view, karun's status, kalsp's protocol). Control characters and DEL are written as
/// `\uXXXX`, so output never carries a raw control byte.
public enum JSONEscape {
    /// Appends `text` as a quoted JSON string. The bytes that need no escape are copied in runs
    /// (a scalar at a time cost a fifth of kalint's time on `--format json` with many findings).
    public static func appendQuoted(_ text: String, to output: inout String) {
        output += "\""
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard let escape = escape(byte) else {
                utf8.formIndex(after: &index)
                continue
            }
            // An escaped byte is ASCII, so both ends of the run are scalar boundaries.
            if runStart != index { output += Substring(utf8[runStart..<index]) }
            output += escape
            utf8.formIndex(after: &index)
            runStart = index
        }
        if runStart != utf8.endIndex { output += Substring(utf8[runStart..<utf8.endIndex]) }
        output += "\""
    }

    /// What `byte` is written as, or nil when it stands for itself.
    @inline(__always)
    static func escape(_ byte: UInt8) -> String? {
        switch byte {
        case 0x22: "\\\""
        case 0x5C: "\\\\"
        case 0x0A: "\\n"
        case 0x0D: "\\r"
        case 0x09: "\\t"
        case 0..<0x20, 0x7F: unicodeEscape(byte)
        default: nil
        }
    }

    static func unicodeEscape(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
