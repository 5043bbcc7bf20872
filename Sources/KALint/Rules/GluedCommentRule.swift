import KAConfig

/// A `!` or `#` glued to a word: keepalived 2.2.7 starts a comment there, in the middle of the
/// word, and says nothing (`auth_pass Secr3tP@ssw0rd!` gives the password `Secr3tP@ssw0rd`).
/// Read from each file's comments: a comment token right after a word token.
struct GluedCommentRule: LintRule {
    let rule = LintRuleCatalogue.gluedComment

    func check(_ node: LintNode) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for path in node.expanded.files.keys.sorted() {
            guard let file = node.expanded.files[path] else { continue }
            for comment in file.comments {
                guard let word = comment.gluedWord else { continue }
                // Read one by one: few comments are glued, and a released source reads them back.
                let read = file.source.text(word)
                let text = file.source.bytes(in: comment.range)
                let marker = String(decoding: text.prefix(1), as: UTF8.self)
                let lost = String(decoding: text.prefix { $0 != 0x20 && $0 != 0x09 }, as: UTF8.self)
                let start = comment.range.lowerBound
                found.append(Diagnostic(
                    rule,
                    "'\(marker)' glued to '\(read)\(lost)' starts a comment: keepalived 2.2.7 reads '\(read)' and ignores the rest of the line; put a blank before '\(marker)' if a comment was meant",
                    at: file.source.span(start..<start + 1)))
            }
        }
        return found
    }
}
