import KAConfig

/// An HTTP_GET/SSL_GET `digest` that is not 32 characters (an MD5 in hex): keepalived 2.2.7
/// reports "digest 'WORD' character length should be 32 rather than N" and the url gets no digest.
struct DigestLengthRule: LintRule {
    let rule = KeepalivedCheckCatalogue.digestLength

    func check(_ node: LintNode) -> [Diagnostic] {
        node.statements(withKeywords: ["digest"]).compactMap { statement in
            guard statement.words.count > 1 else { return nil }
            let word = statement.words[1]
            let length = word.text.utf8.count
            guard length != 32 else { return nil }
            return Diagnostic(
                rule,
                "digest '\(word.text)' is \(length) characters, not the 32 hex digits of an MD5: keepalived 2.2.7 reports "
                    + "\"digest '\(word.text)' character length should be 32 rather than \(length)\" and the url is checked without it",
                at: word.origin.span)
        }
    }
}
