import KAConfig

/// The names a configuration defines and uses, read from the bound statements (the expanded
/// view, so a name in an included file is found), each with the bytes of the word in its file:
/// what go-to-definition, find-references and name completion look up.
struct NameIndex {
    enum Kind: Hashable {
        /// What a schema reference argument names (a vrrp_script, a vrrp_instance, ...).
        case object(ReferenceKind)
        case syncGroup
        /// Interfaces are not defined anywhere: every use is a reference.
        case interface

        /// The keyword that defines such a name ("interface" for interfaces).
        var rawValue: String {
            switch self {
            case .object(let kind): return kind.rawValue
            case .syncGroup: return "vrrp_sync_group"
            case .interface: return "interface"
            }
        }
    }

    struct Occurrence: Hashable {
        var kind: Kind
        var name: String
        var file: String
        var bytes: Range<Int>
        var isDefinition: Bool
    }

    private(set) var occurrences: [Occurrence] = []

    /// Block keywords whose name word defines a name (`vrrp_track_file` is `track_file`'s old spelling).
    static let definingKeywords: [String: Kind] = {
        var keywords = Dictionary(uniqueKeysWithValues: ReferenceKind.allCases.map { ($0.rawValue, Kind.object($0)) })
        keywords["vrrp_track_file"] = .object(.trackFile)
        keywords["vrrp_sync_group"] = .syncGroup
        return keywords
    }()

    /// Value blocks whose entries start with a name: which kind, by the block's keyword.
    static let entryKinds: [String: Kind] = [
        "track_script": .object(.vrrpScript), "track_file": .object(.trackFile), "track_process": .object(.trackProcess),
        "track_bfd": .object(.bfdInstance), "group": .object(.vrrpInstance), "track_interface": .interface,
        "interfaces": .interface,
    ]

    init(_ tree: BoundTree) {
        for statement in tree.statements {
            let spec = statement.spec
            switch spec.kind {
            case .block:
                if let kind = Self.definingKeywords[statement.keyword], statement.words.count > 1 {
                    add(statement.words[1], kind, definition: true)
                }
            case .valueBlock:
                guard let kind = Self.entryKinds[statement.keyword] else { break }
                for entry in statement.entries {
                    if let word = entry.first { add(word, kind, definition: false) }
                }
            case .value, .script:
                for (position, word) in statement.words.dropFirst().enumerated() {
                    guard let argument = Self.argument(spec.arguments, position) else { break }
                    switch argument.type {
                    case .reference(let referenceKind):
                        add(word, .object(referenceKind), definition: false)
                    case .interfaceName:
                        add(word, .interface, definition: false)
                    default:
                        break
                    }
                }
            }
        }
    }

    /// The argument that reads word `position` (0 = first after the keyword): the last one repeats when variadic.
    static func argument(_ arguments: [ArgumentSpec], _ position: Int) -> ArgumentSpec? {
        if position < arguments.count { return arguments[position] }
        if let last = arguments.last, last.isVariadic { return last }
        return nil
    }

    private mutating func add(_ word: ExpandedWord, _ kind: Kind, definition: Bool) {
        // A word made by `$NAME` substitution is nowhere literally in a file: nothing to point at.
        guard let bytes = word.origin.byteRange, !word.origin.isSubstituted else { return }
        occurrences.append(Occurrence(kind: kind, name: word.text, file: word.origin.file, bytes: bytes, isDefinition: definition))
    }

    /// The occurrence under a byte offset of a file (the offset just after a word counts too).
    func occurrence(in file: String, at offset: Int) -> Occurrence? {
        occurrences.first { $0.file == file && $0.bytes.lowerBound <= offset && offset <= $0.bytes.upperBound }
    }

    /// Where the name is defined: keepalived keeps the first definition.
    func definition(of occurrence: Occurrence) -> Occurrence? {
        occurrences.first { $0.isDefinition && $0.kind == occurrence.kind && $0.name == occurrence.name }
    }

    func references(to occurrence: Occurrence, includeDefinition: Bool) -> [Occurrence] {
        occurrences.filter {
            $0.kind == occurrence.kind && $0.name == occurrence.name && (includeDefinition || !$0.isDefinition)
        }
    }

    /// The distinct names of a kind, in order of first appearance.
    func names(of kind: Kind) -> [String] {
        var seen = Set<String>()
        return occurrences.filter { $0.kind == kind && (kind == .interface || $0.isDefinition) && seen.insert($0.name).inserted }
            .map(\.name)
    }
}
