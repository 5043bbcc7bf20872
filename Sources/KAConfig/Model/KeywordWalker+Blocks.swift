/// Facts of the handlers of named blocks in keepalived 2.2.7 (vrrp_parser.c, bfd_parser.c):
/// which need exactly one name, and which refuse a name already defined. Both skip the block.
struct NamedBlockRule: Sendable {
    var exactlyOneName: Bool
    var uniqueNames: Bool
    var label: String

    static let byKeyword: [String: NamedBlockRule] = [
        "vrrp_instance": NamedBlockRule(exactlyOneName: true, uniqueNames: true, label: "vrrp instance"),
        "vrrp_sync_group": NamedBlockRule(exactlyOneName: true, uniqueNames: true, label: "vrrp sync group"),
        "track_group": NamedBlockRule(exactlyOneName: true, uniqueNames: true, label: "track_group"),
        "bfd_instance": NamedBlockRule(exactlyOneName: false, uniqueNames: true, label: "BFD instance"),
    ]
}

extension KeywordWalker {
    mutating func openBlock(_ line: UnsafePointer<LogicalLine>, row: KeywordRow, subName: String) {
        var words = line.pointee.words
        var needOpenBrace = true
        // A trailing '{' word (only possible quoted, the line reader splits bare braces off).
        if words.count > 1, words[words.count - 1].text == "{" {
            words.removeLast()
            needOpenBrace = false
        }
        let keywordWord = words[0]
        if shouldSkip(row: row, words: words) {
            frames.append(Frame(skipping: row.spec.blockPlaceholder, needOpenBrace: needOpenBrace, opener: keywordWord))
            skipSublevel = -1
            return
        }
        guard let table = tables.byName[subName] else {
            frames.append(Frame(skipping: row.spec.blockPlaceholder, needOpenBrace: needOpenBrace, opener: keywordWord))
            skipSublevel = -1
            return
        }
        // Handlers that read their own header (exactly-one-name blocks; `virtual_server IP PORT |
        // fwmark N | group NAME`, `real_server`) are not checked word by word here.
        // (Their statements' values are the header's words as text: `KeywordRow.valueReading`.)
        let readsAddress = table.nameRequirement == .address
        if row.valueReading == .checked { checker.check(row, words: words, lineOrigin: line.pointee.origin) }
        // A server header keepalived cannot read: the statement stays (its header is reported
        // from the model and the rules), the block's lines are skipped as keepalived skips them.
        let skipsLines = readsAddress && ServerHeader.keepalivedSkips(words.lazy.map { $0.text })
        let parentBlock = frames[frames.count - 1].block
        var blockIndex: Int?
        if parentBlock != nil {
            blockIndex = tree.blocks.count
            tree.blocks.append(BoundBlock(nameID: table.nameID, opener: tree.statements.count))
            let text = words.count == line.pointee.wordCount ? line.pointee.storedText : line.pointee.text
            // The row and the words are handed to the statement (consumed, not copied).
            append(BoundStatement(row: consume row, words: consume words, text: text, block: blockIndex, origin: line.pointee.origin))
        }
        frames.append(Frame(table: table, block: blockIndex, needOpenBrace: needOpenBrace, opener: keywordWord))
        if skipsLines { skipSublevel = -1 }
    }

    /// The name checks of the block's handler; true when keepalived skips the whole block.
    mutating func shouldSkip(row: KeywordRow, words: WordList) -> Bool {
        guard let rule = row.namedBlockRule else { return false }
        let keyword = words[0]
        let blockKeyword = row.name
        if rule.exactlyOneName, words.count != 2 {
            let detail = words.count < 2 ? "has no name" : "has \(words.count - 1) names"
            diagnostics.append(Diagnostic(
                SemanticRules.missingName,
                "'\(blockKeyword)' \(detail) but needs exactly one; keepalived reports \"\(blockKeyword) must have a name\" and skips the whole block",
                at: (words.count > 2 ? words[2] : keyword).origin.span))
            return true
        }
        guard rule.uniqueNames, words.count >= 2 else { return false }
        let name = words[1]
        if let first = names.insertFirst(keyword: blockKeyword, name: name.text, origin: name.origin) {
            diagnostics.append(Diagnostic(
                SemanticRules.duplicateName,
                "\(rule.label) '\(name.text)' is already defined; keepalived reports \"already defined\" and skips this whole block",
                at: name.origin.span,
                related: [RelatedLocation(file: first.file, line: first.line, column: first.column, message: "first defined here")]))
            return true
        }
        return false
    }

    /// `alloc_value_block()`: one entry per line up to a '}', the '{' and '}' may share lines with
    /// entries. Each entry is a window on its line's words: no word is copied.
    mutating func readValueBlock(_ line: UnsafePointer<LogicalLine>, row: KeywordRow, into entries: inout EntryRun.Collector) {
        // The entry lines are read in place: a line taken out of the array is copied first.
        readValueBlock(line, row: row, lines: UnsafeBufferPointer(walking), into: &entries)
    }

    private mutating func readValueBlock(
        _ line: UnsafePointer<LogicalLine>, row: KeywordRow, lines: UnsafeBufferPointer<LogicalLine>,
        into entries: inout EntryRun.Collector
    ) {
        var spec: KeywordSpec { row.spec }
        let lineWords = line.pointee.words
        // A header (`virtual_server_group NAME`) is read by the handler, which hands the rest on.
        let headerCount = min(row.arguments.count, lineWords.count - 1)
        let words = headerCount == 0 ? lineWords : WordList([lineWords[0]] + lineWords.dropFirst(1 + headerCount))
        var needOpenBrace = true
        var hadCloseBrace = false
        if words.count > 1 {
            if words[1].text == "{" {
                needOpenBrace = false
                if words.count > 2 {
                    var first = words
                    first.removeFirst()
                    first.removeFirst()
                    if let last = first.last, last.text == "}" {
                        valueBlockEnd = last.origin
                        first.removeLast()
                        hadCloseBrace = true
                    }
                    if !first.isEmpty { entries.append(first) }
                }
            } else {
                let ignored = words[1...].map(\.text).joined(separator: " ")
                checker.diagnostics.append(Diagnostic(
                    SemanticRules.extraArguments,
                    "'\(spec.name)' opens a block and takes no arguments; keepalived reports \"Block \(spec.name) has extra parameters\" and ignores '\(ignored)'",
                    at: words[1].origin.span))
            }
        }
        while !hadCloseBrace, cursor < lines.count {
            let next = lines.baseAddress! + cursor
            cursor += 1
            // Brace lines first: their one word is never built.
            if needOpenBrace {
                needOpenBrace = false
                if next.pointee.kind == .openBrace { continue }
                if next.pointee.firstWordText != "{" {
                    checker.diagnostics.append(Diagnostic(
                        SemanticRules.missingBlock,
                        "'\(spec.name)' is not followed by '{'; keepalived logs it and reads the following lines as entries up to the next '}', which may be the enclosing block's",
                        at: words[0].origin.span, severity: .warning))
                    if next.pointee.kind == .closeBrace {
                        valueBlockEnd = next.pointee.origin
                        break
                    }
                } else {
                    var entry = next.pointee.words
                    entry.removeFirst()
                    if let last = entry.last, last.text == "}" {
                        hadCloseBrace = true
                        valueBlockEnd = last.origin
                        entry.removeLast()
                    }
                    if !entry.isEmpty { entries.append(entry) }
                    continue
                }
            }
            if next.pointee.kind == .closeBrace {
                valueBlockEnd = next.pointee.origin
                break
            }
            if next.pointee.kind == .openBrace {
                entries.append(next.pointee.words)
                continue
            }
            var entry = next.pointee.words
            if entry.isEmpty { continue }
            if entry[entry.count - 1].text == "}" {
                valueBlockEnd = entry[entry.count - 1].origin
                if entry.count == 1 { break }
                hadCloseBrace = true
                entry.removeLast()
            }
            entries.append(entry)
        }
    }
}

extension KeywordSpec {
    /// An empty table for a skipped block: nothing is bound while skipping.
    var blockPlaceholder: BlockSpec { BlockSpec(name, []) }
}
