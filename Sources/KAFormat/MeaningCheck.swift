import KAConfig

/// kafmt's last guard of its promise that formatting never changes what keepalived reads: before
/// the output is used, the input and the output are both read as keepalived reads them (the
/// expander: definitions, sequences, conditionals, comments and the byte rules at line ends) and
/// their logical lines are compared word for word, with the expansion findings and the include
/// patterns. Line numbers and layout may differ; nothing else may. A difference is a kafmt bug,
/// and the file is refused rather than written.
///
/// Lines under an `@id` prefix are read once for each id the file names (up to
/// `maximumConfigIDs`), so that a change inside a line that the default reading drops is seen too.
enum MeaningCheck {
    static let rule = DiagnosticRule(
        code: "KAFMT", slug: "layout-changes-meaning", severity: .error,
        summary: "kafmt's layout of the file would change what keepalived reads; the file is left as it is.")

    static let maximumConfigIDs = 4

    /// A diagnostic at the first line whose reading differs, or nil when the readings agree.
    static func firstDifference(original tree: SyntaxTree, formatted: [UInt8]) -> Diagnostic? {
        // The output is parsed once and read once for each id.
        let formattedTree = Parser.parse(path: tree.source.path, bytes: formatted)
        for configID in [nil] + conditionalIDs(tree) {
            // Neither reading keeps the trees of included files.
            let options = ExpansionOptions(configID: configID, keepsSyntaxTrees: false)
            let before = Expander.expand(tree: tree, options: options, fileSystem: PatternEchoFileSystem())
            // The output's lines are compared chunk by chunk as they are read, not kept.
            var comparison = Reading.Comparison(before: before.lines)
            let after = Expander.expand(
                tree: formattedTree, options: options, fileSystem: PatternEchoFileSystem(), chunkLines: 4096
            ) { comparison.compare($0) }
            if let difference = comparison.end(before, after) { return diagnostic(difference.origin, tree: tree) }
        }
        return nil
    }

    private static func diagnostic(_ origin: Origin?, tree: SyntaxTree) -> Diagnostic {
        let start = SourceLocation(line: 1, column: 1)
        let span = origin.map(\.span) ?? SourceSpan(file: tree.source.path, start: start, end: start)
        return Diagnostic(
            rule,
            "kafmt's layout would change what keepalived reads from here on; the file is left as it is. This is a kafmt bug: please report it with the file",
            at: span)
    }

    /// The text script keywords re-split, as their splitting reads it: outside quotes each run
    /// of white space (`isspace`: the formatter joins tokens with one space and drops what
    /// keepalived ignores at the line's end) is one separator; quoted bytes and the byte after
    /// a backslash are kept as they are.
    static func blanksCollapsed(_ text: String) -> [UInt8] {
        text.utf8.withContiguousStorageIfAvailable(blanksCollapsed) ?? blanksCollapsed(Array(text.utf8))
    }

    static func blanksCollapsed(_ text: some Collection<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var pendingBlank = false
        var quote: UInt8?
        var escaped = false
        for byte in text {
            // isspace (NumberReader.isWhitespace), written out: this loop reads every byte of
            // every line with text of its own, twice.
            if quote == nil, !escaped, byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingBlank = true
                continue
            }
            if pendingBlank, !result.isEmpty { result.append(0x20) }
            pendingBlank = false
            result.append(byte)
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            }
        }
        return result
    }

    /// The ids of the file's `@id` and `@^id` lines, in order of first use, as keepalived reads
    /// them (decomment drops the backslash of `\#` and `\!`).
    static func conditionalIDs(_ tree: SyntaxTree) -> [String] {
        var ids: [String] = []
        for index in tree.tokens.indices where tree.tokens[index].kind == .conditional {
            var text = KeepalivedLine.text(of: tree.source.bytes[tree.tokens[index].range]).dropFirst()
            if text.first == UInt8(ascii: "^") { text = text.dropFirst() }
            let id = String(decoding: text.prefix { $0 != 0x20 && $0 != 0x09 }, as: UTF8.self)
            if !id.isEmpty, !ids.contains(id) { ids.append(id) }
            if ids.count == maximumConfigIDs { break }
        }
        return ids
    }
}

/// What keepalived's parser is handed: the logical lines (kind, text and words), the codes of the
/// expansion findings in order, and the include patterns met.
private struct Reading {
    /// Where the readings part: the input's line, when there is one.
    struct Difference {
        var origin: Origin?
    }

    /// The input's lines against the output's, as the output's arrive.
    struct Comparison {
        let before: [LogicalLine]
        var compared = 0
        var difference: Difference?

        init(before: [LogicalLine]) { self.before = before }

        mutating func compare(_ chunk: [LogicalLine]) {
            guard difference == nil else { return }
            for new in chunk {
                guard compared < before.count else {
                    difference = Difference()
                    return
                }
                if !Reading.same(before[compared], new) {
                    difference = Difference(origin: before[compared].origin)
                    return
                }
                compared += 1
            }
        }

        /// After the last chunk: what is left of the input, the findings, the include patterns.
        func end(_ before: ExpandedConfig, _ after: ExpandedConfig) -> Difference? {
            if let difference { return difference }
            if compared < self.before.count { return Difference(origin: self.before[compared].origin) }
            if before.diagnostics.map(\.rule.code) != after.diagnostics.map(\.rule.code) { return Difference() }
            let includes = { (reading: ExpandedConfig) in Set(reading.files.keys.filter(PatternEchoFileSystem.isEcho)) }
            if includes(before) != includes(after) { return Difference() }
            return nil
        }
    }

    static func same(_ old: LogicalLine, _ new: LogicalLine) -> Bool {
        guard old.kind == new.kind, old.wordCount == new.wordCount else { return false }
        // Compared as bytes, as keepalived compares them (a `String`'s `==` normalises non-ASCII
        // text first: a fifth of kafmt's time on a file that replays much of it).
        for (a, b) in zip(old.words, new.words) where a.isQuoted != b.isQuoted || !a.text.hasSameUTF8(as: b.text) {
            return false
        }
        // Equal words joined by single spaces are equal texts; only lines with text of their
        // own need the text compared.
        guard old.hasOwnText || new.hasOwnText else { return true }
        let (oldText, newText) = (old.text, new.text)
        return oldText.hasSameUTF8(as: newText) || MeaningCheck.blanksCollapsed(oldText) == MeaningCheck.blanksCollapsed(newText)
    }

}

/// Answers every include pattern with one empty file named after the pattern and the directory it
/// is resolved in, so that the readings compare the patterns themselves without touching the disk.
private struct PatternEchoFileSystem: ConfigFileSystem {
    static let root = "/kafmt-include"

    static func isEcho(_ path: String) -> Bool { path.hasPrefix(root + "/") }

    func readFile(_ path: String) throws -> [UInt8] {
        guard Self.isEcho(path) else { throw ConfigFileSystemError(path: path, reason: "No such file or directory") }
        return []
    }

    func glob(_ pattern: String, relativeTo directory: String) -> [String] {
        let key = Array(directory.utf8) + [0] + Array(pattern.utf8)
        let digits = Array("0123456789abcdef".utf8)
        var name = Array((Self.root + "/").utf8)
        for byte in key { name += [digits[Int(byte >> 4)], digits[Int(byte & 15)]] }
        return [String(decoding: name, as: UTF8.self)]
    }

    func fileKind(_ path: String) -> ConfigFileKind {
        if path == Self.root { return .directory }
        return Self.isEcho(path) ? .regular : .missing
    }
}
