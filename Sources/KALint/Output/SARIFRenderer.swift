import KAConfig
import KAVersion

/// SARIF 2.1.0, as GitHub code scanning accepts it: one run, the tool's rules with their default
/// levels, one result per diagnostic with a physical location and related locations.
public enum SARIFRenderer {
    public static let toolName = "kalint"
    public static let toolVersion = ToolchainVersion.release
    public static let informationURI = "https://github.com/keepalived-toolchain/kalint"

    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    public static func render(_ diagnostics: [Diagnostic], rules: [DiagnosticRule]) -> String {
        var output = ""
        stream(diagnostics.sortedForOutput(), rules: rules) { output += $0 }
        return output
    }

    /// The document in pieces: the run's head with the rule catalogue, one piece per result, the
    /// tail. `diagnostics` in output order.
    public static func stream(_ diagnostics: [Diagnostic], rules: [DiagnosticRule], to write: (String) -> Void) {
        var catalogue = rules
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in catalogue.enumerated() where ruleIndex[rule.code] == nil { ruleIndex[rule.code] = index }
        for diagnostic in diagnostics where ruleIndex[diagnostic.rule.code] == nil {
            ruleIndex[diagnostic.rule.code] = catalogue.count
            catalogue.append(diagnostic.rule)
        }
        // The registry's catalogue is written once per process (kalint renders one document, a
        // fuzzer or a server many: the head was 40 KB of escaped text each time).
        let registry = registryHead
        write(registry.rules == catalogue ? registry.text : head(catalogue))

        var json = JSONText(continuingInside: 4)
        for diagnostic in diagnostics {
            json.beginObject()
            json.field("ruleId", diagnostic.rule.code)
            json.field("ruleIndex", ruleIndex[diagnostic.rule.code] ?? 0)
            json.field("level", level(diagnostic.severity))
            json.beginObject("message")
            json.field("text", diagnostic.message)
            json.endObject()
            json.beginArray("locations")
            writeLocation(&json, file: diagnostic.span.file, start: diagnostic.span.start, end: diagnostic.span.end)
            json.endArray()
            if !diagnostic.related.isEmpty {
                json.beginArray("relatedLocations")
                for (index, note) in diagnostic.related.enumerated() {
                    json.beginObject()
                    json.field("id", index)
                    json.beginObject("physicalLocation")
                    json.beginObject("artifactLocation")
                    json.field("uri", uri(note.file))
                    json.endObject()
                    json.beginObject("region")
                    json.field("startLine", note.line)
                    json.field("startColumn", note.column)
                    json.endObject()
                    json.endObject()
                    json.beginObject("message")
                    json.field("text", note.message)
                    json.endObject()
                    json.endObject()
                }
                json.endArray()
            }
            json.endObject()
            write(json.takeOutput())
        }
        json.endArray()
        json.endObject()
        json.endArray()
        json.endObject()
        write(json.takeOutput() + "\n")
    }

    /// The document up to the first result: the run, the tool and its rule catalogue.
    static func head(_ catalogue: [DiagnosticRule]) -> String {
        var json = JSONText()
        json.beginObject()
        json.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        json.field("version", "2.1.0")
        json.beginArray("runs")
        json.beginObject()
        json.beginObject("tool")
        json.beginObject("driver")
        json.field("name", toolName)
        json.field("version", toolVersion)
        json.field("informationUri", informationURI)
        json.beginArray("rules")
        for rule in catalogue {
            json.beginObject()
            json.field("id", rule.code)
            json.field("name", rule.slug)
            json.beginObject("shortDescription")
            json.field("text", rule.summary)
            json.endObject()
            json.beginObject("defaultConfiguration")
            json.field("level", level(rule.severity))
            json.endObject()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endObject()
        json.beginArray("results")
        return json.takeOutput()
    }

    /// `head` of the registry's catalogue, made on first use.
    static let registryHead: (rules: [DiagnosticRule], text: String) = (RuleRegistry.allRules, head(RuleRegistry.allRules))

    private static func writeLocation(_ json: inout JSONText, file: String, start: SourceLocation, end: SourceLocation) {
        json.beginObject()
        json.beginObject("physicalLocation")
        json.beginObject("artifactLocation")
        json.field("uri", uri(file))
        json.endObject()
        json.beginObject("region")
        json.field("startLine", max(1, start.line))
        json.field("startColumn", max(1, start.column))
        json.field("endLine", max(start.line, end.line))
        json.field("endColumn", end.line > start.line ? max(1, end.column) : max(start.column + 1, end.column))
        json.endObject()
        json.endObject()
        json.endObject()
    }

    /// SARIF wants URIs; relative paths stay relative (GitHub resolves them against the checkout).
    static func uri(_ path: String) -> String {
        let result = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return result.percentEscaping { $0 == 0x20 }
    }
}

/// GitHub Actions workflow commands: `::error file=F,line=L,col=C,endLine=..,endColumn=..,title=T::message`.
public enum GitHubRenderer {
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        var output = ""
        for diagnostic in diagnostics.sortedForOutput() { output += render(diagnostic) }
        return output
    }

    /// One workflow command line.
    public static func render(_ diagnostic: Diagnostic) -> String {
        let command: String
        switch diagnostic.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .info: command = "notice"
        }
        let span = diagnostic.span
        var output = "::\(command) file=\(property(span.file)),line=\(span.start.line),col=\(span.start.column)"
        output += ",endLine=\(span.end.line),endColumn=\(span.end.column)"
        output += ",title=\(property("\(diagnostic.rule.code) \(diagnostic.rule.slug)"))::"
        return output + message(diagnostic.message) + "\n"
    }

    static func message(_ text: String) -> String {
        text.percentEscaping { $0 == 0x25 || $0 == 0x0D || $0 == 0x0A }
    }

    static func property(_ text: String) -> String {
        text.percentEscaping { $0 == 0x25 || $0 == 0x0D || $0 == 0x0A || $0 == 0x3A || $0 == 0x2C }
    }
}

extension String {
    /// The text with each ASCII byte that `escapes` picks written as `%XX` (upper-case hex), in
    /// one pass that copies the other bytes in runs.
    func percentEscaping(_ escapes: (UInt8) -> Bool) -> String {
        let utf8 = self.utf8
        guard utf8.contains(where: escapes) else { return self }
        let digits: [Character] = Array("0123456789ABCDEF")
        var output = ""
        output.reserveCapacity(utf8.count + 8)
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte < 0x80, escapes(byte) {
                if runStart != index { output += Substring(utf8[runStart..<index]) }
                output.append("%")
                output.append(digits[Int(byte >> 4)])
                output.append(digits[Int(byte & 0x0F)])
                utf8.formIndex(after: &index)
                runStart = index
            } else {
                utf8.formIndex(after: &index)
            }
        }
        if runStart != utf8.endIndex { output += Substring(utf8[runStart..<utf8.endIndex]) }
        return output
    }
}
