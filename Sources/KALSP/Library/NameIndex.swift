import KAConfig

/// The names a configuration defines and uses, read from the bound statements (the expanded
/// view, so a name in an included file is found), each with the bytes of the word in its file:
/// what go-to-definition, find-references and name completion look up.
struct NameIndex {
    enum Kind: String, CaseIterable {
        case vrrpScript = "vrrp_script"
        case vrrpInstance = "vrrp_instance"
        case trackFile = "track_file"
        case trackProcess = "vrrp_track_process"
        case bfdInstance = "bfd_instance"
        case virtualServerGroup = "virtual_server_group"
        case trackGroup = "track_group"
        case syncGroup = "vrrp_sync_group"
        /// Interfaces are not defined anywhere: every use is a reference.
        case interface
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
    static let definingKeywords: [String: Kind] = [
        "vrrp_script": .vrrpScript, "vrrp_instance": .vrrpInstance, "track_file": .trackFile,
        "vrrp_track_file": .trackFile, "vrrp_track_process": .trackProcess, "bfd_instance": .bfdInstance,
        "virtual_server_group": .virtualServerGroup, "track_group": .trackGroup, "vrrp_sync_group": .syncGroup,
    ]

    /// Value blocks whose entries start with a name: which kind, by the block's keyword.
    static let entryKinds: [String: Kind] = [
        "track_script": .vrrpScript, "track_file": .trackFile, "track_process": .trackProcess, "track_bfd": .bfdInstance,
        "group": .vrrpInstance, "track_interface": .interface, "interfaces": .interface,
    ]

    static let referenceKinds: [ReferenceKind: Kind] = [
        .vrrpScript: .vrrpScript, .vrrpInstance: .vrrpInstance, .trackFile: .trackFile, .trackProcess: .trackProcess,
        .bfdInstance: .bfdInstance, .virtualServerGroup: .virtualServerGroup, .trackGroup: .trackGroup,
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
                        if let kind = Self.referenceKinds[referenceKind] { add(word, kind, definition: false) }
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
