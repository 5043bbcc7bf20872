/// What the binder's keyword walk produces: the statements keepalived's keyword processor would
/// hand to a handler, grouped by the block level they were read at. A flat arena, in file order.

/// The value of one argument word, as the schema's type reads it (nil in `values` when invalid).
public enum ArgumentValue: Sendable, Hashable {
    case number(Int)
    case bool(Bool)
    case word(String)
    case address(IPAddress)
    case prefix(IPPrefix)

    public var number: Int? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }
}

/// A schema row shared by every statement bound to it (one reference instead of a copy of the row).
public final class KeywordRow: Sendable {
    public let spec: KeywordSpec
    /// The keyword (`spec.name`), read without copying the row.
    public let name: String
    /// The fields the binder reads for every statement, kept apart: reading `spec` copies the
    /// whole row (a retain per string and array in it).
    package let kind: KeywordKind
    let arguments: [ArgumentSpec]
    /// `arguments`' types as the argument checker reads them.
    let plans: [ArgumentPlan]
    /// The last argument takes all remaining words.
    let isVariadic: Bool
    let minimumArguments: Int
    let maximumArguments: Int?
    let missingArgumentExits: Bool
    let clampsOutOfRange: Bool
    let knownIn227: Bool
    let isDeprecated: Bool
    /// The name rules of the block this keyword opens, if it is a named block.
    let namedBlockRule: NamedBlockRule?
    /// How a statement's argument words read as values (see `ArgumentValues`).
    let valueReading: ValueReading

    /// `opensAddressHeader`: the block this keyword opens names itself by address and port
    /// (`virtual_server`, `real_server`), which its handler reads.
    public convenience init(_ spec: KeywordSpec) { self.init(spec, opensAddressHeader: false) }

    init(_ spec: KeywordSpec, opensAddressHeader: Bool) {
        self.spec = spec
        self.name = spec.name
        self.kind = spec.kind
        self.arguments = spec.arguments
        self.plans = spec.arguments.map { ArgumentPlan($0.type) }
        self.isVariadic = spec.arguments.last?.isVariadic ?? false
        self.minimumArguments = spec.minimumArguments
        self.maximumArguments = spec.maximumArguments
        self.missingArgumentExits = spec.missingArgumentExits
        self.clampsOutOfRange = spec.outOfRange == .clampedToBound
        self.knownIn227 = spec.knownIn227
        self.isDeprecated = spec.deprecatedBy != nil
        self.namedBlockRule = NamedBlockRule.byKeyword[spec.name]
        switch spec.kind {
        case .script:
            valueReading = .none
        case .valueBlock:
            valueReading = spec.arguments.isEmpty ? .none : .checked
        case .value:
            valueReading = .checked
        case .block:
            // Handlers that read their own header are not checked word by word.
            let readsOwnHeader = opensAddressHeader || namedBlockRule?.exactlyOneName == true
            valueReading = readsOwnHeader ? .words : .checked
        }
    }

    /// The argument (index into `arguments` and `plans`) that reads argument word `position`
    /// (0 = the first word after the keyword): past the last, the variadic one or none.
    @inline(__always)
    func argumentIndex(_ position: Int) -> Int? {
        if position < plans.count { return position }
        return isVariadic ? plans.count - 1 : nil
    }
}

/// How a keyword's argument words read as typed values.
enum ValueReading: UInt8, Sendable {
    /// No values (script lines, value blocks without a header argument).
    case none
    /// Each word as the argument checker reads it (nil where it rejects the word).
    case checked
    /// Each word as text: a block whose handler reads its own header.
    case words
}

/// The typed values of a statement's arguments (one per word after the keyword), read from its
/// words when asked: the argument checker reports at binding, and a statement stores no values
/// (32 bytes less each, 2.4 MB at 5,000 instances), since each is read once or twice.
public struct ArgumentValues: Sendable, RandomAccessCollection {
    private let row: KeywordRow?
    private let words: WordList
    public let count: Int

    /// No values.
    public init() {
        row = nil
        words = []
        count = 0
    }

    /// The values of a statement of `row` with `words` (the keyword first).
    init(row: KeywordRow, words: WordList) {
        self.row = row
        self.words = words
        count = row.valueReading == .none ? 0 : Swift.max(0, words.count - 1)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> ArgumentValue? {
        precondition(position >= 0 && position < count, "argument index out of range")
        guard let row else { return nil }
        if row.valueReading == .words { return .word(words[position + 1].text) }
        return ArgumentChecker.value(of: words, at: position + 1, row: row)
    }

    /// Whether argument `position`'s value reads nil (the checker rejects the word), without
    /// making the value where the plan decides it at once: a word plan takes any word, an
    /// enumeration one of its choices, and a plain number in range is read (see `PlainNumber`).
    /// `text()` asks this of every argument it reads.
    func isRejected(_ position: Int) -> Bool {
        precondition(position >= 0 && position < count, "argument index out of range")
        guard let row else { return true }
        if row.valueReading == .words { return false }
        guard let argument = row.argumentIndex(position) else { return false }
        switch row.plans[argument] {
        case .word:
            return false
        case .enumeration:
            // The checker takes exactly one of the choices (any other spelling is reported).
            guard case .enumeration(let choices) = row.arguments[argument].type else { return false }
            return !words.withText(position + 1) { choices.contains($0.pointee) }
        default:
            if ArgumentChecker.plainNumber(of: words, at: position + 1, row: row) != nil { return false }
            return self[position] == nil
        }
    }
}

public struct BoundStatement: Sendable {
    /// The schema row; for a statement with rare parts, the `RareStatementParts` box, which
    /// holds the row too. One reference where there were two: a statement is 32 bytes, not 40
    /// (75,000 of them at 5,000 instances).
    private(set) var head: AnyObject & Sendable
    public var row: KeywordRow {
        get {
            headIsRare ? unsafeDowncast(head, to: RareStatementParts.self).row : unsafeDowncast(head, to: KeywordRow.self)
        }
        set { setHead(RareStatementParts.head(row: newValue, text: rare?.text, entries: rare?.entries ?? [], origin: rare?.origin)) }
    }
    public var spec: KeywordSpec { row.spec }
    /// All words of the line, the keyword first.
    public var words: WordList {
        didSet {
            // An entry run is read after the words: it goes into the box before they change.
            guard storedBlock < -1 else { return }
            setHead(RareStatementParts.head(row: row, text: nil, entries: EntryRun.decode(storedBlock, after: oldValue), origin: nil))
            storedBlock = -1
        }
    }
    /// One per argument word (after the keyword): the typed value, or nil when keepalived rejects it.
    public var values: ArgumentValues { ArgumentValues(row: row, words: words) }
    /// What few statements have: a text that is not `words` joined by single spaces (a quoted
    /// word), value-block entries, an origin that is not the first word's. Inline they took 44
    /// bytes of every statement; boxed, they share the row's reference (see `head`).
    var rare: RareStatementParts? {
        headIsRare ? unsafeDowncast(head, to: RareStatementParts.self) : nil
    }
    /// The head is a `RareStatementParts` box (the top bit of `storedEnd`: a bit test, where
    /// telling the classes apart reads the object and the class's metadata).
    @inline(__always)
    var headIsRare: Bool { storedEnd & Self.rareBit != 0 }

    private mutating func setHead(_ newHead: (AnyObject & Sendable, isRare: Bool)) {
        head = newHead.0
        storedEnd = Self.storedEnd(originEnd, rare: newHead.isRare)
    }
    /// The line's text when it is not `words` joined by single spaces.
    var storedText: String? { rare?.text }
    /// Value-block entries, one per line.
    /// Each a window on its line's words (no copies).
    public var entries: [WordList] {
        get {
            if let rare { return rare.entries }
            return storedBlock < -1 ? EntryRun.decode(storedBlock, after: words) : []
        }
        set {
            if storedBlock < -1 { storedBlock = -1 }
            setHead(RareStatementParts.head(row: row, text: storedText, entries: newValue, origin: rare?.origin))
        }
    }
    /// Calls `body` with each of `entries`, in order, without making their array.
    @inline(__always)
    package func forEachEntry(_ body: (WordList) -> Void) {
        if let rare {
            for entry in rare.entries { body(entry) }
        } else if storedBlock < -1 {
            EntryRun.forEach(storedBlock, after: words, body)
        }
    }

    /// The block this statement opened (index into `BoundTree.blocks`), when bound.
    public var block: Int? {
        get { storedBlock < 0 ? nil : Int(storedBlock) }
        set {
            // An entry run goes into the box first: the field is the block's from now on.
            if storedBlock < -1 { entries = entries }
            storedBlock = newValue.map { Int32(truncatingIfNeeded: $0) } ?? -1
        }
    }
    /// `block` in 4 bytes (-1 for none); -2 or less, the entries as an `EntryRun`.
    var storedBlock: Int32
    /// Where the line ends in its file, in 31 bits, and the `headIsRare` bit. The line's origin
    /// is nearly always its first word's with this end, so only the end is stored (16 bytes less
    /// a statement); an origin of any other form (a line that substitution made or changed, or
    /// one ending past 2 GB) is kept whole in `rare`.
    var storedEnd: UInt32
    static let rareBit: UInt32 = 0x8000_0000
    /// `Origin.noByte` as 31 bits.
    static let noEnd: UInt32 = rareBit - 1

    var originEnd: UInt32 {
        let end = storedEnd & ~Self.rareBit
        return end == Self.noEnd ? Origin.noByte : end
    }

    /// Whether `end` fits the 31 bits (`noByte` does, as `noEnd`).
    static func fits(end: UInt32) -> Bool { end == Origin.noByte || end < noEnd }

    /// `end` in 31 bits (`noEnd` for no byte, or for an end past them, whose origin the box
    /// keeps whole) with the `headIsRare` bit.
    static func storedEnd(_ end: UInt32, rare: Bool) -> UInt32 {
        (end != Origin.noByte && fits(end: end) ? end : noEnd) | (rare ? rareBit : 0)
    }

    public var origin: Origin {
        if let stored = rare?.origin { return stored }
        var origin = words[0].origin
        origin.byteEnd = originEnd
        return origin
    }

    /// The line's text (script keywords re-split it).
    public var text: String { storedText ?? LogicalLine.joined(words) }

    public var keyword: String { row.name }
    public var arguments: Slice<WordList> { words.dropFirst() }

    public func word(_ index: Int) -> String? { index < words.count ? words[index].text : nil }

    /// The typed value of argument `index` (0 = first word after the keyword).
    public func value(_ index: Int) -> ArgumentValue? { index < values.count ? values[index] : nil }
}

// The initialisers end in the memberwise one (see `LogicalLine`'s): built by field stores, a
// statement is copied once more on its way into the arena.
extension BoundStatement {
    public init(
        row: KeywordRow, words: [ExpandedWord], text: String, entries: [WordList], block: Int?, origin: Origin
    ) {
        self.init(row: row, words: WordList(words), text: Optional(text), entries: entries, block: block, origin: origin)
    }

    init(row: KeywordRow, words: WordList, text: String?, entries: [WordList], block: Int?, origin: Origin) {
        guard !entries.isEmpty else {
            self.init(row: row, words: words, text: text, block: block, origin: origin)
            return
        }
        let ownOrigin = Self.ownOrigin(words: words, origin: origin)
        // A plain value block's entries need no box (see `EntryRun`).
        if block == nil, text == nil, ownOrigin == nil, let run = EntryRun.encode(entries, after: words) {
            self.init(head: row, words: words, storedBlock: run, storedEnd: Self.storedEnd(origin.byteEnd, rare: false))
            return
        }
        self.init(boxing: entries, row: row, words: words, text: text, block: block, ownOrigin: ownOrigin, end: origin.byteEnd)
    }

    /// A statement whose entries go in the box of its rare parts (they are not a run, or the
    /// statement has a box anyway).
    private init(boxing entries: [WordList], row: KeywordRow, words: WordList, text: String?, block: Int?, ownOrigin: Origin?, end: UInt32) {
        let (head, isRare) = RareStatementParts.head(row: row, text: text, entries: entries, origin: ownOrigin)
        self.init(
            head: head, words: words, storedBlock: block.map { Int32(truncatingIfNeeded: $0) } ?? -1,
            storedEnd: Self.storedEnd(end, rare: isRare))
    }

    /// A value block's statement from the entries its walk collected: a run when they are one
    /// and the statement needs no box (as `encode` would give it), else the entries' array.
    init(row: KeywordRow, words: WordList, text: String?, collected: borrowing EntryRun.Collector, origin: Origin) {
        guard collected.count > 0 else {
            self.init(row: row, words: words, text: text, block: nil, origin: origin)
            return
        }
        let ownOrigin = Self.ownOrigin(words: words, origin: origin)
        if text == nil, ownOrigin == nil, let run = collected.run {
            self.init(head: row, words: words, storedBlock: run, storedEnd: Self.storedEnd(origin.byteEnd, rare: false))
            return
        }
        // Not a run (or a box anyway): into the box, without checking the entries again.
        self.init(boxing: collected.entries, row: row, words: words, text: text, block: nil, ownOrigin: ownOrigin, end: origin.byteEnd)
    }

    /// A statement without value-block entries (nearly every line): no entry run to try and no
    /// empty array handed over to be released, about 90 instructions a statement.
    init(row: KeywordRow, words: WordList, text: String?, block: Int?, origin: Origin) {
        let ownOrigin = Self.ownOrigin(words: words, origin: origin)
        let storedBlock = block.map { Int32(truncatingIfNeeded: $0) } ?? -1
        guard text != nil || ownOrigin != nil else {
            self.init(head: row, words: words, storedBlock: storedBlock, storedEnd: Self.storedEnd(origin.byteEnd, rare: false))
            return
        }
        let (head, isRare) = RareStatementParts.head(row: row, text: text, entries: [], origin: ownOrigin)
        self.init(head: head, words: words, storedBlock: storedBlock, storedEnd: Self.storedEnd(origin.byteEnd, rare: isRare))
    }

    /// `origin` when it is not the first word's with the line's end (or its end does not fit
    /// in 31 bits): the statement then keeps it whole.
    @inline(__always)
    static func ownOrigin(words: WordList, origin: Origin) -> Origin? {
        var derived = words.count > 0 ? words.origin(0) : nil
        derived?.byteEnd = origin.byteEnd
        return derived == origin && fits(end: origin.byteEnd) ? nil : origin
    }
}

/// The parts of a `BoundStatement` that few statements have, in one box with the statement's row
/// (the statement holds the box in the row's place, and the row alone when it has none).
final class RareStatementParts: Sendable {
    let row: KeywordRow
    /// `row`'s identity as a number, for `BoundTree.rowAddress(ofStatement:)`.
    let rowAddress: UInt
    let text: String?
    let entries: [WordList]
    let origin: Origin?

    private init(row: KeywordRow, text: String?, entries: [WordList], origin: Origin?) {
        self.row = row
        self.rowAddress = UInt(bitPattern: Unmanaged.passUnretained(row).toOpaque())
        self.text = text
        self.entries = entries
        self.origin = origin
    }

    /// What a statement of `row` with these parts holds: the row when it has none, and whether
    /// it is a box.
    static func head(row: KeywordRow, text: String?, entries: [WordList], origin: Origin?) -> (AnyObject & Sendable, isRare: Bool) {
        text == nil && entries.isEmpty && origin == nil
            ? (row, false) : (RareStatementParts(row: row, text: text, entries: entries, origin: origin), true)
    }
}

public struct BoundBlock: Sendable {
    /// The `BlockSpec` name ("" for the top level).
    public var specName: String {
        get { BlockSpecNames.name(storedName) }
        set { storedName = BlockSpecNames.id(newValue) }
    }
    public var statements: BlockStatements = []
    /// The statement that opened the block (nil for the top level).
    public var opener: Int? {
        get { storedOpener < 0 ? nil : Int(storedOpener) }
        set { storedOpener = newValue.map { Int32(truncatingIfNeeded: $0) } ?? -1 }
    }
    /// `opener` in 4 bytes (-1 for none), `specName` as a `BlockSpecNames` id and `closingBrace`
    /// as an origin and a flag: a block is 40 bytes, not 80.
    var storedOpener: Int32
    private var storedName: UInt16
    private var hasClosingBrace = false
    private var storedClosingBrace = Origin(fileID: 0, line: 0, column: 0, byteRange: nil)
    /// The '}' that ended keepalived's reading of the block: its first '}' (also one meant for an
    /// ignored block inside it), nil when the lines ran out first.
    public var closingBrace: Origin? {
        get { hasClosingBrace ? storedClosingBrace : nil }
        set {
            hasClosingBrace = newValue != nil
            if let newValue { storedClosingBrace = newValue }
        }
    }

    public init(specName: String, opener: Int?, statements: BlockStatements = [], closingBrace: Origin? = nil) {
        self.init(nameID: BlockSpecNames.id(specName), opener: opener, statements: statements)
        self.closingBrace = closingBrace
    }

    /// A block of the spec whose name has id `nameID` (the walker's tables know theirs).
    init(nameID: UInt16, opener: Int?, statements: BlockStatements = []) {
        storedName = nameID
        self.statements = statements
        storedOpener = opener.map { Int32(truncatingIfNeeded: $0) } ?? -1
    }
}

public struct BoundTree: Sendable {
    public var statements: [BoundStatement] = []
    /// `blocks[0]` is the top level.
    public var blocks: [BoundBlock] = [BoundBlock(specName: "", opener: nil)]
    /// Statement index of an empty value block (`notification_email { }`) -> its '}' (a block's
    /// is in `BoundBlock.closingBrace`; see `closingBrace(of:)`).
    var emptyValueBlockEnds: [Int: Origin] = [:]
    /// The block of each statement (an index into `blocks`) as the walk bound it, kept for the
    /// lint facts that would otherwise derive it again (1.3 MB at 20,000 instances); empty for a
    /// tree built otherwise. `blockOfStatements` checks that it still fits the statements.
    var statementBlocks: [Int32] = []

    public init() {}

    /// `statementBlocks` when it holds one block per statement, each a block of this tree.
    package var blockOfStatements: [Int32]? {
        statementBlocks.count == statements.count && (statementBlocks.max().map { Int($0) < blocks.count } ?? true)
            ? statementBlocks : nil
    }

    /// The statements of a block, in order.
    public func statements(in block: Int) -> [BoundStatement] {
        blocks[block].statements.map { statements[$0] }
    }

    /// The '}' that ended keepalived's reading of the block statement `index` opened (for a value
    /// block: only an empty one is recorded). Messages about a block name that line, as
    /// keepalived's end handlers do.
    public func closingBrace(of index: Int) -> Origin? {
        if let block = statements[index].block { return blocks[block].closingBrace }
        return emptyValueBlockEnds[index]
    }
}
