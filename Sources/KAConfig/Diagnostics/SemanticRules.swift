/// KA2xx: what binding one configuration finds: keyword lookup per block level, arguments, block
/// structure as keepalived 2.2.7's keyword processor sees it, names and references.
public enum SemanticRules {
    public static let unknownKeyword = DiagnosticRule(
        code: "KA201", slug: "unknown-keyword", severity: .error,
        summary: "A keyword that keepalived 2.2.7 does not know at this block level; it reports \"Unknown keyword\" and ignores the line.")
    public static let unknownBlockKeyword = DiagnosticRule(
        code: "KA202", slug: "unknown-block-keyword", severity: .error,
        summary: "An unknown keyword opens a block: keepalived reads the block's lines into the enclosing block and its '}' closes the enclosing block.")
    public static let extraArguments = DiagnosticRule(
        code: "KA203", slug: "extra-arguments", severity: .warning,
        summary: "Words after the arguments a keyword takes; keepalived reads one keyword per line and ignores them.")
    public static let wrongCase = DiagnosticRule(
        code: "KA204", slug: "wrong-case", severity: .error,
        summary: "Keywords and enumerated values are case-sensitive in keepalived.")
    public static let invalidNumber = DiagnosticRule(
        code: "KA205", slug: "invalid-number", severity: .error,
        summary: "A number keepalived cannot read; keepalived -t rejects it and the default is kept.")
    public static let trailingJunk = DiagnosticRule(
        code: "KA206", slug: "trailing-junk", severity: .error,
        summary: "A number followed by other characters (`1s`); keepalived -t rejects the value and keeps the default.")
    public static let valueOutOfRange = DiagnosticRule(
        code: "KA207", slug: "value-out-of-range", severity: .error,
        summary: "A number outside the range keepalived accepts; the value is ignored and the default is used.")
    public static let missingArgument = DiagnosticRule(
        code: "KA208", slug: "missing-argument", severity: .error,
        summary: "A keyword without a required argument; keepalived reports a missing parameter and exits with status 2 (64 keywords are only ignored).")
    public static let deprecatedKeyword = DiagnosticRule(
        code: "KA209", slug: "deprecated-keyword", severity: .warning,
        summary: "A keyword that has a newer replacement.")
    public static let notABlock = DiagnosticRule(
        code: "KA210", slug: "not-a-block", severity: .error,
        summary: "A '{' after a keyword that opens no block: keepalived ignores the '{', reads the lines into the enclosing block, and the '}' closes the enclosing block.")
    public static let missingBlock = DiagnosticRule(
        code: "KA211", slug: "missing-block", severity: .error,
        summary: "A block keyword not followed by '{' (keepalived: \"Missing '{' at beginning of configuration block\").")
    public static let duplicateName = DiagnosticRule(
        code: "KA212", slug: "duplicate-name", severity: .error,
        summary: "A named block whose name is already defined; keepalived skips the whole block.")
    public static let keywordNotIn227 = DiagnosticRule(
        code: "KA213", slug: "keyword-not-in-227", severity: .error,
        summary: "A keyword of a newer keepalived; keepalived 2.2.7 reports it as unknown.")
    public static let invalidAddress = DiagnosticRule(
        code: "KA214", slug: "invalid-address", severity: .error,
        summary: "An IP address or prefix keepalived cannot parse.")
    public static let missingName = DiagnosticRule(
        code: "KA215", slug: "missing-name", severity: .error,
        summary: "A block that needs exactly one name has none or several; keepalived skips the block.")
    public static let invalidValue = DiagnosticRule(
        code: "KA216", slug: "invalid-value", severity: .error,
        summary: "A value that is not one of the words the keyword accepts.")
    public static let unresolvedReference = DiagnosticRule(
        code: "KA217", slug: "undefined-reference", severity: .error,
        summary: "A track_script, track_file, track_process, track_bfd, checker or sync-group reference that names nothing keepalived finds (trackers must be defined above their user).")
    public static let invalidScript = DiagnosticRule(
        code: "KA218", slug: "invalid-script", severity: .error,
        summary: "A script command line keepalived cannot split (unterminated quote, trailing backslash).")

    public static let all: [DiagnosticRule] = [
        unknownKeyword, unknownBlockKeyword, extraArguments, wrongCase, invalidNumber, trailingJunk, valueOutOfRange,
        missingArgument, deprecatedKeyword, notABlock, missingBlock, duplicateName, keywordNotIn227, invalidAddress,
        missingName, invalidValue, unresolvedReference, invalidScript,
    ]
}
