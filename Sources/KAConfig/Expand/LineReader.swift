/// keepalived 2.2.7's `read_line` (lib/parser.c) as a state machine over byte buffers that
/// remember where each byte came from. Each call returns one logical line: `{`, `}`, or the text
/// of a keyword line, after includes, `@id`, definitions, `~SEQ`/`~LST` and `$` substitution.
struct LineReader<FileSystem: ConfigFileSystem> {
    let fileSystem: FileSystem
    let options: ExpansionOptions
    let configID: [UInt8]?

    var contexts: [FileContext] = []
    /// Every file's tree (large ones may still be parsing), in the order the files were first read.
    var trees: [String: PendingFile] = [:]
    var treeOrder: [String] = []
    /// The paths in `treeOrder`, for a lookup per file opened.
    var treeOrderPaths = Set<String>()
    /// Files of at least this many bytes are parsed on a thread of their own while the expansion
    /// goes on (it needs only their bytes and line table).
    var backgroundParseBytes = Int.max
    /// The root file's scan for findings, when it is large enough to be read in the background
    /// and no tree is kept: no thread of its own, but a job for a thread to claim (the
    /// pipeline's binder runs it while it waits for the expansion's first lines).
    var rootScan: BackgroundJob<ExpandedFile>?
    var diagnostics: [Diagnostic] = []
    /// Undefined `$` references already reported (file, position and text, hashed).
    var reportedUndefined = Set<Int>()

    /// Top of the stack is read first, as keepalived's include list.
    var includeStack: [GlobEntry] = []
    var includeCheck: IncludeFlags
    /// The text after a brace, read next (`line_residue`); its storage is reused.
    var residue = LineText(context: 0)
    var hasResidue = false
    /// True while the current buffer is a physical line as written (no prefix, no substitution,
    /// not a residue or replay): only such include lines are blanked in keepalived's copy.
    var lineIsVerbatim = false
    var sequences: [Sequence] = []
    var multilineSequenceDepth = 0
    var replay: Replay?
    var multilineStack: [Replay] = []
    var definitions = DefinitionTable()
    /// The strings of the words the fast path has made (see `WordCache`).
    var wordCache = WordCache()
    /// The definition a multi-line `$NAME=...\` is adding to.
    var openDefinition: [UInt8]?
    var random: RandomSource
    /// What the expansion may still spend (KA118).
    var budget: ExpansionBudget
    var globCache = GlobCache()
    var stopped = false

    init(fileSystem: FileSystem, options: ExpansionOptions, preloaded: [String: PendingFile]) {
        self.fileSystem = fileSystem
        self.options = options
        self.configID = options.configID.map { Array($0.utf8) }
        self.includeCheck = options.strictIncludes ? .all : []
        self.random = RandomSource(state: options.randomSeed)
        self.trees = preloaded
        self.budget = ExpansionBudget(options: options)
    }

    // MARK: - read_line

    /// The next logical line into `buffer` (whose storage is reused); false at the end.
    mutating func readLine(into buffer: inout LineText) -> Bool {
        buffer.removeAll()
        var addingToDefinition = false
        repeat {
            lineIsVerbatim = false
            if let reason = budget.takeStep() {
                stop(reason: reason)
                return false
            }
            if hasResidue {
                buffer.assign(residue)
                hasResidue = false
            } else if !sequences.isEmpty, sequences.count > multilineSequenceDepth {
                buffer = nextSequenceLine()
            } else if replay != nil {
                buffer = nextReplayLine()
            } else if !readPhysicalLine(into: &buffer, addingToDefinition: &addingToDefinition) {
                return false
            }
            if addingToDefinition {
                appendToDefinition(buffer, addingToDefinition: &addingToDefinition)
                buffer.removeAll()
                continue
            }
            if buffer.isEmpty { continue }
            guard spend(buffer.count) else { return false }
            applyLinePrefixes(&buffer, addingToDefinition: &addingToDefinition)
        } while buffer.isEmpty || checkInclude(buffer)
        splitAtBrace(&buffer)
        return true
    }

    /// Charges `bytes` of work to the budget; false (and stopped) once it is spent.
    mutating func spend(_ bytes: Int) -> Bool {
        guard let reason = budget.work(bytes) else { return true }
        stop(reason: reason)
        return false
    }

    mutating func stop(reason: String) {
        guard !stopped else { return }
        stopped = true
        let span = contexts.first.map { $0.source.span(0..<0) }
            ?? SourceSpan(file: "", start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 1))
        diagnostics.append(Diagnostic(SyntaxRules.expansionLimit, reason, at: currentSpan() ?? span))
        includeStack.removeAll()
        hasResidue = false
        sequences.removeAll()
        replay = nil
        multilineStack.removeAll()
    }

    /// The position the reader is at, for diagnostics without a better place.
    func currentSpan() -> SourceSpan? {
        guard let file = includeStack.last?.file else { return nil }
        let source = contexts[file.context].source
        let offset = min(file.position, source.bytes.count)
        return source.span(max(0, offset - 1)..<offset)
    }

    /// The `@id`/`@^id`, `$NAME=`, `~SEQ`/`~LST` and substitution steps, repeated while
    /// substitution produces a new `@` prefix or more `$`.
    mutating func applyLinePrefixes(_ buffer: inout LineText, addingToDefinition: inout Bool) {
        var rounds = 0
        var recheck: Bool
        repeat {
            recheck = false
            rounds += 1
            if rounds > 10_000 {
                report(SyntaxRules.invalidDefinition, "parameter substitution does not terminate; keepalived 2.2.7 would hang", line: buffer)
                buffer.removeAll()
                return
            }
            if buffer.bytes.first == UInt8(ascii: "@"), !applyConditional(&buffer) {
                buffer.removeAll()
                return
            }
            if buffer.bytes.first == UInt8(ascii: "$"), let (name, isMultiline) = checkDefinition(buffer) {
                if isMultiline {
                    addingToDefinition = true
                    openDefinition = name
                }
                buffer.removeAll()
                return
            }
            if buffer.starts(with: "~SEQ") || buffer.starts(with: "~LST") {
                addSequence(buffer)
                buffer.removeAll()
                return
            }
            if buffer.bytes.first == UInt8(ascii: "~") { return }
            if buffer.bytes.contains(UInt8(ascii: "$")) {
                var pointer = replay
                let replaced = replaceParameters(&buffer, maxLength: keepalivedBufferSize, multiline: &pointer)
                replay = pointer
                guard replaced else { return }
                lineIsVerbatim = false
                if !buffer.decomment() {
                    report(SyntaxRules.unterminatedQuote, "unterminated double quote after parameter substitution", line: buffer)
                }
                if buffer.bytes.first == UInt8(ascii: "@") { recheck = true }
                if buffer.bytes.contains(UInt8(ascii: "$")) { recheck = true }
            }
        } while recheck
    }

    /// `@id rest` / `@^id rest`: true when the line stays (prefix removed).
    func conditionalKeeps(_ bytes: [UInt8]) -> (keep: Bool, restStart: Int) {
        let negated = bytes.count > 1 && bytes[1] == UInt8(ascii: "^")
        let idStart = negated ? 2 : 1
        guard let blank = bytes[idStart...].firstIndex(where: { $0 == 0x20 || $0 == 0x09 }) else { return (false, 0) }
        let matches = configID.map { bytes[idStart..<blank].elementsEqual($0) } ?? false
        guard matches != negated else { return (false, 0) }
        var rest = blank
        while rest < bytes.count, bytes[rest] == 0x20 || bytes[rest] == 0x09 { rest += 1 }
        return (true, rest)
    }

    mutating func applyConditional(_ buffer: inout LineText) -> Bool {
        let (keep, restStart) = conditionalKeeps(buffer.bytes)
        if keep { buffer.removeFirst(restStart) }
        lineIsVerbatim = false
        return keep
    }

    /// The line after the first `{` or `}` outside double quotes is kept for the next call.
    mutating func splitAtBrace(_ buffer: inout LineText) {
        guard let first = buffer.bytes.first else { return }
        var brace: Int?
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "}") {
            brace = 0
        } else {
            var index = 0
            let bytes = buffer.bytes
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") {
                    brace = index
                    break
                }
                if byte == UInt8(ascii: "\"") {
                    guard let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "\"")) else { break }
                    index = close + 1
                    continue
                }
                index += 1
            }
        }
        if let brace {
            var cut = brace
            if brace == 0 {
                cut = 1
                while cut < buffer.count, buffer.bytes[cut] == 0x20 || buffer.bytes[cut] == 0x09 { cut += 1 }
            }
            if cut < buffer.count {
                residue.assign(buffer, from: cut)
                residue.trimTrailingBlanks()
                hasResidue = true
                buffer.truncate(at: cut)
            }
        }
        buffer.trimTrailingBlanks()
    }

    // MARK: - Sources of lines other than files

    mutating func nextSequenceLine() -> LineText {
        var sequence = sequences.removeLast()
        let (assignments, finished) = sequence.advance()
        for (name, value) in assignments { definitions.set(name, value) }
        let text = sequence.text
        if !finished { sequences.append(sequence) }
        return text
    }

    mutating func nextReplayLine() -> LineText {
        guard var current = replay else { return LineText(context: 0) }
        let start = min(current.position, current.value.count)
        let line: ArraySlice<UInt8>
        if let newline = current.value[start...].firstIndex(of: 0x0A) {
            line = current.value[start..<newline]
            current.position = newline + 1
            replay = current
        } else {
            line = current.value[start...]
            if let outer = multilineStack.popLast() {
                replay = outer
            } else {
                replay = nil
                multilineSequenceDepth = 0
            }
        }
        return LineText(bytes: Array(line), marks: Array(repeating: current.mark, count: line.count), context: current.context)
    }

    mutating func addSequence(_ buffer: LineText) {
        let isSeq = buffer.bytes[1] == UInt8(ascii: "S")
        let result: Result<Sequence, SequenceError>
        if isSeq {
            result = SequenceParser.parseSeq(buffer) { numbers in
                var multiline: Replay?
                _ = replaceParameters(&numbers, maxLength: 64, multiline: &multiline)
                return multiline == nil
            }
        } else {
            result = SequenceParser.parseList(buffer)
        }
        switch result {
        case .success(let sequence):
            sequences.append(sequence)
        case .failure(let error):
            let kind = isSeq ? "~SEQ" : "~LST"
            let detail = error.detail.map { "\($0); " } ?? ""
            report(SyntaxRules.invalidSequence, "\(detail)keepalived reports \"Invalid \(kind) specification\" and drops the line", line: buffer)
        }
    }

    // MARK: - Diagnostics

    mutating func report(_ rule: DiagnosticRule, _ message: String, line: LineText, severity: Severity? = nil) {
        guard let span = span(of: line) else { return }
        diagnostics.append(Diagnostic(rule, message, at: span, severity: severity))
    }

    /// The source span a line's bytes cover (substituted bytes count at their reference).
    func span(of line: LineText) -> SourceSpan? {
        guard line.context < contexts.count else { return nil }
        let source = contexts[line.context].source
        guard let first = line.marks.first, let last = line.marks.last else {
            return nil
        }
        let start = LineText.offset(of: first)
        let end = max(start + 1, LineText.offset(of: last) + 1)
        return source.span(min(start, source.bytes.count)..<min(end, source.bytes.count))
    }
}

/// keepalived's line buffer (`MAXBUF`): substitution may not make a line reach this length.
let keepalivedBufferSize = 1024
