import KAConfig

/// Where keepalived finishes reading a block: its end handlers (and a value block's reader) run
/// when they meet the block's '}', so keepalived names that line in their messages.
/// A class so that the index is built on the first question only: most nodes never ask.
final class BlockEnds {
    private let lines: [LogicalLine]
    /// (file, line, column) of each logical line's first word -> its index.
    private lazy var indexByPosition: [Position: Int] = {
        var index: [Position: Int] = [:]
        for (position, line) in lines.enumerated() {
            let key = Position(file: line.origin.file, line: line.origin.line, column: line.origin.column)
            if index[key] == nil { index[key] = position }
        }
        return index
    }()

    private struct Position: Hashable {
        var file: String
        var line: Int
        var column: Int
    }

    init(_ lines: [LogicalLine]) {
        self.lines = lines
    }

    /// The '}' that ends the block `opener` opened, for blocks without sub-blocks (vrrp_script,
    /// MISC_CHECK, value blocks): keepalived ends them at the first '}' it reads, even one that
    /// was meant to close an ignored `{` inside.
    func closingBrace(of opener: BoundStatement) -> Origin? {
        let origin = opener.words.first?.origin ?? opener.origin
        guard let start = indexByPosition[Position(file: origin.file, line: origin.line, column: origin.column)]
        else { return nil }
        var index = start + 1
        while index < lines.count {
            if lines[index].kind == .closeBrace { return lines[index].origin }
            index += 1
        }
        return nil
    }
}
