import KAConfig

/// The '}' of a block whose opening keyword keepalived did not know: keepalived ignored the
/// keyword and its '{', read the lines into the enclosing level, and now reads this '}' at the top
/// level, where it reports "Unknown keyword '}'". The binder finds these positions while it
/// replays keepalived's reading and records them as notes of its unknown-block finding
/// (KA202/KA215); this rule gives each one a finding of its own, on its own line.
struct StrayCloseBraceRule: LintRule {
    let rule = KeepalivedCheckCatalogue.strayCloseBrace

    /// The binder's notes at such a '}' all end quoting keepalived's message (a suffix test: a
    /// substring search per note was most of a run on a file of a million replayed braces).
    static let marker = "\"Unknown keyword '}'\""

    func check(_ node: LintNode) -> [Diagnostic] {
        var seen = Set<String>()
        var found: [Diagnostic] = []
        for diagnostic in node.bound.diagnostics {
            for note in diagnostic.related where note.message.hasSuffix(Self.marker) {
                guard seen.insert("\(note.file)\u{0}\(note.line)\u{0}\(note.column)").inserted else { continue }
                let span = SourceSpan(
                    file: note.file, start: SourceLocation(line: note.line, column: note.column),
                    end: SourceLocation(line: note.line, column: note.column + 1))
                found.append(Diagnostic(
                    rule,
                    "keepalived reads this '}' at the top level, where it closes nothing, and reports \"Unknown keyword '}'\": "
                        + "the block it was written for was ignored (see the unknown keyword at line \(diagnostic.line))",
                    at: span,
                    related: [RelatedLocation(
                        file: diagnostic.file, line: diagnostic.line, column: diagnostic.column,
                        message: "the ignored block starts here")]))
            }
        }
        return found
    }
}
