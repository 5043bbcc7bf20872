/// Reading physical lines the way `fgets(buf, 1024, ...)` does, and following includes.
extension LineReader {
    /// The next non-empty physical line of the current file (after `decomment`), moving to the
    /// next glob match or back to the including file at each end of file. False at the very end.
    mutating func readPhysicalLine(into buffer: inout LineText, addingToDefinition: inout Bool) -> Bool {
        while true {
            guard let top = includeStack.last else {
                buffer.removeAll()
                return false
            }
            guard var file = top.file else {
                if !nextFile() { buffer.removeAll(); return false }
                continue
            }
            let bytes = contexts[file.context].source.bytes
            if file.position >= bytes.count {
                if nextFile() { continue }
                buffer.removeAll()
                return false
            }
            // fgets: up to 1023 bytes, ending after a newline if one comes first.
            let start = file.position
            let limit = min(bytes.count, start + keepalivedBufferSize - 1)
            var end = limit
            if let newline = bytes[start..<limit].firstIndex(of: 0x0A) { end = newline + 1 }
            file.position = end
            includeStack[includeStack.count - 1].file = file
            // strlen stops at a NUL: the rest of the chunk is lost.
            var length = (bytes[start..<end].firstIndex(of: 0) ?? end) - start
            while length > 0, bytes[start + length - 1] == 0x0A || bytes[start + length - 1] == 0x0D { length -= 1 }
            if length == 0 {
                if addingToDefinition {
                    // An empty physical line ends a multi-line definition.
                    addingToDefinition = false
                    endDefinitionIfEmpty()
                }
                continue
            }
            // Leading blanks go first (decomment would strip them anyway).
            var contentStart = start
            while contentStart < start + length, bytes[contentStart] == 0x20 || bytes[contentStart] == 0x09 { contentStart += 1 }
            buffer.context = file.context
            buffer.bytes.removeAll(keepingCapacity: true)
            buffer.bytes.append(contentsOf: bytes[contentStart..<(start + length)])
            buffer.marks.removeAll(keepingCapacity: true)
            buffer.marks.append(contentsOf: (UInt32(truncatingIfNeeded: contentStart)..<UInt32(truncatingIfNeeded: start + length)))
            let before = buffer.count
            buffer.decomment()
            if buffer.count < before, buffer.bytes.contains(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "!") }) {
                checkEscapedComment(buffer)
            }
            if !buffer.isEmpty {
                lineIsVerbatim = true
                return true
            }
            if addingToDefinition {
                // The copy has an empty line here, which ends the definition for the children.
                report(SyntaxRules.childProcessReread,
                    "keepalived 2.2.7's VRRP and checker processes see an empty line here, which ends the multi-line definition for them",
                    line: LineText(bytes: [0], marks: [UInt32(truncatingIfNeeded: contentStart)], context: file.context))
            }
        }
    }

    /// The parent process writes each decommented line to the consolidated copy its children
    /// read, and the children decomment it again: an unescaped `\#` then starts a comment
    /// (verified: `x\#y` gives "Unknown keyword 'x#y'" and "Unknown keyword 'x'").
    mutating func checkEscapedComment(_ line: LineText) {
        var copy = line
        copy.decomment()
        guard copy.bytes != line.bytes else { return }
        var cut = 0
        while cut < copy.count, copy.bytes[cut] == line.bytes[cut] { cut += 1 }
        var marked = line
        marked.bytes = Array(line.bytes[cut...])
        marked.marks = Array(line.marks[cut...])
        report(SyntaxRules.childProcessReread,
            "keepalived 2.2.7's VRRP and checker processes re-read this line as '\(String(decoding: line.bytes, as: UTF8.self))' and cut it here as a comment; quote the value instead",
            line: marked)
    }

    mutating func endDefinitionIfEmpty() {
        if let name = openDefinition, var definition = definitions[name], definition.value.isEmpty {
            definition.isMultiline = false
            definitions[name] = definition
        }
    }

    /// One more line of a multi-line definition: a final `\` continues it.
    mutating func appendToDefinition(_ buffer: LineText, addingToDefinition: inout Bool) {
        var line = ArraySlice(buffer.bytes)
        if line.last == UInt8(ascii: "\\") {
            line = line.dropLast()
            while let last = line.last, last == 0x20 || last == 0x09 { line = line.dropLast() }
            line.append(0x0A)
        } else {
            addingToDefinition = false
            endDefinitionIfEmpty()
        }
        // A line that is only `\` adds nothing.
        guard line.count >= 2 || (!line.isEmpty && !addingToDefinition), let name = openDefinition,
            var definition = definitions[name]
        else { return }
        definition.value.append(contentsOf: line)
        definitions[name] = definition
    }

    /// `check_definition`: `$NAME=value` (no blank before `=`). Returns the name and whether the
    /// value ends in `\` (a multi-line definition).
    mutating func checkDefinition(_ buffer: LineText) -> ([UInt8], Bool)? {
        let bytes = buffer.bytes
        guard bytes.count > 1, DefinitionTable.isNameStart(bytes[1]) else { return nil }
        var equals = 2
        while equals < bytes.count, bytes[equals] != UInt8(ascii: "=") {
            guard DefinitionTable.isNameByte(bytes[equals]) else { return nil }
            equals += 1
        }
        guard equals < bytes.count else { return nil }
        let name = Array(bytes[1..<equals])
        var valueStart = equals + 1
        while valueStart < bytes.count, bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 { valueStart += 1 }
        var value = Array(bytes[valueStart...])
        var isMultiline = false
        if value.last == UInt8(ascii: "\\") {
            value.removeLast()
            while let last = value.last, last == 0x20 || last == 0x09 { value.removeLast() }
            if !value.isEmpty { value.append(0x0A) }
            isMultiline = true
        }
        var definition = definitions[name] ?? Definition(value: [], isMultiline: false, builtin: nil, maxParameters: 0)
        definition.value = value
        definition.isMultiline = isMultiline
        definition.builtin = nil
        definitions[name] = definition
        return (name, isMultiline)
    }

    // MARK: - include

    /// `check_include`: `include`, `includer`, `includem`, `includew`, `includeb` or `includea`
    /// followed by white space; the rest of the line is one glob pattern.
    mutating func checkInclude(_ buffer: LineText) -> Bool {
        let bytes = buffer.bytes
        guard buffer.starts(with: "include"), bytes.count > 7 else { return false }
        let variant: UInt8?
        var patternStart: Int
        if Self.isSpace(bytes[7]) {
            variant = nil
            patternStart = 8
        } else if bytes.count > 8, Self.isSpace(bytes[8]), "rmwba".utf8.contains(bytes[7]) {
            variant = bytes[7]
            patternStart = 9
        } else {
            return false
        }
        while patternStart < bytes.count, bytes[patternStart] == 0x20 || bytes[patternStart] == 0x09 { patternStart += 1 }
        // An include costs more than other lines: its pattern is read as text, scanned for
        // braces and wildcards, looked up or globbed, and quoted in its findings. Charged eight
        // times its length, replayed include lines stop at an eighth of the budget's work (a
        // 1.7 KB fuzz input replayed 32,768 of them: 0.8 s after the glob cache, 47 s before).
        guard spend(bytes.count * Self.includeWorkFactor) else { return true }
        let pattern = RepairedText.string(bytes[min(patternStart, bytes.count)...])
        let directive = directiveLocation(buffer)
        if !lineIsVerbatim {
            // The parent blanks only lines that are literally an include in the copy it writes.
            report(SyntaxRules.childProcessReread,
                "keepalived 2.2.7's VRRP and checker processes read this include twice: once here and once as the copy the main process inlined; put it alone on its own line",
                line: buffer)
        }
        openGlob(pattern: pattern, flags: IncludeFlags.forVariant(variant), directive: directive, includer: buffer.context)
        return true
    }

    static var includeWorkFactor: Int { 8 }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    func directiveLocation(_ buffer: LineText) -> DirectiveLocation {
        let start = buffer.marks.first.map(LineText.offset(of:)) ?? 0
        let end = buffer.marks.last.map { LineText.offset(of: $0) + 1 } ?? start
        return DirectiveLocation(context: buffer.context, range: start..<max(start, end))
    }

    /// `open_glob_file` plus the depth limit. The pattern is globbed in keepalived's current
    /// directory: that of the file at the top of the include stack.
    mutating func openGlob(pattern: String, flags: IncludeFlags, directive: DirectiveLocation, includer: Int) {
        let including = contexts[includer]
        let location = contexts[directive.context].source.location(of: directive.range.lowerBound)
        let site = IncludeSite(file: including.path, line: location.line, column: location.column)
        let chain = including.chain + [site]
        if chain.count > options.maxIncludeDepth {
            reportInclude(SyntaxRules.includeDepth,
                "include nested \(chain.count) deep (limit \(options.maxIncludeDepth)); not followed", directive)
            return
        }
        let directory = includeStack.last?.file.map { contexts[$0.context].directory } ?? including.directory
        let strictness = includeCheck.union(flags)
        var matches: [String] = []
        var missing = false
        var wildcards = false
        // A pattern is one glob; each more that its brace groups make is charged to the budget.
        let allowed = min(GlobPattern.maximumAlternatives, budget.patternsLeft + 1)
        let (alternatives, truncated) = GlobPattern.expandBraces(pattern, limit: allowed)
        budget.usePatterns(max(0, alternatives.count - 1))
        if truncated, allowed < GlobPattern.maximumAlternatives {
            reportInclude(SyntaxRules.expansionLimit,
                "the includes' brace groups have made \(options.maxBracePatterns) more glob patterns in all; only the first of this one's is read", directive)
        } else if truncated {
            reportInclude(SyntaxRules.expansionLimit,
                "the include pattern's braces make more than \(GlobPattern.maximumAlternatives) patterns; only the first \(GlobPattern.maximumAlternatives) are read", directive)
        }
        for alternative in alternatives {
            let hasWildcard = GlobPattern.hasWildcard(alternative)
            let found: [String]
            let key = GlobCache.Key(alternative, in: directory)
            if let cached = globCache.matches(key) {
                found = cached
            } else {
                // Only a pattern with wildcards reads directories; a literal one is a stat.
                if hasWildcard, let reason = budget.glob() {
                    stop(reason: reason)
                    return
                }
                found = fileSystem.glob(alternative, relativeTo: directory)
                globCache.store(found, for: key)
            }
            matches += found
            if hasWildcard {
                wildcards = true
                if found.isEmpty,
                    globCache.fileKind(ConfigPath.join(directory, Self.literalDirectory(of: alternative)), in: fileSystem) != .directory
                {
                    missing = true
                }
            } else if found.isEmpty {
                missing = true
            }
        }
        let hasBrace = GlobPattern.hasBrace(pattern)
        if matches.isEmpty {
            if missing {
                let flag: IncludeFlags = hasBrace ? .brace : .match
                reportInclude(SyntaxRules.includeNotFound,
                    "no file matches '\(pattern)' (keepalived: \"Config files missing\")", directive,
                    severity: strictness.contains(flag) ? .error : .warning)
            } else if wildcards {
                reportInclude(SyntaxRules.includeNotFound,
                    "no file matches '\(pattern)'" + (strictness.contains(.wildcard) ? " (keepalived: \"No config files matched\")" : "; keepalived says nothing"),
                    directive, severity: strictness.contains(.wildcard) ? .error : .info)
            }
            return
        }
        if missing {
            reportInclude(SyntaxRules.includeNotFound,
                "some alternatives of '\(pattern)' match no file (keepalived: \"Some config files missing\")", directive,
                severity: strictness.contains(.brace) ? .error : .warning)
            if strictness.contains(.brace) { return }
        }
        var entry = GlobEntry(
            matches: matches, flags: flags, savedIncludeCheck: includeCheck, site: site, chain: chain,
            ancestors: including.ancestors, directive: directive)
        if openNextMatch(&entry) { includeStack.append(entry) }
    }

    /// The directory part of a pattern before its first component with a wildcard.
    static func literalDirectory(of pattern: String) -> String {
        var components: [Substring] = []
        for component in pattern.split(separator: "/", omittingEmptySubsequences: false) {
            if GlobPattern.hasWildcard(String(component)) { break }
            components.append(component)
        }
        let joined = components.joined(separator: "/")
        return joined.isEmpty && pattern.hasPrefix("/") ? "/" : joined
    }

    /// The root file, read like an include with keepalived's `R|M|W` strictness.
    mutating func openRoot(path: String) -> Bool {
        let matches = trees[path] != nil ? [path] : fileSystem.glob(path, relativeTo: "")
        guard !matches.isEmpty else { return false }
        var entry = GlobEntry(
            matches: matches, flags: [.read, .match, .wildcard], savedIncludeCheck: includeCheck, site: nil, chain: [],
            ancestors: [], directive: nil)
        guard openNextMatch(&entry) else { return false }
        includeStack.append(entry)
        return true
    }

    /// `open_conf_file`: the next match that is a readable regular non-executable file and not
    /// already being read by an including file.
    mutating func openNextMatch(_ entry: inout GlobEntry) -> Bool {
        let strictness = includeCheck.union(entry.flags)
        let readSeverity: Severity = strictness.contains(.read) ? .error : .warning
        while entry.nextMatch < entry.matches.count {
            let match = entry.matches[entry.nextMatch]
            entry.nextMatch += 1
            var path = ConfigPath.normalize(match)
            if match.hasSuffix("/") {
                reportOpen(SyntaxRules.includeNotRegular, "'\(match)' is a directory; keepalived skips it", entry, severity: readSeverity)
                continue
            }
            if path.count > 1, path.hasSuffix("/") { path.removeLast() }
            if entry.ancestors.contains(path) {
                reportOpen(SyntaxRules.includeCycle,
                    "'\(path)' is already being read by an including file; keepalived would include it again and again", entry)
                continue
            }
            if let reason = budget.openFile() {
                stop(reason: reason)
                return false
            }
            let preloaded = trees[path]
            if preloaded == nil {
                let kind = fileSystem.fileKind(path)
                if kind != .regular {
                    let what = kind == .executable ? "is executable" : kind == .directory ? "is a directory" : "is not a regular file"
                    reportOpen(SyntaxRules.includeNotRegular,
                        "'\(path)' \(what); keepalived skips it (\"not a regular non-executable file\")", entry, severity: readSeverity)
                    continue
                }
            }
            let tree: PendingFile
            let isRoot = includeStack.isEmpty && treeOrder.isEmpty
            if let preloaded {
                tree = preloaded
            } else {
                do {
                    tree = PendingFile(
                        path: path, bytes: try fileSystem.readFile(path), backgroundBytes: backgroundParseBytes,
                        keepingTree: options.keepsSyntaxTrees, deferringScan: isRoot)
                } catch {
                    let reason = (error as? ConfigFileSystemError)?.reason ?? "\(error)"
                    reportOpen(SyntaxRules.unreadableFile, "cannot read '\(path)': \(reason)", entry,
                        severity: entry.directive == nil ? .error : readSeverity)
                    continue
                }
            }
            if isRoot, case .parsing(let job, _) = tree, job.isDeferred { rootScan = job }
            if treeOrderPaths.insert(path).inserted {
                trees[path] = tree
                treeOrder.append(path)
            }
            budget.bytesRead += tree.source.bytes.count
            contexts.append(FileContext(
                path: path, source: tree.source, chain: entry.site == nil ? [] : entry.chain,
                directory: ConfigPath.directory(of: path), ancestors: entry.ancestors + [path]))
            entry.file = OpenFile(context: contexts.count - 1, position: 0)
            entry.openedCount += 1
            return true
        }
        entry.file = nil
        return false
    }

    /// `get_next_file`: end the current match (restoring `include_check`), open the next one, or
    /// go back to the including file. False when nothing is left.
    mutating func nextFile() -> Bool {
        guard var top = includeStack.popLast() else { return false }
        includeCheck = top.savedIncludeCheck
        if openNextMatch(&top) {
            includeStack.append(top)
            return true
        }
        return !includeStack.isEmpty
    }

    mutating func reportInclude(_ rule: DiagnosticRule, _ message: String, _ directive: DirectiveLocation, severity: Severity? = nil) {
        let source = contexts[directive.context].source
        diagnostics.append(Diagnostic(rule, message, at: source.span(directive.range), severity: severity))
    }

    mutating func reportOpen(_ rule: DiagnosticRule, _ message: String, _ entry: GlobEntry, severity: Severity? = nil) {
        if let directive = entry.directive {
            reportInclude(rule, message, directive, severity: severity)
        } else {
            let position = SourceLocation(line: 1, column: 1)
            let file = entry.matches[max(0, entry.nextMatch - 1)]
            diagnostics.append(Diagnostic(rule, message, at: SourceSpan(file: file, start: position, end: position), severity: severity))
        }
    }
}
