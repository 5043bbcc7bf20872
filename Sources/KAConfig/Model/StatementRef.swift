/// A statement of the bound tree, read in place. The model handlers take this instead of a
/// `BoundStatement`: handing the struct to a handler through a table copies it (a retain and a
/// release per field, ~370 instructions a statement), while each property here loads only the
/// field it reads. It reads the tree through buffer pointers (holding the tree's arrays would
/// cost two retains and releases per statement), so it lives only inside `BoundTree.withRefs`.
/// Lint rules that walk every instance read their statements through it for the same reason.
package struct StatementRef {
    let statements: UnsafeBufferPointer<BoundStatement>
    let children: BlockIndexReader
    let index: Int

    package var row: KeywordRow { statements[index].row }
    /// The row's identity as a number, read without a reference (see `BoundTree.rowAddress`).
    var rowAddress: UInt {
        BoundTree.rowAddress(of: UnsafeRawPointer(statements.baseAddress! + index))
    }
    /// The keyword, read through the lent row (no reference count).
    package var keyword: String { withRow { $0.name } }
    package var words: WordList { statements[index].words }
    /// The number of words, the keyword included.
    package var wordCount: Int { statements[index].words.count }
    package var values: ArgumentValues { statements[index].values }
    /// The line's text (script keywords re-split it).
    var lineText: String { statements[index].text }
    package var entries: [WordList] { statements[index].entries }
    /// Calls `body` with each value-block entry, in order, without making their array.
    package func forEachEntry(_ body: (WordList) -> Void) { statements[index].forEachEntry(body) }
    var block: Int? { statements[index].block }
    var origin: Origin { statements[index].origin }

    /// Word `index` of the line (0 = the keyword) as text.
    package func word(_ position: Int) -> String? {
        let words = statements[index].words
        return position < words.count ? words[position].text : nil
    }

    /// Calls `body` with each statement of the block this statement opened, in order.
    func forEachChild(_ body: (StatementRef) -> Void) {
        guard let block = statements[index].block else { return }
        children.forEach(inBlock: block) { child in body(StatementRef(statements: statements, children: children, index: child)) }
    }

    package func int(_ position: Int = 0) -> Int? {
        withRow { ArgumentReader.int(statements[index].words, position, row: $0) }
    }

    package func microseconds(_ position: Int = 0) -> Int? {
        withRow { ArgumentReader.microseconds(statements[index].words, position, row: $0) }
    }

    /// Calls `body` with the statement's row, lent without a reference count: the statement,
    /// which the tree holds while this reference lives, holds the row (taking `row` retains and
    /// releases it, and every statement of a keyword shares the one row).
    @inline(__always)
    package func withRow<Result>(_ body: (KeywordRow) -> Result) -> Result {
        Unmanaged<KeywordRow>.fromOpaque(UnsafeRawPointer(bitPattern: rowAddress)!)._withUnsafeGuaranteedRef(body)
    }

    var flag: Bool? { ArgumentReader.flag(wordCount: wordCount, values: statements[index].values) }

    func text(_ position: Int = 0) -> String? {
        ArgumentReader.text(statements[index].words, statements[index].values, position)
    }

    package func address(_ position: Int = 0) -> IPAddress? { ArgumentReader.address(statements[index].values, position) }

    var argumentWords: [String] { statements[index].words.dropFirst().map { $0.text } }

    /// Value-block entries as words, else the argument words (what `other` keeps of a keyword).
    var otherWords: [String] {
        let entries = statements[index].entries
        return entries.isEmpty ? argumentWords : entries.flatMap { $0.map { $0.text } }
    }
}

extension BoundTree {
    /// Calls `body` with a function that makes the `StatementRef` of a statement index (checked
    /// against the statements: the reference reads through an unchecked pointer); the
    /// references must not outlive the call.
    package func withRefs<Result>(_ body: ((Int) -> StatementRef) -> Result) -> Result {
        statements.withUnsafeBufferPointer { statements in
            withBlockIndices { children in
                body {
                    precondition($0 >= 0 && $0 < statements.count, "statement index out of range")
                    return StatementRef(statements: statements, children: children, index: $0)
                }
            }
        }
    }
}

extension BoundTree {
    /// Where a statement's `head` reference (its row, or the box that holds it) and its
    /// `storedEnd` (with the `headIsRare` bit) sit in it: literals, so reading them costs no lazy
    /// global's check (a test holds them to `MemoryLayout`'s offsets).
    static let headOffset = 0
    static let endOffset = 28

    /// The row's address of the statement at `statement`, read as a number: its head, or the
    /// row the `RareStatementParts` box there holds.
    @inline(__always)
    static func rowAddress(of statement: UnsafeRawPointer) -> UInt {
        let head = statement.load(fromByteOffset: headOffset, as: UInt.self)
        guard statement.load(fromByteOffset: endOffset, as: UInt32.self) & BoundStatement.rareBit != 0 else { return head }
        return Unmanaged<RareStatementParts>.fromOpaque(UnsafeRawPointer(bitPattern: head)!)._withUnsafeGuaranteedRef { $0.rowAddress }
    }

    /// The address of statement `index`'s schema row, read as a number: its identity without a
    /// reference to it. Taking `statements[index].row` retains and releases the row, and every
    /// statement of one keyword shares it: a pass over all statements paid about 18 ns a
    /// statement on the 2-core build VM, and two threads doing it at once far more.
    package func rowAddress(ofStatement index: Int) -> UInt {
        precondition(index >= 0 && index < statements.count, "statement index out of range")
        return statements.withUnsafeBytes { raw in
            Self.rowAddress(of: raw.baseAddress! + index * MemoryLayout<BoundStatement>.stride)
        }
    }
}
