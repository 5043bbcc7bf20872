import KAConfig

/// What keepalived 2.2.7 derives for one vrrp_instance while it reads the block line by line
/// (the address family fixed by the first address, entries of the other family skipped, the
/// VRRP version) and when it completes the instance (version default, initial state).
/// The binder's model keeps what was written; these rules need the order-dependent outcome.
///
/// A class, made once per instance by `NodeFacts`: a rule that walks the instances holds a
/// reference, not a copy of a dozen arrays. Statements are named by their index in the node's
/// arena (`tree.statements`), never copied, and found through the keyword marks.
final class InstanceFacts: @unchecked Sendable {
    enum Family: String, Sendable {
        case ipv4 = "IPv4"
        case ipv6 = "IPv6"

        init(_ address: IPAddress) { self = address.isIPv6 ? .ipv6 : .ipv4 }
    }

    /// A word keepalived skipped because its family differs from the instance's.
    struct SkippedWord: Sendable {
        var keyword: String
        var word: ExpandedWord
        var family: Family
    }

    /// A `version` line and what became of it.
    struct VersionLine: Sendable {
        /// Index in the node's statements.
        var statement: Int
        var version: Int
        /// keepalived ignored it: a different version was already set, or 2 in an IPv6 instance.
        var ignored: Bool
        /// The family was already IPv6 when the line was read.
        var afterIPv6: Bool
    }

    /// A `state` line and the state keepalived holds after it (nil: the line has no word).
    struct StateLine: Sendable {
        /// 32 bits: the line is kept inline in every instance's facts.
        private var storedStatement: Int32
        var after: VRRPState?
        var statement: Int { Int(storedStatement) }

        init(statement: Int, after: VRRPState?) {
            storedStatement = Int32(truncatingIfNeeded: statement)
            self.after = after
        }
    }

    /// What every instance of a node shares: the model's instances, the statements and the
    /// keyword marks, held once (three references a node, not three an instance).
    final class Node: @unchecked Sendable {
        /// Set once: at `init`, or by `Prepared.aligned` when the facts were made before the
        /// model (the rules, on other threads, start after it).
        private(set) var instances: [VRRPInstance]
        let tree: BoundTree
        /// The marks, in a buffer the node owns, read without a reference count: reading an
        /// array retained and released it once an instance and rule, and the rules run on two
        /// threads at once (one cache line for both counts). The only copy (the array they were
        /// made in goes: 1 byte a statement, 262 KB at 20,000 instances). Immutable after `init`.
        private let markBuffer: UnsafeMutableBufferPointer<InstanceKeyword>

        /// Every statement's mark, while the node lives.
        var marks: UnsafeBufferPointer<InstanceKeyword> { UnsafeBufferPointer(markBuffer) }

        init(instances: [VRRPInstance], tree: BoundTree, marks: [InstanceKeyword]) {
            self.instances = instances
            self.tree = tree
            markBuffer = .allocate(capacity: marks.count)
            _ = markBuffer.initialize(from: marks)
        }

        deinit { markBuffer.deallocate() }

        fileprivate func setInstances(_ instances: [VRRPInstance]) {
            precondition(self.instances.isEmpty, "a node's instances are set once")
            self.instances = instances
        }

        /// The mark of statement `index`.
        @inline(__always)
        func mark(_ index: Int) -> InstanceKeyword {
            precondition(index >= 0 && index < markBuffer.count, "statement index out of range")
            return markBuffer[index]
        }


    }

    /// Every `vrrp_instance` block's facts, made from the bound tree alone: for a large file, on
    /// the calling thread while the binder's thread builds the model. `aligned(with:blocks:)`
    /// then gives each model instance its block's facts.
    struct Prepared: Sendable {
        private let node: Node
        /// Per block of the tree: its facts' position in `facts`, -1 for none.
        private let positions: [Int32]
        private var facts: [InstanceFacts?]

        /// Reads the blocks from the last to the first: the model is built from the first on,
        /// and two threads reading the same lines at once would count references on the same
        /// word arrays.
        init(tree: BoundTree, marks: [InstanceKeyword]) {
            let node = Node(instances: [], tree: tree, marks: marks)
            var positions = [Int32](repeating: -1, count: tree.blocks.count)
            var facts: [InstanceFacts?] = []
            tree.withRefs { ref in
                tree.withBlockIndices { lists in
                    let blocks = tree.blocks(ofSpec: "vrrp_instance")
                    facts.reserveCapacity(blocks.count)
                    for block in blocks.reversed() where lists.blocks[block].opener != nil {
                        positions[block] = Int32(truncatingIfNeeded: facts.count)
                        let reading = Reading(tree: tree, marks: node.marks, block: block, ref: ref, lists: lists)
                        facts.append(InstanceFacts(index: -1, node: node, reading: reading))
                    }
                }
            }
            self.node = node
            self.positions = positions
            self.facts = facts
        }

        /// Each model instance's facts, in model order. `recorded` is each instance's block as the
        /// model builder recorded it (`BindResult.instanceBlocks`); without it, `blocks` maps an
        /// instance's name to its block (a hashed lookup of each name, about 700 instructions,
        /// which this step took after the model was joined, when nothing else runs).
        consuming func aligned(with instances: [VRRPInstance], recorded: [Int32], blocks: InstanceBlockTable) -> [InstanceFacts] {
            node.setInstances(instances)
            let useRecorded = recorded.count == instances.count
            // Names read in place: `instances[index].name` copies the whole instance first.
            return instances.withUnsafeBufferPointer { buffer in
                let inPlace = InstancesInPlace(buffer: buffer)
                return inPlace.indices.map { index in
                    let block = useRecorded ? Self.block(recorded[index]) : blocks[inPlace.at(index).pointee.name]
                    if let block, let made = take(block) {
                        made.index = index
                        return made
                    }
                    return InstanceFacts(index: index, node: node, reading: Reading(tree: node.tree, marks: node.marks, block: block))
                }
            }
        }

        private static func block(_ recorded: Int32) -> Int? { recorded < 0 ? nil : Int(recorded) }

        /// Block `block`'s facts, taken out (nil when it has none, or they were taken).
        private mutating func take(_ block: Int) -> InstanceFacts? {
            guard block >= 0, block < positions.count, positions[block] >= 0 else { return nil }
            var taken: InstanceFacts?
            swap(&taken, &facts[Int(positions[block])])
            return taken
        }
    }

    /// What the lines of one `vrrp_instance` block give, read from the bound tree alone: for a
    /// large file, read while the binder's thread builds the model.
    struct Reading: Sendable {
        fileprivate let storedBlock: Int32
        fileprivate let rangeStart: Int32
        fileprivate let rangeEnd: Int32
        fileprivate let familyPlace: WordPlace?
        fileprivate let storedNativeIPv6Ignored: Int32
        fileprivate let parsedVersion: UInt8
        fileprivate let family: Family?
        fileprivate let stateLines: FirstInline<StateLine>
        /// What a multicast instance with one family and no `version` line does not have; nil
        /// when all of it is empty (kept inline, it took 80 bytes of every instance's facts).
        fileprivate let unusual: UnusualReading?
    }

    /// The parts of a reading that most instances leave empty: skipped words, `version` lines,
    /// unicast peers and source addresses, a multicast destination.
    final class UnusualReading: Sendable {
        let skipped: [SkippedWord]
        let versionLines: [VersionLine]
        let unicastPeers: [IPAddress]
        let sourceAddresses: [IPAddress]
        let multicastDestination: IPAddress?

        /// nil when every part is empty.
        fileprivate static func made(_ reader: Reader) -> UnusualReading? {
            guard !reader.skipped.isEmpty || !reader.versionLines.isEmpty || !reader.unicastPeers.isEmpty
                || !reader.sourceAddresses.isEmpty || reader.multicastDestination != nil
            else { return nil }
            return UnusualReading(reader)
        }

        private init(_ reader: Reader) {
            skipped = reader.skipped
            versionLines = reader.versionLines
            unicastPeers = reader.unicastPeers
            sourceAddresses = reader.sourceAddresses
            multicastDestination = reader.multicastDestination
        }
    }

    /// Where the word that fixed the family is: a statement's first argument, or the first word
    /// of one of its value-block entries.
    struct WordPlace: Sendable {
        var statement: Int32
        /// -1: the statement's own argument (`words[1]`).
        var entry: Int32
    }

    // Stored in 32 bits and recovered on reading, the rarely set parts out of line: 20,000
    // instances keep these through the whole lint phase (120 bytes an object, header included;
    // 288, then 200, before).

    /// The instance's index in `model.instances` (set once, by `Prepared.aligned`, when the
    /// facts were made before the model).
    fileprivate(set) var index: Int
    private let node: Node
    /// What the instance's lines give; moved in, not copied (a copy retains its arrays).
    private let reading: Reading

    var family: Family? { reading.family }
    var skipped: [SkippedWord] { reading.unusual?.skipped ?? [] }
    var versionLines: [VersionLine] { reading.unusual?.versionLines ?? [] }
    /// Virtual addresses kept (same family as the instance), read again from the instance's
    /// lines when asked: the rules that ask read a few instances (priority 255, skipped
    /// addresses), and kept in every instance's facts they took 32 bytes of each. The family
    /// was fixed by the first address accepted (or an earlier line), so those of its family are
    /// the ones keepalived kept.
    var virtualAddresses: [IPAddress] {
        guard let family = reading.family, block != nil else { return [] }
        var kept: [IPAddress] = []
        let statements = node.tree.statements
        forEachIndex(.virtualIPAddress) { index in
            statements[index].forEachEntry { entry in
                guard let (address, _) = Self.virtualAddress(of: entry), Family(address) == family else { return }
                kept.append(address)
            }
        }
        return kept
    }

    /// A `virtual_ipaddress` entry's address (`ADDR[/PREFIX]`, its first word) and that word;
    /// nil when it is none (keepalived reports the entry and skips it).
    fileprivate static func virtualAddress(of entry: WordList) -> (IPAddress, ExpandedWord)? {
        guard let first = entry.first, let prefix = IPPrefix(first.text) else { return nil }
        return (prefix.address, first)
    }
    /// Unicast peers kept (same family as the instance).
    var unicastPeers: [IPAddress] { reading.unusual?.unicastPeers ?? [] }
    /// `unicast_src_ip` / `mcast_src_ip` kept (the last one keepalived accepted).
    var sourceAddress: IPAddress? { reading.unusual?.sourceAddresses.last }
    var sourceAddresses: [IPAddress] { reading.unusual?.sourceAddresses ?? [] }
    var multicastDestination: IPAddress? { reading.unusual?.multicastDestination }
    /// Whether any of the rarely set parts is set (they are then held in a box of their own).
    var holdsUnusualParts: Bool { reading.unusual != nil }
    var stateLines: FirstInline<StateLine> { reading.stateLines }
    private var storedBlock: Int32 { reading.storedBlock }
    private var rangeStart: Int32 { reading.rangeStart }
    private var rangeEnd: Int32 { reading.rangeEnd }
    private var familyPlace: WordPlace? { reading.familyPlace }
    private var storedNativeIPv6Ignored: Int32 { reading.storedNativeIPv6Ignored }
    /// The version parsing left (0: none; `native_ipv6` sets 3).
    private var parsedVersion: UInt8 { reading.parsedVersion }

    /// The node's statements (shared storage).
    var tree: BoundTree { node.tree }
    /// Every statement's keyword mark (the node's, shared).
    var marks: UnsafeBufferPointer<InstanceKeyword> { node.marks }
    /// The instance's block in `tree.blocks`, nil when none was bound.
    var block: Int? { storedBlock < 0 ? nil : Int(storedBlock) }
    /// Every statement of the instance, sub-blocks included: they follow its opener in the arena.
    var statementRange: Range<Int> { Int(rangeStart)..<Int(rangeEnd) }
    /// A `native_ipv6` line keepalived ignored (the instance was already IPv4).
    var nativeIPv6Ignored: Int? { storedNativeIPv6Ignored < 0 ? nil : Int(storedNativeIPv6Ignored) }

    /// The word that fixed the family (nil for `native_ipv6` or when no address was given).
    var familyWord: ExpandedWord? {
        guard let place = familyPlace else { return nil }
        let statement = node.tree.statements[Int(place.statement)]
        return place.entry < 0 ? statement.words[1] : statement.entries[Int(place.entry)].first
    }

    /// The keyword of the line that fixed the family.
    var familyKeyword: String? { familyPlace.map { node.tree.statements[Int($0.statement)].keyword } }

    /// Made by `Node.facts` only, from a reading of `node`'s own tree and marks.
    fileprivate init(index: Int, node: Node, reading: consuming Reading) {
        self.index = index
        self.node = node
        self.reading = reading
    }

    /// The statements of `block` and of every block under it: from its opener's next statement
    /// to its last statement's (the arena is in reading order).
    static func subtree(of block: Int, in tree: BoundTree) -> Range<Int> {
        tree.withBlockIndices { subtree(of: block, in: tree, lists: $0) }
    }

    /// The same, reading the lists in place (see `BlockIndexReader`).
    static func subtree(of block: Int, in tree: BoundTree, lists: BlockIndexReader) -> Range<Int> {
        guard let opener = lists.blocks[block].opener else { return 0..<0 }
        var last = opener
        var current = block
        while let final = lists.last(inBlock: current) {
            last = final
            guard let child = tree.statements[final].block else { break }
            current = child
        }
        return (opener + 1)..<(last + 1)
    }

    var instance: VRRPInstance { node.instances[index] }

    /// A field of the instance, read in place: `instance` copies it whole (see `InstancesInPlace`).
    @inline(__always)
    func read<Value>(_ field: (UnsafePointer<VRRPInstance>) -> Value) -> Value {
        node.instances.withUnsafeBufferPointer { field(InstancesInPlace(buffer: $0).at(index)) }
    }

    // MARK: Lines by keyword

    /// The instance's lines with `keyword`, in reading order (sub-blocks too: `authentication`).
    func indices(_ keyword: InstanceKeyword) -> [Int] {
        var found: [Int] = []
        for index in statementRange where node.mark(index) == keyword { found.append(index) }
        return found
    }

    /// Calls `body` with the index of each line with `keyword`, in reading order (no array).
    func forEachIndex(_ keyword: InstanceKeyword, _ body: (Int) -> Void) {
        for index in statementRange where node.mark(index) == keyword { body(index) }
    }

    /// The last line with `keyword` that `predicate` accepts.
    func lastIndex(_ keyword: InstanceKeyword, where predicate: (BoundStatement) -> Bool) -> Int? {
        let statements = node.tree.statements
        return statementRange.last { node.mark($0) == keyword && predicate(statements[$0]) }
    }

    func firstIndex(_ keyword: InstanceKeyword) -> Int? {
        return statementRange.first { node.mark($0) == keyword }
    }

    func lastIndex(_ keyword: InstanceKeyword) -> Int? {
        return statementRange.last { node.mark($0) == keyword }
    }

    /// The first line with `keyword` (a copy of that statement only).
    func statement(_ keyword: InstanceKeyword) -> BoundStatement? {
        firstIndex(keyword).map { tree.statements[$0] }
    }

    /// The lines with `keyword` (copies of those statements only).
    func statements(_ keyword: InstanceKeyword) -> [BoundStatement] {
        indices(keyword).map { tree.statements[$0] }
    }

    // MARK: What keepalived makes of the lines

    /// IPv4 unless an address or `native_ipv6` made it IPv6.
    var effectiveFamily: Family { family ?? .ipv4 }

    func isStrict(_ model: Configuration) -> Bool { read { $0.pointee.strictMode } ?? model.globalDefs.vrrpStrict }

    /// The version after vrrp_complete_instance: IPv6 defaults to 3, and only strict mode moves an
    /// IPv6 instance configured as version 2 to 3.
    func effectiveVersion(_ model: Configuration) -> Int {
        if effectiveFamily == .ipv6 {
            if parsedVersion == 2 { return isStrict(model) ? 3 : 2 }
            return 3
        }
        return parsedVersion != 0 ? Int(parsedVersion) : model.globalDefs.vrrpVersion
    }

    /// The state written, as keepalived reads it (nil: no state line).
    var configuredState: VRRPState? { stateLines.last?.after }

    /// The priority keepalived uses as base priority (1...255).
    var basePriority: Int {
        if let configured = read({ $0.pointee.priorityConfigured }) { return configured }
        return configuredState == .master ? 255 : 100
    }

    /// The initial state after vrrp_complete_instance, before any authentication adjustment:
    /// derived from priority when not written; strict mode makes MASTER match priority 255.
    func initialState(_ model: Configuration) -> VRRPState {
        let derived: VRRPState = basePriority == 255 ? .master : .backup
        guard let configured = configuredState else { return derived }
        if isStrict(model), (configured == .master) != (basePriority == 255) { return derived }
        // AH with initial MASTER and priority below 255 is moved to BACKUP (when AH survives).
        let authentication = read { $0.pointee.authentication }
        if configured == .master, basePriority != 255, authentication?.type == .ah,
            effectiveVersion(model) == 2, effectiveFamily == .ipv4, authentication?.pass?.isEmpty == false
        {
            return .backup
        }
        return configured
    }
}

extension InstanceFacts.WordPlace {
    init(_ statement: Int, entry: Int?) {
        self.statement = Int32(truncatingIfNeeded: statement)
        self.entry = entry.map { Int32(truncatingIfNeeded: $0) } ?? -1
    }
}

extension InstanceFacts {
    /// Reads the address and version lines in order, as keepalived does while it parses.
    fileprivate struct Reader {
        var family: Family?
        var familyPlace: WordPlace?
        var skipped: [SkippedWord] = []
        var versionLines: [VersionLine] = []
        var nativeIPv6Ignored: Int?
        var unicastPeers: [IPAddress] = []
        var sourceAddresses: [IPAddress] = []
        var multicastDestination: IPAddress?
        var parsedVersion = 0

        /// Reads statement `index`, marked `mark`, in place.
        mutating func read(_ index: Int, _ statement: StatementRef, mark: InstanceKeyword) {
            switch mark {
            case .virtualIPAddress:
                var position = -1
                statement.forEachEntry { entry in
                    position += 1
                    guard let (address, first) = InstanceFacts.virtualAddress(of: entry) else { return }
                    // Kept or skipped: `InstanceFacts.virtualAddresses` reads the kept ones again.
                    _ = accept(address, word: first, keyword: mark.name, at: WordPlace(index, entry: position))
                }
            case .unicastPeer:
                var position = -1
                statement.forEachEntry { entry in
                    position += 1
                    guard let first = entry.first, let address = IPAddress(first.text) else { return }
                    if accept(address, word: first, keyword: mark.name, at: WordPlace(index, entry: position)) {
                        unicastPeers.append(address)
                    }
                }
            case .unicastSourceIP, .multicastSourceIP:
                guard statement.wordCount > 1, let address = statement.address() else { return }
                if accept(address, word: statement.words[1], keyword: mark.name, at: WordPlace(index, entry: nil)) {
                    sourceAddresses.append(address)
                }
            case .multicastDestinationIP:
                guard statement.wordCount > 1, let address = statement.address() else { return }
                if accept(address, word: statement.words[1], keyword: mark.name, at: WordPlace(index, entry: nil)) {
                    multicastDestination = address
                }
            case .nativeIPv6:
                if family == .ipv4 {
                    nativeIPv6Ignored = index
                } else {
                    family = .ipv6
                    parsedVersion = 3
                }
            case .version:
                guard let version = statement.int(), version == 2 || version == 3 else { return }
                let ignored = (parsedVersion != 0 && parsedVersion != version) || (version == 2 && family == .ipv6)
                versionLines.append(VersionLine(statement: index, version: version, ignored: ignored, afterIPv6: family == .ipv6))
                if !ignored { parsedVersion = version }
            default:
                break
            }
        }

        /// The first address fixes the family; later ones of the other family are skipped.
        private mutating func accept(_ address: IPAddress, word: ExpandedWord, keyword: String, at place: WordPlace) -> Bool {
            let addressFamily = Family(address)
            guard let family else {
                self.family = addressFamily
                familyPlace = place
                return true
            }
            if family == addressFamily { return true }
            skipped.append(SkippedWord(keyword: keyword, word: word, family: addressFamily))
            return false
        }
    }
}

extension InstanceFacts.Reading {
    /// Reads the instance's address, version and state lines in order, as keepalived does.
    init(tree: BoundTree, marks: UnsafeBufferPointer<InstanceKeyword>, block: Int?) {
        guard let block else {
            self.init(tree: tree, marks: marks, block: 0, ref: { _ in fatalError("no block") }, lists: nil)
            return
        }
        self = tree.withRefs { ref in
            tree.withBlockIndices { lists in Self(tree: tree, marks: marks, block: block, ref: ref, lists: lists) }
        }
    }

    /// The same, reading the statements and the blocks' lists in place: copies would count
    /// references on rows and arrays that the model builder, on the other core, reads meanwhile.
    /// Without `lists`, the reading of an instance that has no block (nothing is read).
    init(tree: BoundTree, marks: UnsafeBufferPointer<InstanceKeyword>, block: Int, ref: (Int) -> StatementRef, lists: BlockIndexReader?) {
        storedBlock = lists == nil ? -1 : Int32(truncatingIfNeeded: block)
        var range = 0..<0
        if let lists { range = InstanceFacts.subtree(of: block, in: tree, lists: lists) }
        rangeStart = Int32(truncatingIfNeeded: range.lowerBound)
        rangeEnd = Int32(truncatingIfNeeded: range.upperBound)
        var reader = InstanceFacts.Reader()
        var states = FirstInline<InstanceFacts.StateLine>()
        var current: VRRPState?
        if let lists {
            lists.forEach(inBlock: block) { statement in
                let mark = marks[statement]
                switch mark {
                case .virtualIPAddress, .unicastPeer, .unicastSourceIP, .multicastSourceIP, .multicastDestinationIP,
                    .nativeIPv6, .version:
                    reader.read(statement, ref(statement), mark: mark)
                case .state:
                    // keepalived keeps MASTER against a later BACKUP; any other word means BACKUP.
                    switch ref(statement).word(1) {
                    case nil: break
                    case "MASTER": current = .master
                    case "BACKUP": if current != .master { current = .backup }
                    default: current = .backup
                    }
                    states.append(InstanceFacts.StateLine(statement: statement, after: current))
                default:
                    break
                }
            }
        }
        family = reader.family
        familyPlace = reader.familyPlace
        storedNativeIPv6Ignored = reader.nativeIPv6Ignored.map { Int32(truncatingIfNeeded: $0) } ?? -1
        unusual = InstanceFacts.UnusualReading.made(reader)
        parsedVersion = UInt8(truncatingIfNeeded: reader.parsedVersion)
        stateLines = states
    }
}
