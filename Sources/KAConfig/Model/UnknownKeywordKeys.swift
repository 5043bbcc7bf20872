/// A word as a dictionary key compared and hashed as bytes, as keepalived compares words: a
/// `String`'s own hash normalises non-ASCII text first (a tenth of a run on a file that replays
/// many such words).
struct UTF8Key: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: Self, b: Self) -> Bool { a.text.hasSameUTF8(as: b.text) }

    func hash(into hasher: inout Hasher) { text.hashUTF8(into: &hasher) }
}

/// An unknown-keyword finding's rule and text; `correctCase` is the keyword a wrong-case word
/// means (its fix-it is made for each word, at its place).
struct UnknownKeywordText {
    let rule: DiagnosticRule
    let message: String
    let correctCase: String?

    /// What the text depends on.
    struct Key: Hashable {
        let keyword: UTF8Key
        /// The block's `RowTable` (one per block name in a walk).
        let table: ObjectIdentifier
        let atTop: Bool
        /// The enclosing block's name when the word opens a trap, else nil.
        let trapInto: String?
    }
}

/// What an unknown-keyword finding depends on: the same word at the same place in the same
/// block gives the same finding.
struct UnknownKeywordReport: Hashable {
    let origin: Origin
    let keyword: UTF8Key
    let block: String
    let atTop: Bool
}
