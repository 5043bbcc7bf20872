/// JSON string escaping, the one copy every writer in the toolchain uses (kalint's renderers,
/// the model view, karun's status, kalsp's protocol). Control characters and DEL are written as
/// `\uXXXX`, so output never carries a raw control byte.
public enum JSONEscape {
    /// Appends `text` as a quoted JSON string. A string that needs no escape (keys, rule ids,
    /// paths) is appended whole; one that does is escaped as bytes (the one escaper, below) and
    /// appended once (a run at a time, through substrings, was a tenth of a `--format sarif` run
    /// on a small file).
    public static func appendQuoted(_ text: String, to output: inout String) {
        if text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(standsForItself) }) == true {
            output += "\""
            output += text
            output += "\""
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        appendQuoted(text, to: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
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
            // Lowercase hex (`\u001f`), as the output always had it.
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
}
