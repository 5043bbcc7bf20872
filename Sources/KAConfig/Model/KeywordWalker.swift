import Synchronization

/// keepalived 2.2.7's keyword processor (`process_stream()` and `alloc_value_block()` in
/// lib/parser.c) over the expanded lines, with an explicit stack instead of recursion so that
/// deep nesting costs no call stack. It binds each line to a schema row of the current block
/// level and reproduces keepalived's structural quirks exactly, reporting them as it goes.
struct KeywordWalker {
    /// The rows of one block level by keyword, shared by every frame of that block.
    final class RowTable: Sendable {
        let spec: BlockSpec
        /// `spec.name`, read without copying the spec.
        let name: String
        /// `name`'s `BlockSpecNames` id, which each of its blocks keeps.
        let nameID: UInt16
        /// `spec.nameRequirement`, read without copying the spec.
        let nameRequirement: BlockNameRequirement
        let rows: KeywordTable<KeywordRow>
        /// The keywords keepalived 2.2.7 knows here by their lowercased names (for the
        /// wrong-case finding): built on the block's first unknown keyword, once per process
        /// rather than once per walk (a fuzzer's inputs are full of unknown words), and not at
        /// start-up (all blocks' names cost a small file's run a tenth more instructions).
        private let lowercaseNames = Mutex<[String: String]?>(nil)

        /// `childNameRequirement`: that of the block a block keyword opens, by its name.
        init(_ spec: BlockSpec, childNameRequirement: (String) -> BlockNameRequirement? = { _ in nil }) {
            self.spec = spec
            self.name = spec.name
            self.nameID = BlockSpecNames.id(spec.name)
            self.nameRequirement = spec.nameRequirement
            self.rows = KeywordTable(spec.keywords.map { keyword in
                var opensAddressHeader = false
                if case .block(let child) = keyword.kind { opensAddressHeader = childNameRequirement(child) == .address }
                return (keyword.name, KeywordRow(keyword, opensAddressHeader: opensAddressHeader))
            })
        }

        /// The known keyword that `keyword` spells in another case, if any.
        func keyword(matchingCaseInsensitively keyword: String) -> String? {
            lowercaseNames.withLock { names in
                if names == nil {
                    var table: [String: String] = [:]
                    for row in spec.keywords where row.knownIn227 { table[row.name.lowercased()] = row.name }
                    names = table
                }
                return names?[keyword.lowercased()]
            }
        }
    }

    struct Frame {
        /// Read without a reference count (reading it was a retain and a release per line): the
        /// walker's `tables` hold the schema's tables, and `placeholder` a skipped block's own.
        unowned(unsafe) var table: RowTable
        /// The table when the frame made its own (a skipped block's empty one).
        var placeholder: RowTable?
        var spec: BlockSpec { table.spec }
        /// The bound block, or nil while keepalived skips the block (duplicate or unnamed).
        var block: Int?
        var needOpenBrace: Bool
        /// The keyword that opened the block (nil at top level).
        var opener: ExpandedWord?
        /// Traps (unknown keyword + '{') whose lines are being read into this block.
        var pendingTraps: [Int] = []

        /// A frame reading `table`, which `tables` holds for the whole walk.
        init(table: RowTable, block: Int?, needOpenBrace: Bool, opener: ExpandedWord?) {
            self.table = table
            self.block = block
            self.needOpenBrace = needOpenBrace
            self.opener = opener
        }

        /// A frame of a skipped block, with an empty table of its own.
        init(skipping spec: BlockSpec, needOpenBrace: Bool, opener: ExpandedWord) {
            let own = RowTable(spec)
            self.table = own
            self.placeholder = own
            self.block = nil
            self.needOpenBrace = needOpenBrace
            self.opener = opener
        }
    }

    let schema: SchemaView
    /// The lines being walked: all of them, or the current chunk when they arrive in chunks
    /// (each chunk ends with a `}` line, which no lookahead passes).
    var lines: [LogicalLine] = []
    /// The lines `walkLines` is walking (empty between walks): the lookaheads read them here.
    var walking = UnsafeMutableBufferPointer<LogicalLine>(start: nil, count: 0)
    /// The walker owns its lines (chunks handed over, not an analysis's lines): a keyword line's
    /// words are moved into its statement, not copied, so neither this thread's copy nor the
    /// expansion's release when it refills the chunk touches the words' reference count.
    var ownsLines = false
    /// The diagnostics of reading the files, asked for only when a stray brace needs them (a
    /// walk fed in chunks then waits for the expansion to end).
    let syntaxDiagnostics: () -> [Diagnostic]
    /// Positions where the syntax layer already reported a brace problem (KA102, KA106).
    var storedReportedBraces: Set<BracePosition>?
    var tree = BoundTree()
    /// The block of each statement in `tree.statements` (the blocks' lists are filled at the end).
    var statementBlocks: [Int32] = []
    var diagnostics: [Diagnostic] = []
    var checker = ArgumentChecker()
    var cursor = 0
    /// The previous line was a keyword whose '{' on this line would be a trap.
    var trapCandidate = false
    /// keepalived's `skip_sublevel`: -1 waiting for a skipped block's '{', > 0 brace depth skipped.
    var skipSublevel = 0
    var frames: [Frame]
    var traps: [Diagnostic] = []
    var lastResolvedTrap: Int?
    /// Names of the named blocks seen so far, by block keyword.
    var names: BlockNameTable
    let tables: RowTableCache
    /// Did-you-mean hints by block and word: the schema's edit-distance search runs once per pair.
    var hints: [String: [String: String]] = [:]
    /// Unknown-keyword findings' rules and texts, by what they depend on: a word met again in
    /// the same kind of place (a file written for a newer keepalived, a replayed definition) is
    /// described once. Two thirds of a fuzzer's unknown words are repeats, and describing one
    /// (case-insensitive lookup, hint, a message of ten pieces) cost 10,000 instructions.
    var unknownTexts: [UnknownKeywordText.Key: UnknownKeywordText] = [:]
    /// Unknown keywords already reported: a replayed definition or sequence meets the same
    /// word at the same place on every pass, and its finding is made once, not once a pass
    /// (a 15,000-line definition used 3,000 times made 192,000 findings, 44 of them distinct).
    var reportedUnknown = Set<UnknownKeywordReport>()
    /// The '}' that ended the value block just read (nil: the lines ran out first).
    var valueBlockEnd: Origin?

    struct BracePosition: Hashable {
        var code: String
        var file: String
        var line: Int
        var column: Int
    }

    init(schema: SchemaView, config: ExpandedConfig) {
        let diagnostics = config.diagnostics
        self.init(schema: schema, expectedLines: config.lines.count, syntaxDiagnostics: { diagnostics })
        self.lines = config.lines
    }

    /// A walker to be fed its lines with `walk(_:)`.
    init(schema: SchemaView, expectedLines: Int, syntaxDiagnostics: @escaping () -> [Diagnostic]) {
        self.schema = schema
        self.syntaxDiagnostics = syntaxDiagnostics
        self.tables = schema.isKeepalived ? RowTableCache.keepalived : RowTableCache(schema: schema)
        self.frames = [Frame(table: tables.topLevel, block: 0, needOpenBrace: false, opener: nil)]
        // At most one statement per line; untouched capacity costs no memory (pages are mapped on
        // first use), while growing would copy every statement once more.
        tree.statements.reserveCapacity(expectedLines)
        statementBlocks.reserveCapacity(expectedLines)
        // A block takes its keyword line and a '}' line (a '{' line too, mostly): reserved for
        // one every second line, so that the blocks are not copied (and new pages touched) at
        // each doubling. A file of unclosed blocks still grows the array past it.
        tree.blocks.reserveCapacity(expectedLines / 2 + 1)
        // Named blocks are a few per hundred lines; a growing index rehashes every entry.
        names = BlockNameTable(minimumCapacity: expectedLines / 32)
    }

    var reportedBraces: Set<BracePosition> {
        mutating get {
            if let storedReportedBraces { return storedReportedBraces }
            var reported = Set<BracePosition>()
            for diagnostic in syntaxDiagnostics()
            where diagnostic.rule == SyntaxRules.extraCloseBrace || diagnostic.rule == SyntaxRules.unexpectedOpenBrace {
                reported.insert(BracePosition(
                    code: diagnostic.code, file: diagnostic.file, line: diagnostic.line, column: diagnostic.column))
            }
            storedReportedBraces = reported
            return reported
        }
    }

    /// Walks every line, then ends the walk.
    mutating func run() {
        walkLines()
        finish()
    }

    /// Walks the next chunk of lines.
    mutating func walk(_ chunk: consuming [LogicalLine]) {
        // Consumed: a copy would hold the chunk until the walk ends, and the walk would then
        // copy every line to write into it.
        lines = consume chunk
        cursor = 0
        ownsLines = true
        walkLines()
    }

    /// The lines walked last, handed back once the walk is past them (no lookahead crosses a
    /// chunk's end).
    mutating func takeLines() -> [LogicalLine] {
        var taken: [LogicalLine] = []
        swap(&taken, &lines)
        return taken
    }

    /// Fills the blocks' statement lists and collects the diagnostics; after the last line.
    mutating func finish() {
        fillBlockStatements()
        for index in traps.indices { diagnostics.append(traps[index]) }
        diagnostics.append(contentsOf: checker.diagnostics)
        // The statements' blocks go to the tree (the lint facts read them), and the name table,
        // which only the walk reads (1.4 MB at 20,000 instances), goes before the model is built
        // beside the lint facts, where the walker used to hold it to the peak.
        swap(&tree.statementBlocks, &statementBlocks)
        names = BlockNameTable()
    }

    mutating func walkLines() {
        // Lines are read through a buffer pointer: each is then passed borrowed; an array's
        // subscript would copy each one (a retain and a release per reference in a line). The
        // array is taken out of `self` for the walk, so that an owned chunk is written in place
        // (moving words out) and an analysis's shared lines are only read.
        var lines: [LogicalLine] = []
        swap(&lines, &self.lines)
        if ownsLines {
            lines.withUnsafeMutableBufferPointer { buffer in
                walking = buffer
                walkLines(UnsafeBufferPointer(buffer))
            }
        } else {
            lines.withUnsafeBufferPointer { buffer in
                walking = UnsafeMutableBufferPointer(mutating: buffer)
                walkLines(buffer)
            }
        }
        walking = UnsafeMutableBufferPointer(start: nil, count: 0)
        swap(&lines, &self.lines)
    }

    /// A keyword line's words for its statement: moved out of an owned line (its words are
    /// read no more), copied from a shared one.
    @inline(__always)
    func statementWords(_ line: UnsafePointer<LogicalLine>) -> WordList {
        guard ownsLines else { return line.pointee.words }
        var words = WordList()
        swap(&words, &UnsafeMutablePointer(mutating: line).pointee.storedWords)
        return words
    }

    private mutating func walkLines(_ lines: UnsafeBufferPointer<LogicalLine>) {
        while cursor < lines.count {
            let index = cursor
            cursor += 1
            let followsTrap = trapCandidate
            trapCandidate = false
            guard let first = lines[index].firstWordText else { continue }
            let isOpenBrace = Self.isBrace(first, UInt8(ascii: "{"))
            let depth = frames.count - 1
            if skipSublevel == -1 {
                if isOpenBrace {
                    skipSublevel = 1
                    frames[depth].needOpenBrace = false
                    continue
                }
                skipSublevel = 0
            }
            if skipSublevel != 0 {
                skipLine(lines[index], depth: depth)
                continue
            }
            if frames[depth].needOpenBrace {
                frames[depth].needOpenBrace = false
                if isOpenBrace && depth > 0 { continue }
                reportMissingOpenBrace(frames[depth], at: lines[index])
            } else if isOpenBrace {
                if !followsTrap { reportUnexpectedOpenBrace(lines[index]) }
                continue
            }
            if Self.isBrace(first, UInt8(ascii: "}")) {
                if depth > 0 {
                    closeFrame(at: lines[index].origin)
                } else {
                    topLevelCloseBrace(lines[index].origin)
                }
                continue
            }
            // By address: a line passed by value to a mutating method is copied first (the
            // compiler cannot tell that the method leaves the buffer alone).
            trapCandidate = bindKeyword(lines.baseAddress! + index, keyword: first)
        }
    }

    /// `word == "{"` (or `"}"`) without a string comparison for the keywords, which are longer.
    @inline(__always)
    static func isBrace(_ word: String, _ brace: UInt8) -> Bool {
        word.utf8.count == 1 && word.utf8.first == brace
    }

    // MARK: Skipped blocks

    mutating func skipLine(_ line: LogicalLine, depth: Int) {
        var last = ""
        for word in line.words {
            last = word.text
            if last == "{" {
                skipSublevel += 1
            } else if last == "}" {
                skipSublevel -= 1
                if skipSublevel == 0 { break }
            }
        }
        if last == "}" && skipSublevel == 0 && depth > 0 {
            closeFrame(at: line.origin)
        }
    }

    // MARK: Braces

    mutating func closeFrame(at origin: Origin) {
        let frame = frames.removeLast()
        if let block = frame.block { tree.blocks[block].closingBrace = origin }
        for trap in frame.pendingTraps {
            let closed = frame.opener?.text ?? "the block"
            traps[trap].related.append(RelatedLocation(
                file: origin.file, line: origin.line, column: origin.column,
                message: "this '}' ends the ignored block's lines but closes '\(closed)' for keepalived; the keywords after it are read one level up"))
            lastResolvedTrap = trap
        }
    }

    mutating func topLevelCloseBrace(_ origin: Origin) {
        if let trap = frames[0].pendingTraps.popLast() {
            traps[trap].related.append(RelatedLocation(
                file: origin.file, line: origin.line, column: origin.column,
                message: "the ignored block ends here; keepalived reports \"Unknown keyword '}'\""))
            lastResolvedTrap = trap
            return
        }
        let position = BracePosition(
            code: SyntaxRules.extraCloseBrace.code, file: origin.file, line: origin.line, column: origin.column)
        if reportedBraces.contains(position) { return }
        if let trap = lastResolvedTrap {
            traps[trap].related.append(RelatedLocation(
                file: origin.file, line: origin.line, column: origin.column,
                message: "the block's own '}' is then read at the top level: keepalived reports \"Unknown keyword '}'\""))
            return
        }
        diagnostics.append(Diagnostic(
            SemanticRules.unknownKeyword,
            "'}' at the top level closes no block for keepalived; it reports \"Unknown keyword '}'\"",
            at: origin.span))
    }

    mutating func reportUnexpectedOpenBrace(_ line: LogicalLine) {
        let origin = line.origin
        let position = BracePosition(
            code: SyntaxRules.unexpectedOpenBrace.code, file: origin.file, line: origin.line, column: origin.column)
        if reportedBraces.contains(position) { return }
        diagnostics.append(Diagnostic(
            SyntaxRules.unexpectedOpenBrace,
            "'{' opens no block here; keepalived reports \"Unexpected '{' - ignoring\" and reads the following lines into the enclosing block",
            at: origin.span))
    }

    mutating func reportMissingOpenBrace(_ frame: Frame, at line: LogicalLine) {
        let keyword = frame.opener?.text ?? "block"
        let span = frame.opener?.origin.span ?? line.origin.span
        diagnostics.append(Diagnostic(
            SemanticRules.missingBlock,
            "'\(keyword)' is not followed by '{'; keepalived reports \"Missing '{' at beginning of configuration block\" and reads the following lines as the block's keywords up to the next '}'",
            at: span))
    }

    // MARK: Keywords

    /// Binds one keyword line; returns true when a '{' on the next line would be a trap.
    mutating func bindKeyword(_ line: UnsafePointer<LogicalLine>, keyword: String) -> Bool {
        // The frame's table, used without a reference count (`tables` holds it for the walk).
        let table = Unmanaged.passUnretained(frames[frames.count - 1].table)
        guard let row = table._withUnsafeGuaranteedRef({ $0.rows[keyword] }), row.knownIn227 else {
            let table = table.takeUnretainedValue()
            reportUnknown(line.pointee, in: table, row: table.rows[keyword]?.spec)
            return true
        }
        let origin = line.pointee.origin
        // Read the row's own copies of its fields: reading `row.spec` copies the whole row.
        if row.isDeprecated { reportDeprecated(row.spec, word: line.pointee.words[0], in: table.takeUnretainedValue().spec) }
        let kind = row.kind
        switch kind {
        case .block(let name):
            openBlock(line, row: row, subName: name)
            return false
        case .valueBlock:
            let words = line.pointee.words
            let header = words.prefixList(1 + row.arguments.count)
            if row.valueReading == .checked { checker.check(row, words: header, lineOrigin: origin) }
            valueBlockEnd = nil
            var entries = EntryRun.Collector(after: header)
            readValueBlock(line, row: row, into: &entries)
            // The text is the whole line's, also when the header is only part of it.
            let text = header.count == words.count ? line.pointee.storedText : line.pointee.text
            if let end = valueBlockEnd, entries.allEmpty { tree.emptyValueBlockEnds[tree.statements.count] = end }
            append(BoundStatement(row: row, words: header, text: text, collected: entries, origin: origin))
            return false
        case .script, .value:
            break
        }
        // What the not-a-block trap reads after the words are the statement's.
        let opener = nextLineOpensBlock ? line.pointee.words[0] : nil
        let words = statementWords(line)
        // A script line's words are not values (`valueReading` none); a value line missing
        // arguments may make keepalived leave the block that follows.
        let checked = row.valueReading == .checked
        if checked { checker.check(row, words: words, lineOrigin: origin) }
        let exitsBeforeBlock = checked && words.count - 1 < row.minimumArguments && row.missingArgumentExits
        // The row and the words are handed to the statement (consumed, not copied); the rare
        // not-a-block trap reads them again from the line and the table.
        append(BoundStatement(row: consume row, words: consume words, text: line.pointee.storedText, block: nil, origin: origin))
        guard let opener else { return false }
        if exitsBeforeBlock {
            skipBlockAfterExit(opener: opener)
            return false
        }
        return nextLineIsOpenBrace(row: table.takeUnretainedValue().rows[keyword]!, word: opener)
    }

    /// Each block's statement list: one array of every statement grouped by block (a counting
    /// sort of `statementBlocks`), and each block a window on it. Through buffer pointers: the
    /// walk's end waits for this, and array subscripts checked uniqueness and bounds 20,000
    /// times a large file.
    mutating func fillBlockStatements() {
        let blockCount = tree.blocks.count
        // First each block's start, then, once its statements are placed, its end.
        var bounds = [Int](repeating: 0, count: blockCount + 1)
        var grouped = [Int32](repeating: 0, count: statementBlocks.count)
        statementBlocks.withUnsafeBufferPointer { owners in
            bounds.withUnsafeMutableBufferPointer { bounds in
                for block in owners { bounds[Int(block) + 1] += 1 }
                for index in 0..<blockCount { bounds[index + 1] += bounds[index] }
                grouped.withUnsafeMutableBufferPointer { grouped in
                    for (statement, block) in owners.enumerated() {
                        grouped[bounds[Int(block)]] = Int32(truncatingIfNeeded: statement)
                        bounds[Int(block)] += 1
                    }
                }
            }
        }
        tree.blocks.withUnsafeMutableBufferPointer { blocks in
            var start = 0
            for index in 0..<blockCount {
                let end = bounds[index]
                blocks[index].statements = BlockStatements(storage: grouped, offset: start, count: end - start)
                start = end
            }
        }
    }

    @inline(__always)
    mutating func append(_ statement: consuming BoundStatement) {
        guard let block = frames[frames.count - 1].block else { return }
        statementBlocks.append(Int32(truncatingIfNeeded: block))
        tree.statements.append(statement)
    }

    var nextLineOpensBlock: Bool { cursor < walking.count && walking[cursor].kind == .openBrace }

    /// `mcast_src_ip {` with no address: keepalived's process exits at the missing parameter
    /// (reported by the argument check), so it never reads the block the way the not-a-block trap
    /// describes; the processes that skip this scope count its braces. The block is skipped as a
    /// whole, so that what follows binds where it was written and no finding describes a reading
    /// that never happens. (Rows whose handler survives the missing word, `missingArgumentExits`, keep
    /// the trap: `router_id {` logs "routerid name missing" and reads on.)
    mutating func skipBlockAfterExit(opener: ExpandedWord) {
        frames.append(Frame(skipping: BlockSpec(opener.text, []), needOpenBrace: true, opener: opener))
        skipSublevel = -1
    }

    /// A known keyword that takes no block, followed by '{': the not-a-block trap.
    mutating func nextLineIsOpenBrace(row: KeywordRow, word: @autoclosure () -> ExpandedWord) -> Bool {
        guard nextLineOpensBlock else { return false }
        let word = word()
        let spec = row.spec
        addTrap(Diagnostic(
            SemanticRules.notABlock,
            "'\(spec.name)' takes no block: keepalived reports \"Unexpected '{' - ignoring\", reads the lines of this block into \(enclosingName) and the block's '}' closes \(enclosingName)",
            at: word.origin.span))
        return true
    }

    var enclosingName: String {
        frames.last?.opener.map { "'\($0.text)'" } ?? "the top level"
    }

    mutating func addTrap(_ diagnostic: Diagnostic) {
        traps.append(diagnostic)
        frames[frames.count - 1].pendingTraps.append(traps.count - 1)
    }

    mutating func reportDeprecated(_ spec: KeywordSpec, word: ExpandedWord, in block: BlockSpec) {
        guard let replacement = spec.deprecatedBy else { return }
        var fixIts: [FixIt] = []
        if let newer = block.keyword(replacement), newer.kind == spec.kind, newer.arguments == spec.arguments {
            fixIts = ArgumentChecker.replacement(for: word, with: replacement)
        }
        diagnostics.append(Diagnostic(
            SemanticRules.deprecatedKeyword,
            "'\(spec.name)' is deprecated; use '\(replacement)' (keepalived 2.2.7 still accepts it)",
            at: word.origin.span, fixIts: fixIts))
    }

    mutating func reportUnknown(_ line: LogicalLine, in table: RowTable, row: KeywordSpec?) {
        let block = table.spec
        let word = line.words[0]
        let keyword = word.text
        let atTop = frames.count == 1
        // A trap (the unknown word opens a block) is resolved with its frame later: never skipped.
        if !nextLineOpensBlock {
            let report = UnknownKeywordReport(origin: word.origin, keyword: UTF8Key(keyword), block: block.name, atTop: atTop)
            guard reportedUnknown.insert(report).inserted else { return }
        }
        let trap = nextLineOpensBlock
        let key = UnknownKeywordText.Key(keyword: UTF8Key(keyword), table: ObjectIdentifier(table), atTop: atTop, trapInto: trap ? enclosingName : nil)
        let text: UnknownKeywordText
        if let known = unknownTexts[key] {
            text = known
        } else {
            text = describeUnknown(keyword, in: table, row: row, place: atTop ? "at the top level" : "in '\(block.name)'", trapInto: key.trapInto)
            unknownTexts[key] = text
        }
        let fixIts = text.correctCase.map { ArgumentChecker.replacement(for: word, with: $0) } ?? []
        addOrReport(Diagnostic(text.rule, text.message, at: word.origin.span, fixIts: fixIts), trap: trap)
    }

    /// The finding for an unknown `keyword` of `table`'s block: newer than 2.2.7, in the wrong
    /// case, or unknown with a hint. `trapInto` names the enclosing block when the next line's
    /// '{' makes the word a trap.
    mutating func describeUnknown(_ keyword: String, in table: RowTable, row: KeywordSpec?, place: String, trapInto: String?)
        -> UnknownKeywordText
    {
        let trapText =
            trapInto.map {
                "; the '{' after it is ignored (\"Unexpected '{'\"), the block's lines are read into \($0) and its '}' closes \($0)"
            } ?? ""
        if let row {
            return UnknownKeywordText(
                rule: SemanticRules.keywordNotIn227,
                message: "'\(keyword)' is not known to keepalived 2.2.7 (since \(row.since)); it reports \"Unknown keyword '\(keyword)'\" and ignores the line\(trapText)",
                correctCase: nil)
        }
        if let correct = caseInsensitiveMatch(keyword, in: table) {
            return UnknownKeywordText(
                rule: SemanticRules.wrongCase,
                message: "keywords are case-sensitive: keepalived reports \"Unknown keyword '\(keyword)'\" and ignores the line\(trapText); write '\(correct)'",
                correctCase: correct)
        }
        let hint = self.hint(for: keyword, in: table.spec)
        let what = trapInto != nil ? "unknown keyword '\(keyword)' opens a block \(place)" : "unknown keyword '\(keyword)' \(place)"
        return UnknownKeywordText(
            rule: trapInto != nil ? SemanticRules.unknownBlockKeyword : SemanticRules.unknownKeyword,
            message: "\(what): keepalived reports \"Unknown keyword '\(keyword)'\" and ignores the line\(trapText)\(hint)",
            correctCase: nil)
    }

    /// "belongs in X" when the keyword lives in another block, else the schema's suggestions.
    mutating func hint(for keyword: String, in block: BlockSpec) -> String {
        if let cached = hints[block.name]?[keyword] { return cached }
        var hint = ""
        let topName = schema.topLevel.name
        let homes = schema.blocksContaining(keyword).filter { $0 != block.name }
        if !homes.isEmpty {
            hint = "; '\(keyword)' belongs in "
                + homes.prefix(3).map { $0 == topName ? "the top level" : "'\($0)'" }.joined(separator: " or ")
        } else {
            let suggestions = schema.suggestions(keyword, block)
            if !suggestions.isEmpty {
                hint = "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"
            }
        }
        hints[block.name, default: [:]][keyword] = hint
        return hint
    }

    mutating func addOrReport(_ diagnostic: Diagnostic, trap: Bool) {
        if trap { addTrap(diagnostic) } else { diagnostics.append(diagnostic) }
    }

    func caseInsensitiveMatch(_ keyword: String, in table: RowTable) -> String? {
        table.keyword(matchingCaseInsensitively: keyword)
    }
}
