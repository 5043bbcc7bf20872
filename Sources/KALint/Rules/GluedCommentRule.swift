import KAConfig

/// A `!` or `#` glued to a word: keepalived 2.2.7 starts a comment there, in the middle of the
/// word, and says nothing (`auth_pass Secr3tP@ssw0rd!` gives the password `Secr3tP@ssw0rd`).
/// Read from each file's token stream: a comment token right after a word token.
struct GluedCommentRule: LintRule {
    let rule = LintRuleCatalogue.gluedComment

    func check(_ node: LintNode) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for path in node.expanded.files.keys.sorted() {
            guard let tree = node.expanded.files[path] else { continue }
            let tokens = tree.tokens
            for index in tokens.indices.dropFirst() where tokens[index].kind == .comment && tokens[index - 1].kind == .word {
                let read = String(decoding: tree.bytes(of: index - 1), as: UTF8.self)
                let comment = tree.bytes(of: index)
                let marker = String(decoding: comment.prefix(1), as: UTF8.self)
                let lost = String(decoding: comment.prefix { $0 != 0x20 && $0 != 0x09 }, as: UTF8.self)
                let start = tokens[index].start
                found.append(Diagnostic(
                    rule,
                    "'\(marker)' glued to '\(read)\(lost)' starts a comment: keepalived 2.2.7 reads '\(read)' and ignores the rest of the line; put a blank before '\(marker)' if a comment was meant",
                    at: tree.source.span(start..<start + 1)))
            }
        }
        return found
    }
}
