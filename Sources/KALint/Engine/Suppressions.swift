import KAConfig

/// Inline suppressions written in comments:
/// - `# kalint disable=SLUG[,SLUG]` on the line of a finding or on the line before it;
/// - `# kalint disable-file=SLUG[,SLUG]` anywhere in a file: the whole file.
/// Codes (`KA201`) work as well as slugs; `all` suppresses everything.
public struct Suppressions: Sendable {
    /// file -> line -> suppressed ids on that line.
    private var byLine: [String: [Int: Set<String>]] = [:]
    private var byFile: [String: Set<String>] = [:]

    public init() {}

    public init(files: some Swift.Sequence<ExpandedFile>) {
        for file in files { add(file) }
    }

    public mutating func add(_ file: ExpandedFile) {
        let path = file.source.path
        for comment in file.comments where comment.mayBeDirective {
            guard let directive = Self.parse(file.source.text(comment.range)) else { continue }
            switch directive.scope {
            case .file:
                byFile[path, default: []].formUnion(directive.ids)
            case .line:
                let line = file.source.location(of: comment.range.lowerBound).line
                // The comment's own line, and the line after it (a comment on the line before).
                byLine[path, default: [:]][line, default: []].formUnion(directive.ids)
                byLine[path, default: [:]][line + 1, default: []].formUnion(directive.ids)
            }
        }
    }

    enum Scope { case line, file }

    static func parse(_ comment: String) -> (scope: Scope, ids: Set<String>)? {
        var body = comment.drop { $0 == "#" || $0 == "!" }.drop { $0 == " " || $0 == "\t" }
        guard body.hasPrefix("kalint") else { return nil }
        body = body.dropFirst("kalint".count).drop { $0 == " " || $0 == "\t" }
        let scope: Scope
        if body.hasPrefix("disable-file=") {
            scope = .file
            body = body.dropFirst("disable-file=".count)
        } else if body.hasPrefix("disable=") {
            scope = .line
            body = body.dropFirst("disable=".count)
        } else {
            return nil
        }
        let list = body.prefix { $0 != " " && $0 != "\t" }
        let ids = Set(list.split(separator: ",").map { String($0) }.filter { !$0.isEmpty })
        return ids.isEmpty ? nil : (scope, ids)
    }

    public func isSuppressed(_ diagnostic: Diagnostic) -> Bool {
        // Most files suppress nothing: no lookup, and no set per finding.
        if byFile.isEmpty && byLine.isEmpty { return false }
        func names(_ ids: Set<String>) -> Bool {
            ids.contains(diagnostic.rule.slug) || ids.contains(diagnostic.rule.code) || ids.contains("all")
        }
        if let fileIDs = byFile[diagnostic.span.file], names(fileIDs) { return true }
        if let lineIDs = byLine[diagnostic.span.file]?[diagnostic.span.start.line], names(lineIDs) { return true }
        return false
    }
}
