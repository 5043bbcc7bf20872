import KAConfig
import KALint
import KAJSON

/// Code actions for the findings on the requested lines: each safe fix-it (what `kalint --fix`
/// applies: wrong case, renamed keywords, a missing unicast peer, the 8 characters of an
/// over-long auth_pass), a `# kalint disable=SLUG` comment for the line and a
/// `# kalint disable-file=SLUG` one for the file; and, as `source.fixAll`, every safe fix of the
/// file at once (kalint's `--fix` on this buffer).
extension LanguageServer {
    mutating func codeActions(_ params: JSONValue) -> RequestOutcome {
        guard let document = document(params) else { return .null }
        guard let range = LSPRange(params["range"]) else { return invalidParams("range") }
        let only = params[path: "context", "only"]?.array?.compactMap(\.string)
        func wanted(_ kind: String) -> Bool {
            guard let only else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        let analysis = analysis()
        guard let owner = analysis.owner(of: document.path) else { return .result([]) }
        let findings = DocumentFinding.findings(in: document.path, owner.unit)
        let lines = Self.lines(range)
        var actions: [JSONValue] = []
        if wanted("quickfix") {
            for finding in findings where lines.contains(finding.line - 1) {
                let diagnostic = finding.diagnostic
                let lspDiagnostic = lspDiagnostic(finding, analysis)
                // A suppression goes where kalint reports the finding: another node's file for a mirrored one.
                guard let source = analysis.sources[diagnostic.span.file] else { continue }
                let findingURI = uri(for: diagnostic.span.file)
                for fix in diagnostic.fixIts where fix.isSafe {
                    guard let edit = workspaceEdit(fix.edits, analysis) else { continue }
                    actions.append([
                        "title": .string("\(fix.message) (\(diagnostic.rule.slug))"), "kind": "quickfix",
                        "diagnostics": [lspDiagnostic], "isPreferred": true, "edit": edit,
                    ])
                }
                if let edit = lineSuppression(diagnostic, source, findingURI) {
                    actions.append([
                        "title": .string("Suppress \(diagnostic.rule.slug) on this line"), "kind": "quickfix",
                        "diagnostics": [lspDiagnostic], "edit": edit,
                    ])
                }
                let fileComment = RuleDocs.fileSuppression(diagnostic.rule.slug) + "\n"
                actions.append([
                    "title": .string("Suppress \(diagnostic.rule.slug) in this file"), "kind": "quickfix",
                    "diagnostics": [lspDiagnostic],
                    "edit": ["changes": [findingURI: [insertion(fileComment, at: 0, source)]]],
                ])
            }
        }
        let own = findings.filter { $0.note == nil }.map(\.diagnostic)
        if wanted("source.fixAll"), let fixAll = fixAll(own, document) {
            actions.append(["title": "Apply every safe kalint fix", "kind": "source.fixAll", "edit": fixAll])
        }
        return .result(.array(actions))
    }

    /// Fix-it edits (byte ranges, possibly in several files: a fleet fix edits the other node).
    private func workspaceEdit(_ edits: [TextEdit], _ analysis: WorkspaceAnalysis) -> JSONValue? {
        var changes: [(String, JSONValue)] = []
        for file in Set(edits.map(\.file)).sorted() {
            guard let source = analysis.sources[file] else { return nil }
            let textEdits: [JSONValue] = edits.filter { $0.file == file }.map { edit in
                ["range": source.range(ofBytes: edit.range).json, "newText": .string(edit.replacement)]
            }
            changes.append((uri(for: file), .array(textEdits)))
        }
        return changes.isEmpty ? nil : ["changes": .object(changes)]
    }

    /// `# kalint disable=SLUG` on its own line above the finding, indented like it, or the slug
    /// added to such a comment already there. None inside a `\`-continued definition, where a new
    /// line would end the definition.
    private func lineSuppression(_ diagnostic: Diagnostic, _ source: SourceFile, _ uri: String) -> JSONValue? {
        let line = diagnostic.span.start.line - 1
        guard line >= 0, line < source.lineCount else { return nil }
        let content = source.contentRange(ofLine: line)
        if content.last.map({ source.bytes[$0] }) == UInt8(ascii: "\\") { return nil }
        if line > 0 {
            let previous = source.contentRange(ofLine: line - 1)
            if previous.last.map({ source.bytes[$0] }) == UInt8(ascii: "\\") { return nil }
            let text = String(decoding: source.bytes[previous], as: UTF8.self)
            if let end = Self.suppressionListEnd(text) {
                let offset = previous.lowerBound + end
                return ["changes": [uri: [insertion("," + diagnostic.rule.slug, at: offset, source)]]]
            }
        }
        let indent = source.bytes[content].prefix { $0 == 0x20 || $0 == 0x09 }
        let comment = String(decoding: indent, as: UTF8.self) + RuleDocs.lineSuppression(diagnostic.rule.slug) + "\n"
        return ["changes": [uri: [insertion(comment, at: content.lowerBound, source)]]]
    }

    /// For a line that is only a `# kalint disable=...` comment: the byte offset after its list.
    static func suppressionListEnd(_ line: String) -> Int? {
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "#") || bytes[index] == UInt8(ascii: "!") else { return nil }
        while index < bytes.count, bytes[index] == UInt8(ascii: "#") || bytes[index] == UInt8(ascii: "!") { index += 1 }
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        let directive = Array("kalint disable=".utf8)
        guard bytes[index...].starts(with: directive) else { return nil }
        index += directive.count
        let listStart = index
        while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x09 { index += 1 }
        return index > listStart ? index : nil
    }

    private func insertion(_ text: String, at offset: Int, _ source: SourceFile) -> JSONValue {
        ["range": source.range(ofBytes: offset..<offset).json, "newText": .string(text)]
    }

    /// Every safe fix-it of this file applied as `kalint --fix` does (overlaps skipped), as one edit.
    private func fixAll(_ diagnostics: [Diagnostic], _ document: TextDocument) -> JSONValue? {
        let edits = diagnostics.flatMap { $0.fixIts.filter(\.isSafe).flatMap(\.edits) }.filter { $0.file == document.path }
        guard !edits.isEmpty else { return nil }
        let old = document.bytes
        let new = FixApplier.apply(edits, to: old).bytes
        guard new != old else { return nil }
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
            suffix += 1
        }
        // Never split a UTF-8 character: positions are counted in characters.
        while prefix > 0, old[prefix - 1] & 0xC0 == 0xC0 || (prefix < old.count && old[prefix] & 0xC0 == 0x80) { prefix -= 1 }
        while suffix > 0, old[old.count - suffix] & 0xC0 == 0x80 { suffix -= 1 }
        let replacement = String(decoding: new[prefix..<(new.count - suffix)], as: UTF8.self)
        let edit: JSONValue = [
            "range": document.source.range(ofBytes: prefix..<(old.count - suffix)).json, "newText": .string(replacement),
        ]
        return ["changes": [document.uri: [edit]]]
    }
}
