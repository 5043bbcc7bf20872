/// KA1xx: what the line reader and the block structure find, before any keyword is looked at.
public enum SyntaxRules {
    public static let unterminatedQuote = DiagnosticRule(
        code: "KA101", slug: "unterminated-quote", severity: .error,
        summary: "A double quote is never closed on its line; keepalived drops the rest of the line.")
    public static let extraCloseBrace = DiagnosticRule(
        code: "KA102", slug: "extra-close-brace", severity: .error,
        summary: "A '}' closes no block (keepalived: \"Extra '}' found\").")
    public static let missingCloseBrace = DiagnosticRule(
        code: "KA103", slug: "missing-close-brace", severity: .error,
        summary: "A '{' is never closed before the end of the file.")
    public static let lineTooLong = DiagnosticRule(
        code: "KA104", slug: "line-too-long", severity: .error,
        summary: "keepalived reads at most 1022 bytes of a line; it ignores the first 1023 and reads the rest as a new line.")
    public static let embeddedNul = DiagnosticRule(
        code: "KA105", slug: "embedded-nul", severity: .error,
        summary: "The line contains a NUL byte; keepalived ignores the line.")
    public static let unexpectedOpenBrace = DiagnosticRule(
        code: "KA106", slug: "unexpected-open-brace", severity: .error,
        summary: "A '{' follows no keyword (keepalived: \"Unexpected '{' - ignoring\").")
    public static let invalidSequence = DiagnosticRule(
        code: "KA107", slug: "invalid-sequence", severity: .error,
        summary: "A ~SEQ or ~LST specification keepalived cannot use; the line is dropped.")
    public static let includeNotFound = DiagnosticRule(
        code: "KA108", slug: "include-not-found", severity: .warning,
        summary: "An include pattern matches no readable file.")
    public static let includeCycle = DiagnosticRule(
        code: "KA109", slug: "include-cycle", severity: .error,
        summary: "A file includes itself, directly or through others; keepalived would loop.")
    public static let includeDepth = DiagnosticRule(
        code: "KA110", slug: "include-depth", severity: .error,
        summary: "Includes nest deeper than the limit.")
    public static let lineContinuation = DiagnosticRule(
        code: "KA111", slug: "line-continuation", severity: .error,
        summary: "A trailing '\\' does not continue a line outside a $NAME= definition; it becomes part of the last word.")
    public static let emptyConditional = DiagnosticRule(
        code: "KA112", slug: "empty-conditional", severity: .warning,
        summary: "An @id prefix with nothing after it; keepalived drops the line.")
    public static let undefinedParameter = DiagnosticRule(
        code: "KA113", slug: "undefined-parameter", severity: .warning,
        summary: "A ${NAME} reference to nothing defined stays literal; its braces then split the line.")
    public static let substitutionTooLong = DiagnosticRule(
        code: "KA114", slug: "substitution-too-long", severity: .error,
        summary: "Parameter substitution would make the line longer than keepalived's 1024-byte buffer.")
    public static let invalidDefinition = DiagnosticRule(
        code: "KA115", slug: "invalid-definition", severity: .error,
        summary: "A parameter definition or built-in parameter keepalived cannot use.")
    public static let includeNotRegular = DiagnosticRule(
        code: "KA116", slug: "include-not-regular", severity: .warning,
        summary: "An included path is a directory or an executable file; keepalived skips it.")
    public static let unreadableFile = DiagnosticRule(
        code: "KA117", slug: "unreadable-file", severity: .error,
        summary: "A configuration file cannot be read.")
    public static let expansionLimit = DiagnosticRule(
        code: "KA118", slug: "expansion-limit", severity: .error,
        summary: "Expansion produced more lines than the limit (a huge ~SEQ or a self-replaying definition); keepalived would run on or hang.")
    public static let childProcessReread = DiagnosticRule(
        code: "KA119", slug: "child-process-reread", severity: .warning,
        summary: "keepalived 2.2.7's VRRP and checker processes re-read a decommented copy of the configuration and see this line differently (an escaped '#', a comment line inside a multi-line definition, an include that is not alone on its line).")

    public static let all: [DiagnosticRule] = [
        unterminatedQuote, extraCloseBrace, missingCloseBrace, lineTooLong, embeddedNul, unexpectedOpenBrace,
        invalidSequence, includeNotFound, includeCycle, includeDepth, lineContinuation, emptyConditional,
        undefinedParameter, substitutionTooLong, invalidDefinition, includeNotRegular, unreadableFile, expansionLimit,
        childProcessReread,
    ]
}
