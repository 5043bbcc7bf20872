/// Prints a `JSONTreeNode` the way Foundation's JSONEncoder does with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes`: two spaces per level, `"key" : value`, keys in
/// the byte order of their UTF-8, an empty container as an open and a close line with an empty
/// line between, `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t` and `\u00XX` (lower-case hex) for the
/// other control characters, everything else (`/` and non-ASCII too) as it is.
struct PrettyJSONWriter {
    private(set) var output = ""
    private var indent = 0

    mutating func write(_ node: JSONTreeNode) {
        if let scalar = node.scalar {
            write(scalar)
        } else if let array = node.array {
            output += "[\n"
            indent += 1
            for (index, element) in array.enumerated() {
                if index > 0 { output += ",\n" }
                writeIndent()
                write(element)
            }
            output += "\n"
            indent -= 1
            writeIndent()
            output += "]"
        } else {
            let object = node.object ?? [:]
            output += "{\n"
            indent += 1
            let keys = object.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                if index > 0 { output += ",\n" }
                writeIndent()
                writeString(key)
                output += " : "
                write(object[key]!)
            }
            output += "\n"
            indent -= 1
            writeIndent()
            output += "}"
        }
    }

    private mutating func write(_ scalar: JSONTreeNode.Scalar) {
        switch scalar {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): writeString(text)
        }
    }

    private mutating func writeIndent() {
        for _ in 0..<indent { output += "  " }
    }

    private mutating func writeString(_ text: String) {
        output += "\""
        var plain = text.utf8.startIndex
        var index = plain
        let utf8 = text.utf8
        while index != utf8.endIndex {
            let byte = utf8[index]
            let escape: String?
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x00...0x1F: escape = "\\u00" + Self.hex(byte >> 4) + Self.hex(byte & 0xF)
            default: escape = nil
            }
            if let escape {
                output += String(Substring(utf8[plain..<index]))
                output += escape
                plain = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output += String(Substring(utf8[plain..<index]))
        output += "\""
    }

    private static func hex(_ digit: UInt8) -> String {
        String(UnicodeScalar(digit < 10 ? 0x30 + digit : 0x61 + digit - 10))
    }
}
