/// A line in keepalived's line buffer, with the source of every byte: the offset in the file of
/// `context`, and a flag for bytes that substitution produced (they carry the offset of the `$`
/// of the reference that produced them).
struct LineText {
    static let substitutedBit: UInt32 = 1 << 31

    var bytes: [UInt8]
    var marks: [UInt32]
    /// Index into the expander's file contexts (file path and include chain).
    var context: Int

    init(bytes: [UInt8] = [], marks: [UInt32] = [], context: Int) {
        self.bytes = bytes
        self.marks = marks
        self.context = context
    }

    var isEmpty: Bool { bytes.isEmpty }
    var count: Int { bytes.count }

    static func offset(of mark: UInt32) -> Int { Int(mark & ~substitutedBit) }
    static func isSubstituted(_ mark: UInt32) -> Bool { mark & substitutedBit != 0 }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        marks.removeAll(keepingCapacity: true)
    }

    mutating func truncate(at index: Int) {
        guard index < bytes.count else { return }
        let count = bytes.count - index
        bytes.removeLast(count)
        marks.removeLast(count)
    }

    /// Replaces the contents with `other`'s bytes from `index`, keeping this buffer's storage.
    mutating func assign(_ other: LineText, from index: Int = 0) {
        bytes.removeAll(keepingCapacity: true)
        marks.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: other.bytes[index...])
        marks.append(contentsOf: other.marks[index...])
        context = other.context
    }

    mutating func removeFirst(_ count: Int) {
        guard count > 0 else { return }
        bytes.removeFirst(count)
        marks.removeFirst(count)
    }

    /// The bytes from `index` on, as a new line of the same context.
    func suffix(from index: Int) -> LineText {
        LineText(bytes: Array(bytes[index...]), marks: Array(marks[index...]), context: context)
    }

    func starts(with prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { buffer in
            guard bytes.count >= buffer.count else { return false }
            for index in 0..<buffer.count where bytes[index] != buffer[index] { return false }
            return true
        }
    }

    /// Trailing spaces and tabs removed (`isblank`).
    mutating func trimTrailingBlanks() {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        truncate(at: end)
    }

    /// keepalived's `decomment`: strip leading blanks, cut a `#`/`!` comment outside double
    /// quotes, turn `\#`/`\!` into `#`/`!` outside quotes, strip trailing blanks, and keep a final
    /// `\` (even one inside the comment) glued to the end. Returns false for an odd quote count.
    @discardableResult
    mutating func decomment() -> Bool {
        var leading = 0
        while leading < bytes.count, bytes[leading] == 0x20 || bytes[leading] == 0x09 { leading += 1 }
        removeFirst(leading)
        let scan = KeepalivedLine.scan(bytes)
        let continuation = scan.loneBackslash.map { marks[$0] }
        if let end = scan.textEnd { truncate(at: end) }
        for dropped in scan.droppedBackslashes.reversed() where dropped < bytes.count {
            bytes.remove(at: dropped)
            marks.remove(at: dropped)
        }
        trimTrailingBlanks()
        if let continuation {
            bytes.append(UInt8(ascii: "\\"))
            marks.append(continuation)
        }
        return !scan.unterminatedQuote
    }
}
