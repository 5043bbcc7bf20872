import KAConfig

/// kafmt's one canonical style for keepalived.conf, as a pure function of a file's syntax tree.
///
/// The style (no options): one statement per line; a block opens on its keyword's line
/// (`vrrp_instance VI_1 {`) and closes on a line of its own; four spaces per level; one space
/// between tokens; trailing comments stay on their line, one space after the code, aligned within
/// a run of consecutive lines at the same depth; own-line comments are indented like the code
/// around them; at most one blank line in a row; one blank line around top-level blocks; no
/// trailing blanks; one final newline. Comment characters (`!`, `#`) and the order of every
/// word are kept.
///
/// It works on the file view, never the expanded one, and never changes what keepalived reads:
/// - `$NAME=` definitions (and continuation lines), lines with `$` references, `~SEQ`/`~LST`
///   lines and `include` lines keep their text; only their indentation changes.
/// - A line with an `@id` prefix stays one line (keepalived drops or keeps the whole line).
/// - Lines with single quotes or backslashes in words keep their inner blanks (script keywords
///   re-read the raw line with shell-like quoting).
/// - Quoted strings are never touched; tokens that touch stay touching.
/// - Inside a multi-line definition a line of only blanks is kept as written, trailing blanks
///   and all: keepalived's parent process skips it while its children end the definition there.
/// - A file with CRLF line ends throughout keeps CRLF; any other file gets LF.
/// - A file with a syntax error (any KA1xx error) is refused, not formatted.
/// - The output is read as keepalived reads it, beside the input (`MeaningCheck`); a layout that
///   would read differently is refused as a kafmt bug.
public enum Formatter {
    public static let indentWidth = 4
    /// Files above this size (512 MiB) are refused.
    public static let maximumFileSize = 1 << 29

    /// The canonical bytes, once the readings of input and output agree (`MeaningCheck`); a
    /// layout that would change them is refused as a kafmt bug.
    public static func format(_ tree: SyntaxTree) -> FormatResult {
        let result = layout(tree)
        guard let bytes = result.bytes, bytes != tree.source.bytes else { return result }
        if let difference = MeaningCheck.firstDifference(original: tree, formatted: bytes) { return .refused([difference]) }
        return result
    }

    /// The layout alone, without the reading check: for `isFormatted` (kalint asks it of every
    /// file, where the check would double the cost) and for the fuzzer, which checks the
    /// promises itself and must see a broken one rather than a refusal.
    package static func layout(_ tree: SyntaxTree) -> FormatResult {
        let errors = tree.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { return .refused(errors) }
        // Layout offsets are 32-bit; no configuration comes near this.
        if tree.source.bytes.count > maximumFileSize {
            let end = tree.source.bytes.count
            return .refused([Diagnostic(
                SyntaxRules.unreadableFile, "the file is larger than kafmt formats (\(maximumFileSize) bytes)",
                at: tree.source.span(end..<end))])
        }
        var builder = LayoutBuilder(tree: tree)
        builder.build()
        let lines = BlankLines.normalize(builder.lines)
        let printer = LayoutPrinter(
            source: tree.source.bytes, store: builder.store, newline: newlineStyle(of: tree), indentWidth: indentWidth)
        switch printer.print(lines) {
        case .success(let bytes):
            return .formatted(bytes)
        case .failure(let tooLong):
            let origin = tooLong.line.comment?.lowerBound ?? 0
            let diagnostic = Diagnostic(layoutTooLong, layoutTooLongMessage, at: tree.source.span(origin..<origin))
            return .refused([diagnostic])
        }
    }

    /// The layout's own refusal of a line it cannot fit (the input parsed): keepalived's KA104
    /// code, since the reason is the same, but a rule of its own so that kafmt can tell it from
    /// a syntax error without reading the message.
    static let layoutTooLong = DiagnosticRule(
        code: SyntaxRules.lineTooLong.code, slug: "line-too-long-once-laid-out", severity: .error,
        summary: "A line of the canonical layout would be longer than keepalived reads; the file is left as it is.")

    static let layoutTooLongMessage =
        "kafmt cannot lay out this line within the \(keepalivedMaximumLineLength) bytes keepalived reads; the file is left as it is"

    /// Whether `diagnostic` is the layout's own refusal of a line it cannot fit.
    static func isLayoutTooLong(_ diagnostic: Diagnostic) -> Bool { diagnostic.rule == layoutTooLong }

    /// Parses and formats bytes named `path` (the name only appears in diagnostics).
    public static func format(path: String, bytes: [UInt8]) -> FormatResult {
        format(Parser.parse(path: path, bytes: bytes))
    }

    /// True when the file is already in canonical form, false when kafmt would change it, nil
    /// when kafmt refuses it. kalint and karun use this to tell a user that a file is not
    /// formatted, with exactly kafmt's code.
    public static func isFormatted(_ tree: SyntaxTree) -> Bool? {
        layout(tree).bytes.map { $0 == tree.source.bytes }
    }

    /// CRLF when every line of the file ends in CRLF, LF otherwise.
    static func newlineStyle(of tree: SyntaxTree) -> [UInt8] {
        var sawCRLF = false
        for token in tree.tokens where token.kind == .newline {
            if token.length == 1 { return [0x0A] }
            sawCRLF = true
        }
        return sawCRLF ? [0x0D, 0x0A] : [0x0A]
    }
}
