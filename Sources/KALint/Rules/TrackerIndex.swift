import KAConfig

/// Tracker definitions (vrrp_script, track_file, vrrp_track_process, bfd_instance) and every
/// line that names one, in reading order: what `undefined-reference` and `unused-script` compare.
struct TrackerIndex: Sendable {
    enum Kind: String, CaseIterable {
        case script = "vrrp_script"
        case file = "track_file"
        case process = "vrrp_track_process"
        case bfd = "bfd_instance"

        /// The words keepalived 2.2.7 uses in its "not found" messages.
        var trackWords: String {
            switch self {
            case .script: "track script"
            case .file: "track file"
            case .process: "track process"
            case .bfd: "track bfd"
            }
        }
    }

    struct Definition {
        var kind: Kind
        var name: String
        /// Index of the defining block's opener statement.
        var statement: Int
        var nameWord: ExpandedWord
    }

    /// One line naming a tracker: 48 bytes (one a tracked instance, 20,000 at 20,000 instances),
    /// its statement and block in 32 bits and its name read off its word.
    struct Reference {
        var kind: Kind
        /// true: a checker's reference (FILE_CHECK track_file, BFD_CHECK name), which the binder does not check.
        var isChecker: Bool
        var word: ExpandedWord
        private var storedStatement: Int32
        /// -1: none.
        private var storedOwner: Int32

        init(kind: Kind, word: ExpandedWord, statement: Int, owner: Int?, isChecker: Bool) {
            self.kind = kind
            self.isChecker = isChecker
            self.word = word
            storedStatement = Int32(truncatingIfNeeded: statement)
            storedOwner = owner.map { Int32(truncatingIfNeeded: $0) } ?? -1
        }

        /// The tracker's name as written.
        var name: String { word.text }
        /// Index of the statement holding the reference.
        var statement: Int { Int(storedStatement) }
        /// The block the reference is in (vrrp_instance, vrrp_sync_group, FILE_CHECK, BFD_CHECK).
        var owner: Int? { storedOwner < 0 ? nil : Int(storedOwner) }
    }

    /// First definition per kind and name (keepalived skips a duplicate name).
    var definitions: [Kind: [String: Definition]] = [:]
    var references: [Reference] = []

    static let definingKeywords: [String: Kind] = [
        "vrrp_script": .script, "track_file": .file, "vrrp_track_file": .file, "vrrp_track_process": .process,
        "bfd_instance": .bfd,
    ]
    static let referencingKeywords: [String: Kind] = [
        "track_script": .script, "track_file": .file, "track_process": .process, "track_bfd": .bfd,
    ]
    static let owners: Set<String> = ["vrrp_instance", "vrrp_sync_group"]
    static let checkers: Set<String> = ["FILE_CHECK", "BFD_CHECK"]

    /// Every keyword the index looks at: other statements are skipped without being copied.
    static let interestingKeywords: Set<String> = Set(definingKeywords.keys).union(referencingKeywords.keys).union(["name"])

    init(_ tree: BoundTree, context: StatementContext, keywords: KeywordIndex? = nil) {
        let candidates = keywords?.indices(ofKeywords: Self.interestingKeywords) ?? Array(tree.statements.indices)
        // Most candidates name one tracker: sized once rather than grown by doubling.
        if keywords != nil { references.reserveCapacity(candidates.count) }
        for index in candidates {
            guard Self.interestingKeywords.contains(tree.statements[index].row.name) else { continue }
            let statement = tree.statements[index]
            // `row.kind`, not `spec.kind`: reading `spec` copies the whole schema row.
            let kind = statement.row.kind
            if context.isTopLevel(index), case .block = kind,
                let kind = Self.definingKeywords[statement.keyword], statement.words.count > 1
            {
                let name = statement.words[1].text
                if definitions[kind, default: [:]][name] == nil {
                    definitions[kind, default: [:]][name] = Definition(
                        kind: kind, name: name, statement: index, nameWord: statement.words[1])
                }
                continue
            }
            if case .valueBlock = kind, let kind = Self.referencingKeywords[statement.keyword] {
                let owner = context.enclosing(index, keywords: Self.owners)
                statement.forEachEntry { entry in
                    guard let word = entry.first else { return }
                    references.append(Reference(
                        kind: kind, word: word, statement: index, owner: owner, isChecker: false))
                }
                continue
            }
            guard case .value = kind, statement.words.count > 1 else { continue }
            let checker = context.enclosing(index, keywords: Self.checkers)
            if statement.keyword == "track_file", let checker, tree.statements[checker].keyword == "FILE_CHECK" {
                references.append(Reference(
                    kind: .file, word: statement.words[1], statement: index,
                    owner: checker, isChecker: true))
            } else if statement.keyword == "name", let checker, tree.statements[checker].keyword == "BFD_CHECK" {
                references.append(Reference(
                    kind: .bfd, word: statement.words[1], statement: index,
                    owner: checker, isChecker: true))
            }
        }
    }

    func definition(of reference: Reference) -> Definition? { definitions[reference.kind]?[reference.name] }
}
