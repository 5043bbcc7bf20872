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
    /// its statement, block and definition in 32 bits and its name read off its word.
    struct Reference {
        var word: ExpandedWord
        private var storedStatement: Int32
        /// -1: none.
        private var storedOwner: Int32
        /// The definition's position in `definitionList`, -1 for none (resolved once, when the
        /// index is made, rather than looked up by each rule).
        fileprivate var storedDefinition: Int32 = -1
        var kind: Kind
        /// true: a checker's reference (FILE_CHECK track_file, BFD_CHECK name), which the binder does not check.
        var isChecker: Bool

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
    private(set) var definitions: [Kind: [String: Definition]] = [:]
    private(set) var references: [Reference] = []
    /// Every definition kept, in reading order (what a reference's `storedDefinition` indexes).
    private var definitionList: [Definition] = []

    static let owners = ["vrrp_instance", "vrrp_sync_group"]
    static let checkers = ["FILE_CHECK", "BFD_CHECK"]

    /// What the index does with a statement of each keyword it looks at (a `switch` over a few
    /// short names: the sets and dictionaries it replaced hashed every candidate's keyword up to
    /// three times).
    enum Interest {
        case defining(Kind)
        /// A `track_file` line can define (top level), reference (value block) or, inside a
        /// FILE_CHECK, name a checker's file.
        case definingOrReferencing(Kind)
        case referencing(Kind)
        /// `name` inside a BFD_CHECK.
        case checkerName
    }

    static func interest(_ keyword: String) -> Interest? {
        switch keyword {
        case "vrrp_script": .defining(.script)
        case "track_file": .definingOrReferencing(.file)
        case "vrrp_track_file": .defining(.file)
        case "vrrp_track_process": .defining(.process)
        case "bfd_instance": .defining(.bfd)
        case "track_script": .referencing(.script)
        case "track_process": .referencing(.process)
        case "track_bfd": .referencing(.bfd)
        case "name": .checkerName
        default: nil
        }
    }

    /// Every keyword the index looks at (the schema's names `interest` reads): other statements
    /// are skipped without being copied.
    static let interestingKeywords = Set(KeepalivedSchema.allKeywordNames.filter { interest($0) != nil })

    init(_ tree: BoundTree, context: StatementContext, keywords: KeywordIndex? = nil) {
        let candidates = keywords?.indices(ofKeywords: Self.interestingKeywords) ?? Array(tree.statements.indices)
        // Most candidates name one tracker: sized once rather than grown by doubling.
        if keywords != nil { references.reserveCapacity(candidates.count) }
        // Definition positions by kind (`Kind.position`) and name.
        var positions = [[String: Int32]](repeating: [:], count: Kind.allCases.count)
        tree.withRefs { ref in tree.withBlockIndices { lists in
            for index in candidates {
                let statement = ref(index)
                let keyword = statement.keyword
                guard let interest = Self.interest(keyword) else { continue }
                // The row's kind read through the lent row (no copy of the row's enumeration).
                let (isBlock, isValueBlock, isValue) = statement.withRow { row in
                    switch row.kind {
                    case .block: (true, false, false)
                    case .valueBlock: (false, true, false)
                    case .value: (false, false, true)
                    default: (false, false, false)
                    }
                }
                switch interest {
                case .defining(let kind), .definingOrReferencing(let kind):
                    if context.isTopLevel(index), isBlock, statement.wordCount > 1 {
                        let name = statement.words[1].text
                        if positions[kind.position][name] == nil {
                            positions[kind.position][name] = Int32(truncatingIfNeeded: definitionList.count)
                            definitionList.append(Definition(kind: kind, name: name, statement: index, nameWord: statement.words[1]))
                        }
                        continue
                    }
                default:
                    break
                }
                switch interest {
                case .referencing(let kind), .definingOrReferencing(let kind):
                    if isValueBlock {
                        let owner = context.enclosing(index, keywords: Self.owners, ref: ref, lists: lists)
                        statement.forEachEntry { entry in
                            guard let word = entry.first else { return }
                            references.append(Reference(kind: kind, word: word, statement: index, owner: owner, isChecker: false))
                        }
                        continue
                    }
                default:
                    break
                }
                guard isValue, statement.wordCount > 1 else { continue }
                let isFile = keyword == "track_file"
                guard isFile || keyword == "name", let checker = context.enclosing(index, keywords: Self.checkers, ref: ref, lists: lists) else { continue }
                let checkerKeyword = ref(checker).keyword
                if isFile, checkerKeyword == "FILE_CHECK" {
                    references.append(Reference(
                        kind: .file, word: statement.words[1], statement: index, owner: checker, isChecker: true))
                } else if !isFile, checkerKeyword == "BFD_CHECK" {
                    references.append(Reference(
                        kind: .bfd, word: statement.words[1], statement: index, owner: checker, isChecker: true))
                }
            }
        } }
        // Each reference's definition, looked up once here (references may come before it).
        for position in references.indices {
            let kind = references[position].kind
            references[position].storedDefinition = positions[kind.position][references[position].name] ?? -1
        }
        for definition in definitionList {
            definitions[definition.kind, default: [:]][definition.name] = definition
        }
    }

    /// The first definition of the tracker `reference` names.
    func definition(of reference: Reference) -> Definition? {
        reference.storedDefinition < 0 ? nil : definitionList[Int(reference.storedDefinition)]
    }

    /// The statement of the first definition of the tracker that reference `position` names,
    /// read without copying the reference or the definition.
    func definitionStatement(ofReference position: Int) -> Int? {
        let stored = references[position].storedDefinition
        return stored < 0 ? nil : definitionList[Int(stored)].statement
    }
}

extension TrackerIndex.Kind {
    /// The kind's position in `allCases`.
    var position: Int {
        switch self {
        case .script: 0
        case .file: 1
        case .process: 2
        case .bfd: 3
        }
    }
}
