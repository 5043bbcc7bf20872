/// Expands a keepalived.conf the way keepalived 2.2.7 reads it: the logical lines its keyword
/// processor would see, each word with its origin, plus every file's syntax tree and the
/// KA1xx diagnostics of reading and expanding.
public enum Expander {
    public static func expand(path: String, options: ExpansionOptions, fileSystem: some ConfigFileSystem) -> ExpandedConfig {
        expand(path: path, options: options, fileSystem: fileSystem, plainFastPath: true)
    }

    static func expand(path: String, options: ExpansionOptions, fileSystem: some ConfigFileSystem, plainFastPath: Bool) -> ExpandedConfig {
        var reader = LineReader(fileSystem: fileSystem, options: options, preloaded: [:])
        openRoot(&reader, path: path)
        return run(&reader, rootPath: path, plainFastPath: plainFastPath)
    }

    /// Opens the root file, reporting it when it is not there.
    static func openRoot<FileSystem>(_ reader: inout LineReader<FileSystem>, path: String) {
        guard !reader.openRoot(path: path), reader.diagnostics.isEmpty else { return }
        let position = SourceLocation(line: 1, column: 1)
        reader.diagnostics.append(Diagnostic(
            SyntaxRules.unreadableFile, "configuration file '\(path)' not found (keepalived: \"Failed to open configuration file\")",
            at: SourceSpan(file: path, start: position, end: position)))
    }

    /// One file given as a tree; its includes are read from `fileSystem`.
    public static func expand(tree: SyntaxTree, options: ExpansionOptions, fileSystem: some ConfigFileSystem) -> ExpandedConfig {
        let path = tree.source.path
        let file = ExpandedFile(tree, keepingTree: options.keepsSyntaxTrees)
        var reader = LineReader(fileSystem: fileSystem, options: options, preloaded: [path: .ready(file)])
        _ = reader.openRoot(path: path)
        return run(&reader, rootPath: path)
    }

    /// One file given as a tree, its lines handed to `emit` in chunks of about `chunkLines` and
    /// not kept in the result: a caller that only looks at each line once (kafmt's reading
    /// check) holds one chunk at a time.
    package static func expand(
        tree: SyntaxTree, options: ExpansionOptions, fileSystem: some ConfigFileSystem, chunkLines: Int,
        emit: ([LogicalLine]) -> Void
    ) -> ExpandedConfig {
        let path = tree.source.path
        let file = ExpandedFile(tree, keepingTree: options.keepsSyntaxTrees)
        var reader = LineReader(fileSystem: fileSystem, options: options, preloaded: [path: .ready(file)])
        _ = reader.openRoot(path: path)
        // The chunk array is reused for the next chunk once `emit` has read it.
        return withoutActuallyEscaping(emit) { emit in
            run(&reader, rootPath: path, chunkLines: chunkLines, emit: { emit($0) }, keepLines: false)
        }
    }

    /// `plainFastPath: false` sends every line through the full pipeline (tests compare both).
    /// With `emit`, the lines also go to it in chunks, in order, each ending with a `}` line once
    /// it has at least `chunkLines` lines: a consumer can bind them while the rest is expanded.
    /// `emit` takes the chunk and may leave in its place an array it is done with, which the
    /// expansion empties and fills with the next chunk: its pages are already mapped, and the
    /// lines it held are destroyed on this thread rather than the consumer's.
    /// `linesEnded` is called after the last line, before the files' syntax trees are collected.
    /// With `emit` and `keepLines: false`, the result holds no lines (the consumer had them).
    static func run<FileSystem>(
        _ reader: inout LineReader<FileSystem>, rootPath: String, plainFastPath: Bool = true,
        chunkLines: Int = Int.max, emit: ((inout [LogicalLine]) -> Void)? = nil, keepLines: Bool = true,
        linesEnded: (() -> Void)? = nil
    ) -> ExpandedConfig {
        let builder = LineBuilder()
        let expectedLines = Self.expectedLines(reader)
        let chunkCapacity = emit == nil ? expectedLines : min(expectedLines, chunkLines + chunkLines / 4)
        /// Every line, when they are emitted in chunks.
        var allLines: [LogicalLine] = []
        if emit != nil, keepLines { allLines.reserveCapacity(expectedLines) }
        var lines: [LogicalLine] = []
        /// The words of every plain line of `lines`, one after the other; lines are windows on it.
        var words = WordArena(capacity: chunkCapacity * 3 / 2)
        lines.reserveCapacity(chunkCapacity)
        /// Lines handed to `emit` so far.
        var emitted = 0
        var blocks = BlockTracker()
        var buffer = LineText(context: 0)
        while emitted + lines.count < reader.options.maxLogicalLines {
            // A chunk ends after a `}` line: the keyword walker looks ahead of a keyword line (for
            // its `{`, or a value block's entries) but never past a `}` line.
            if let emit, lines.count >= chunkLines, lines[lines.count - 1].kind == .closeBrace {
                Self.attach(words, to: &lines)
                emitted += lines.count
                // Copied before it is handed on: the copy retains each line's words, and doing
                // that while the binder retains the same arrays on another core would make both
                // wait on their reference counts.
                if keepLines { allLines.append(contentsOf: lines) }
                emit(&lines)
                lines.removeAll(keepingCapacity: true)
                words = WordArena(capacity: chunkCapacity * 3 / 2)
                lines.reserveCapacity(chunkCapacity)
            }
            let before = lines.count
            if let reason = reader.budget.checkLines(emitted + before) {
                reader.stop(reason: reason)
                break
            }
            // The fast path reads plain lines up to the next chunk end or the line limit.
            let lineLimit = min(emit == nil ? Int.max : max(chunkLines, before + 1), reader.options.maxLogicalLines - emitted)
            if plainFastPath, reader.readPlainLines(into: &lines, words: &words, lineLimit: lineLimit) {
                // Appended by the fast path.
            } else if reader.readLine(into: &buffer) {
                guard let line = builder.logicalLine(buffer, contexts: &reader.contexts) else { continue }
                lines.append(line)
            } else {
                break
            }
            for index in before..<lines.count {
                let kind = lines[index].kind
                if blocks.isIncludeCheck(kind: kind, keyword: kind == .words ? Self.firstWord(of: lines[index], in: words) : nil) {
                    let line = lines[index].storedWords
                    let texts = line.storage.isEmpty ? (line.offset..<(line.offset + line.count)).map { words.text($0) } : line.map(\.text)
                    reader.applyIncludeCheck(texts)
                }
            }
        }
        Self.attach(words, to: &lines)
        let limit = reader.options.maxLogicalLines
        if emitted + lines.count >= limit {
            // Only the last chunk can pass the limit: a chunk is emitted only below it.
            lines.removeSubrange((limit - emitted)...)
            reader.stop(reason: reader.budget.totalReason)
        }
        if let emit {
            if keepLines { allLines.append(contentsOf: lines) }
            emit(&lines)
            lines = allLines
        }
        linesEnded?()
        var diagnostics: [Diagnostic] = []
        var files: [String: ExpandedFile] = [:]
        for path in reader.treeOrder {
            guard let file = reader.trees[path]?.takeFile() else { continue }
            diagnostics += file.diagnostics
            files[path] = file
        }
        var seen = Set<ExactDiagnostic>()
        for diagnostic in reader.diagnostics where seen.insert(ExactDiagnostic(diagnostic)).inserted {
            diagnostics.append(diagnostic)
        }
        return ExpandedConfig(rootPath: rootPath, lines: lines, files: files, diagnostics: diagnostics)
    }

    /// At most about one logical line per 16 bytes of the root file (a statement or a brace line);
    /// untouched capacity costs no memory, while growing copies every line once more.
    static func expectedLines<FileSystem>(_ reader: LineReader<FileSystem>) -> Int {
        (reader.contexts.first?.source.bytes.count ?? 0) / 16 + 16
    }

    /// Attaches the shared words to the plain lines (a reference each, no copies).
    static func attach(_ words: consuming WordArena, to lines: inout [LogicalLine]) {
        let chunk = WordStorage.chunk(WordChunk(words))
        for index in lines.indices where lines[index].storedWords.storage.isEmpty && lines[index].storedWords.count > 0 {
            lines[index].storedWords.storage = chunk
        }
    }
}

extension Expander {
    /// The first word's text of a line while its words may still be in the shared array only.
    static func firstWord(of line: LogicalLine, in words: WordArena) -> String? {
        let list = line.storedWords
        guard list.count > 0 else { return nil }
        return list.storage.isEmpty ? words.text(list.offset) : list[0].text
    }
}

/// Follows `keyword` / `{` / `}` lines far enough to see `include_check` inside `global_defs`,
/// which changes how strict later includes are.
struct BlockTracker {
    /// Per open block: whether its keyword was `global_defs` (only that block matters here).
    var stack: [Bool] = []
    var lastIsGlobalDefs = false

    /// Takes the next line; true for `include_check` in `global_defs`.
    /// `keyword` is read only for lines at the top level or directly in `global_defs`: a
    /// `global_defs` deeper down never counts, so most lines need no look at their words.
    mutating func isIncludeCheck(kind: LogicalLine.Kind, keyword: @autoclosure () -> String?) -> Bool {
        switch kind {
        case .openBrace:
            stack.append(lastIsGlobalDefs)
            lastIsGlobalDefs = false
        case .closeBrace:
            _ = stack.popLast()
            lastIsGlobalDefs = false
        case .words:
            if stack.isEmpty {
                lastIsGlobalDefs = keyword() == "global_defs"
                return false
            }
            lastIsGlobalDefs = false
            return stack.count == 1 && stack[0] && keyword() == "include_check"
        }
        return false
    }
}

extension LineReader {
    /// `include_check_set`: no argument = everything strict; `word` sets, `+word`/`-word` adjust.
    mutating func applyIncludeCheck(_ words: [String]) {
        guard words.count > 1 else {
            includeCheck = .all
            return
        }
        for (index, word) in words.enumerated().dropFirst() {
            var name = Substring(word)
            var mode = 0
            if name.hasPrefix("-") { mode = -1; name = name.dropFirst() }
            else if name.hasPrefix("+") { mode = 1; name = name.dropFirst() }
            else if index == 1 { includeCheck = [] }
            else { continue }
            let flag: IncludeFlags
            switch name {
            case "read": flag = .read
            case "match": flag = .match
            case "wildcard_match": flag = .wildcard
            case "brace_match": flag = .brace
            default: continue
            }
            switch mode {
            case 0: includeCheck = flag.union(.read)
            case 1: includeCheck.formUnion(flag)
            default: includeCheck.subtract(flag)
            }
        }
    }
}
