import KAConfig

/// Prints laid-out lines: indentation, trailing comments aligned within a run of consecutive
/// lines at the same depth, the file's newline style, one final newline.
///
/// No printed line may grow past what keepalived reads (1022 bytes): such a
/// line gives up comment alignment, then indentation, then its trailing comment moves onto a line
/// of its own above it. A line that is still too long makes the formatter refuse the file.
struct LayoutPrinter {
    let source: [UInt8]
    let store: [UInt8]
    let newline: [UInt8]
    var indentWidth = 4

    var maximumLineLength: Int { keepalivedMaximumLineLength }

    /// The printed bytes, or the index of a line that cannot be printed short enough.
    func print(_ lines: [LayoutLine]) -> Result<[UInt8], TooLongLine> {
        let columns = commentColumns(lines)
        var output: [UInt8] = []
        output.reserveCapacity(source.count + source.count / 4 + 16)
        for (index, line) in lines.enumerated() {
            switch line.kind {
            case .blank, .requiredBlank:
                output.append(contentsOf: newline)
            case .comment:
                let text = source[line.text]
                if indentation(line) + text.count <= maximumLineLength { appendIndentation(line, to: &output) }
                output.append(contentsOf: text)
                output.append(contentsOf: newline)
            case .code:
                guard appendCode(line, column: columns[index], to: &output) else { return .failure(TooLongLine(line: line)) }
            }
        }
        return .success(output)
    }

    struct TooLongLine: Error {
        let line: LayoutLine
    }

    private func indentation(_ line: LayoutLine) -> Int {
        line.rawIndentation.map(\.count) ?? line.depth * indentWidth
    }

    private func appendIndentation(_ line: LayoutLine, to output: inout [UInt8]) {
        if let raw = line.rawIndentation {
            output.append(contentsOf: source[raw])
        } else {
            output.append(contentsOf: repeatElement(0x20, count: line.depth * indentWidth))
        }
    }

    private func appendCode(_ line: LayoutLine, column: Int?, to output: inout [UInt8]) -> Bool {
        let text = store[line.text]
        let indent = indentation(line)
        let limit = maximumLineLength
        guard let comment = line.comment.map({ source[$0] }) else {
            if text.count > limit { return false }
            if indent + text.count <= limit { appendIndentation(line, to: &output) }
            output.append(contentsOf: text)
            output.append(contentsOf: newline)
            return true
        }
        let aligned = column.map { max(1, $0 - indent - Self.displayWidth(text)) } ?? 1
        // Bytes beyond the display width (multi-byte characters) still count against the limit.
        for (keepIndent, gap) in [(true, aligned), (true, 1), (false, 1)] {
            let length = (keepIndent ? indent : 0) + text.count + gap + comment.count
            guard length <= limit else { continue }
            if keepIndent { appendIndentation(line, to: &output) }
            output.append(contentsOf: text)
            output.append(contentsOf: repeatElement(0x20, count: gap))
            output.append(contentsOf: comment)
            output.append(contentsOf: newline)
            return true
        }
        if text.count > limit || comment.count > limit { return false }
        // Printed exactly as a comment line of its own would be, so a second run changes nothing.
        if indent + comment.count <= limit { appendIndentation(line, to: &output) }
        output.append(contentsOf: comment)
        output.append(contentsOf: newline)
        if indent + text.count <= limit { appendIndentation(line, to: &output) }
        output.append(contentsOf: text)
        output.append(contentsOf: newline)
        return true
    }

    /// For each code line with a trailing comment: the display column its comment starts at.
    /// A run is a stretch of consecutive code lines with trailing comments and equal indentation.
    func commentColumns(_ lines: [LayoutLine]) -> [Int?] {
        var columns = [Int?](repeating: nil, count: lines.count)
        var runStart = 0
        while runStart < lines.count {
            guard lines[runStart].kind == .code, lines[runStart].comment != nil else {
                runStart += 1
                continue
            }
            let indent = indentation(lines[runStart])
            var runEnd = runStart
            var widest = 0
            while runEnd < lines.count, lines[runEnd].kind == .code, lines[runEnd].comment != nil,
                indentation(lines[runEnd]) == indent
            {
                widest = max(widest, indent + Self.displayWidth(store[lines[runEnd].text]))
                runEnd += 1
            }
            for index in runStart..<runEnd { columns[index] = widest + 1 }
            runStart = runEnd
        }
        return columns
    }

    /// Characters, not bytes: UTF-8 continuation bytes take no column.
    static func displayWidth(_ bytes: ArraySlice<UInt8>) -> Int {
        var width = 0
        for byte in bytes where byte & 0xC0 != 0x80 { width += 1 }
        return width
    }
}
