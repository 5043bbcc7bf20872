// Generated from docs/rules/*.md by `scripts/regen-rule-docs.sh`. Do not edit.
enum RuleDocsData {
    static let pages: [String: String] = [:]
}
