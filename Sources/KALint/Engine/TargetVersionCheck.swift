import KAConfig

/// `--target-version X.Y.Z`: every statement whose keyword the schema marks as newer is reported.
enum TargetVersionCheck {
    static func check(_ node: LintNode, target: String) -> [Diagnostic] {
        let wanted = KeepalivedVersion(target)
        let tree = node.bound.tree
        // Each schema row's version is read once, not once per statement.
        let keywords = node.facts.keywords
        let newer = keywords.indices(ofRows: keywords.rows.filter { KeepalivedVersion($0.row.spec.since) > wanted })
        return newer.map { index in
            let statement = tree.statements[index]
            return Diagnostic(
                LintRuleCatalogue.keywordTooNew,
                "'\(statement.keyword)' needs keepalived \(statement.spec.since) or later; the target is \(target)",
                at: statement.words[0].origin.span)
        }
    }
}

/// A dotted version, compared numerically (`2.2.10 > 2.2.7`).
public struct KeepalivedVersion: Sendable, Comparable, CustomStringConvertible {
    public var parts: [Int]

    /// The version whose behaviour the tools reproduce (and the target when none is given).
    public static let checked = KeepalivedVersion("2.2.7")

    public init(_ text: String) {
        parts = text.split(separator: ".").map { Int($0.prefix { $0.isNumber }) ?? 0 }
        while parts.count < 3 { parts.append(0) }
    }

    public var description: String { parts.map(String.init).joined(separator: ".") }

    public static func < (lhs: KeepalivedVersion, rhs: KeepalivedVersion) -> Bool {
        lhs.parts.lexicographicallyPrecedes(rhs.parts)
    }
}
