/// A statement of the bound tree, read in place. The model handlers take this instead of a
/// `BoundStatement`: handing the struct to a handler through a table copies it (a retain and a
/// release per field, ~370 instructions a statement), while each property here loads only the
/// field it reads.
struct StatementRef {
    let tree: BoundTree
    let index: Int

    var row: KeywordRow { tree.statements[index].row }
    var keyword: String { tree.statements[index].keyword }
    var words: WordList { tree.statements[index].words }
    /// The number of words, the keyword included.
    var wordCount: Int { tree.statements[index].words.count }
    var values: ArgumentValues { tree.statements[index].values }
    /// The line's text (script keywords re-split it).
    var lineText: String { tree.statements[index].text }
    var entries: [[ExpandedWord]] { tree.statements[index].entries }
    var block: Int? { tree.statements[index].block }
    var origin: Origin { tree.statements[index].origin }

    /// Word `index` of the line (0 = the keyword) as text.
    func word(_ position: Int) -> String? {
        let words = tree.statements[index].words
        return position < words.count ? words[position].text : nil
    }

    /// Calls `body` with each statement of the block this statement opened, in order.
    func forEachChild(_ body: (StatementRef) -> Void) {
        guard let block = tree.statements[index].block else { return }
        for child in tree.blocks[block].statements {
            body(StatementRef(tree: tree, index: child))
        }
    }

    func int(_ position: Int = 0) -> Int? {
        ArgumentReader.int(tree.statements[index].values, position, row: tree.statements[index].row)
    }

    func microseconds(_ position: Int = 0) -> Int? {
        ArgumentReader.microseconds(tree.statements[index].values, position, row: tree.statements[index].row)
    }

    var flag: Bool? { ArgumentReader.flag(wordCount: wordCount, values: tree.statements[index].values) }

    func text(_ position: Int = 0) -> String? {
        ArgumentReader.text(tree.statements[index].words, tree.statements[index].values, position)
    }

    func address(_ position: Int = 0) -> IPAddress? { ArgumentReader.address(tree.statements[index].values, position) }

    var argumentWords: [String] { tree.statements[index].words.dropFirst().map(\.text) }

    /// Value-block entries as words, else the argument words (what `other` keeps of a keyword).
    var otherWords: [String] {
        let entries = tree.statements[index].entries
        return entries.isEmpty ? argumentWords : entries.flatMap { $0.map(\.text) }
    }
}
