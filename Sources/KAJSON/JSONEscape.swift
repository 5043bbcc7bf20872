/// JSON string escaping, the one copy every writer in the toolchain uses (kalint's renderers,
/// the model view, karun's status, kalsp's protocol). Control characters and DEL are written as
/// `\uXXXX`, so output never carries a raw control byte.
public enum JSONEscape {
    /// Appends `text` as a quoted JSON string. A string that needs no escape (keys, rule ids,
    /// paths) is appended whole; one that does is escaped into a string of the exact length in
    /// one pass, then appended (a run at a time, through substrings, was a tenth of a
    /// `--format sarif` run on a small file).
    public static func appendQuoted(_ text: String, to output: inout String) {
        let appended: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var extra = 0
            for byte in bytes where !standsForItself(byte) { extra += escapeLength(byte) - 1 }
            if extra == 0 {
                output += "\""
                output += text
                output += "\""
                return true
            }
            output += String(unsafeUninitializedCapacity: bytes.count + extra + 2) { buffer in
                var at = 0
                buffer[at] = 0x22
                at += 1
                for byte in bytes {
                    if standsForItself(byte) {
                        buffer[at] = byte
                        at += 1
                    } else {
                        at = writeEscape(byte, into: buffer, at: at)
                    }
                }
                buffer[at] = 0x22
                return at + 1
            }
            return true
        }
        if appended == true { return }
        // A string without contiguous UTF-8 (none on Linux): a run at a time.
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

    /// Appends `text` as a quoted JSON string to UTF-8 bytes: a writer that builds its output
    /// as bytes appends a string that needs no escape with one copy, and pays nothing per
    /// append for a string's bookkeeping (three `String` appends per key were most of the cost
    /// of a small SARIF document).
    public static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { source in
            // The bytes between escapes are copied in runs.
            var runStart = 0
            for index in source.indices where !standsForItself(source[index]) {
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index])) }
                appendByte(source[index], to: &bytes)
                runStart = index + 1
            }
            if runStart < source.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...])) }
        }
        if copied == nil {
            for byte in text.utf8 { appendByte(byte, to: &bytes) }
        }
        bytes.append(0x22)
    }

    @inline(__always)
    static func appendByte(_ byte: UInt8, to bytes: inout [UInt8]) {
        if standsForItself(byte) {
            bytes.append(byte)
            return
        }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: escapeLength(byte)))
        bytes.withUnsafeMutableBufferPointer { buffer in _ = writeEscape(byte, into: buffer, at: start) }
    }

    /// The bytes `byte` is written as: 2 for a short escape, 6 for `\uXXXX`, 1 for itself.
    @inline(__always)
    static func escapeLength(_ byte: UInt8) -> Int {
        switch byte {
        case 0x22, 0x5C, 0x0A, 0x0D, 0x09: 2
        case 0..<0x20, 0x7F: 6
        default: 1
        }
    }

    /// Writes the escape of `byte` (one that does not stand for itself) at `at`; returns the
    /// index after it.
    static func writeEscape(_ byte: UInt8, into buffer: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        buffer[at] = 0x5C
        switch byte {
        case 0x22, 0x5C:
            buffer[at + 1] = byte
        case 0x0A:
            buffer[at + 1] = UInt8(ascii: "n")
        case 0x0D:
            buffer[at + 1] = UInt8(ascii: "r")
        case 0x09:
            buffer[at + 1] = UInt8(ascii: "t")
        default:
            // Lowercase hex, as `unicodeEscape` writes it.
            func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x57 + value }
            buffer[at + 1] = UInt8(ascii: "u")
            buffer[at + 2] = 0x30
            buffer[at + 3] = 0x30
            buffer[at + 4] = hexDigit(byte >> 4)
            buffer[at + 5] = hexDigit(byte & 0x0F)
            return at + 6
        }
        return at + 2
    }

    @inline(__always)
    static func standsForItself(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F
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
