import KAConfig

/// What the kalint command line asked for, already split into values.
public struct KalintRequest: Sendable {
    public var files: [String]
    public var format: String
    public var configID: String?
    public var emit: String?
    public var failOn: String
    public var disable: [String]
    public var enableOnly: [String]
    public var targetVersion: String?
    public var firewall: String?
    public var listRules: Bool
    public var explain: String?
    public var fix: Bool
    public var diff: Bool
    public var color: Bool

    public init(
        files: [String], format: String = "human", configID: String? = nil, emit: String? = nil, failOn: String = "error",
        disable: [String] = [], enableOnly: [String] = [], targetVersion: String? = nil, firewall: String? = nil,
        listRules: Bool = false, explain: String? = nil, fix: Bool = false, diff: Bool = false, color: Bool = false
    ) {
        self.files = files
        self.format = format
        self.configID = configID
        self.emit = emit
        self.failOn = failOn
        self.disable = disable
        self.enableOnly = enableOnly
        self.targetVersion = targetVersion
        self.firewall = firewall
        self.listRules = listRules
        self.explain = explain
        self.fix = fix
        self.diff = diff
        self.color = color
    }
}

/// What kalint prints, the files it would write (atomically, by the shell), and its exit status.
public struct KalintResponse: Sendable {
    public var stdout = ""
    public var stderr = ""
    public var status: Int32 = 0
    public var writes: [(path: String, bytes: [UInt8])] = []
    /// Exact bytes for stdout when they matter (`--emit source` must be byte-identical, even for invalid UTF-8).
    public var rawStdout: [UInt8]?
    /// The lint run behind the findings (nil for --list-rules, --explain, --emit and usage errors).
    /// Handed back so that a process can exit while it holds it: freeing the analysis of a large
    /// file piece by piece costs more time than the exit.
    public var report: LintEngine.Report?

    public init() {}

    static func usage(_ message: String) -> KalintResponse {
        var response = KalintResponse()
        response.stderr = "kalint: \(message)\n"
        response.status = 2
        return response
    }
}

/// kalint's logic, pure apart from the file system it is given.
public enum KalintDriver {
    /// With `output`, the findings and the summary are written to it as they are rendered (not
    /// gathered in `stdout`); everything else (usage errors, --emit, --fix) still comes back in
    /// the response.
    public static func run(
        _ request: KalintRequest, fileSystem: some ConfigFileSystem, output: ((String) -> Void)? = nil
    ) -> KalintResponse {
        if request.listRules { return listRules() }
        if let id = request.explain { return explain(id) }
        guard let format = DiagnosticFormat(rawValue: request.format) else {
            return .usage("unknown format '\(request.format)' (human, json, sarif, github)")
        }
        guard let failOn = Severity(rawValue: request.failOn) else {
            return .usage("unknown severity '\(request.failOn)' for --fail-on (error, warning, info)")
        }
        guard !request.files.isEmpty else { return .usage("no input files (see --help)") }
        for path in request.files {
            if case .missing = fileSystem.fileKind(path) { return .usage("cannot read '\(path)': no such file") }
            do { try fileSystem.checkReadable(path) } catch { return .usage("cannot read '\(path)': \(error)") }
        }
        var expansion = ExpansionOptions()
        expansion.configID = request.configID
        // The rules read comments, sources and findings; fixes edit bytes: no tree is kept.
        expansion.keepsSyntaxTrees = false
        if let emit = request.emit { return self.emit(emit, request: request, options: expansion, fileSystem: fileSystem) }

        let split: ([String]) -> Set<String> = { Set($0.flatMap { $0.split(separator: ",").map(String.init) }) }
        let options = LintOptions(
            disabled: split(request.disable), enabledOnly: split(request.enableOnly), failOn: failOn,
            targetVersion: request.targetVersion, configID: request.configID)
        let nodes = FleetAnalysis.analyze(paths: request.files, options: expansion, fileSystem: fileSystem)
        var report = LintEngine().run(nodes, options: options)
        if let firewallPath = request.firewall {
            guard let bytes = try? fileSystem.readFile(firewallPath) else {
                return .usage("cannot read firewall ruleset '\(firewallPath)'")
            }
            let suppressions = Suppressions(files: nodes.flatMap { $0.expanded.files.values })
            report.diagnostics += FirewallCheck.check(report.nodes, ruleset: String(decoding: bytes, as: UTF8.self), rulesetPath: firewallPath)
                .filter { options.allows($0.rule) && !suppressions.isSuppressed($0) }
            report.diagnostics = report.diagnostics.sortedForOutput()
        }
        var response = KalintResponse()
        var sources: [String: SourceFile] = [:]
        for node in nodes { sources.merge(node.sources) { first, _ in first } }
        if request.fix {
            return applyFixes(report, sources: sources, showDiff: request.diff)
        }
        if let output {
            DiagnosticRenderer.stream(
                report.diagnostics, format: format, sources: sources, color: request.color, rules: RuleRegistry.allRules,
                to: output)
            if format == .human { output(summary(report)) }
        } else {
            response.stdout = DiagnosticRenderer.render(
                report.diagnostics, format: format, sources: sources, color: request.color, rules: RuleRegistry.allRules)
            if format == .human {
                response.stdout += summary(report)
            }
        }
        response.status = options.fails(report.diagnostics) ? 1 : 0
        response.report = report
        return response
    }

    static func summary(_ report: LintEngine.Report) -> String {
        let instances = report.nodes.reduce(0) { $0 + $1.model.instances.count }
        let count: (Severity) -> Int = { severity in report.diagnostics.filter { $0.severity == severity }.count }
        func plural(_ value: Int, _ word: String) -> String { "\(value) \(word)\(value == 1 ? "" : "s")" }
        var line = "kalint: \(plural(report.nodes.count, "file")), \(plural(instances, "instance")), "
        line += "\(plural(report.fleet.clusters.count, "cluster")); "
        line += "\(plural(count(.error), "error")), \(plural(count(.warning), "warning")), \(count(.info)) info"
        if report.suppressed > 0 { line += " (\(report.suppressed) suppressed)" }
        return line + "\n"
    }

    static func listRules() -> KalintResponse {
        var response = KalintResponse()
        for rule in RuleRegistry.allRules {
            let severity = rule.severity.rawValue.padding(7)
            response.stdout += "\(rule.code)  \(rule.slug.padding(26)) \(severity) \(rule.summary)\n"
        }
        return response
    }

    static func explain(_ id: String) -> KalintResponse {
        guard let rule = RuleRegistry.rule(named: id) else { return .usage("no rule named '\(id)' (see --list-rules)") }
        var response = KalintResponse()
        if let page = RulePages.page(rule.slug) {
            response.stdout = String(decoding: page, as: UTF8.self)
            if !response.stdout.hasSuffix("\n") { response.stdout += "\n" }
        } else {
            response.stdout = "# \(rule.slug) (\(rule.code))\n\nSeverity: \(rule.severity.rawValue)\n\n\(rule.summary)\n"
        }
        return response
    }

    static func emit(_ view: String, request: KalintRequest, options: ExpansionOptions, fileSystem: some ConfigFileSystem)
        -> KalintResponse
    {
        guard request.files.count == 1, let path = request.files.first else {
            return .usage("--emit takes exactly one file")
        }
        guard let bytes = try? fileSystem.readFile(path) else { return .usage("cannot read '\(path)'") }
        var response = KalintResponse()
        switch view {
        case "tokens":
            response.stdout = SyntaxJSON.tokens(Parser.parse(path: path, bytes: bytes))
        case "tree":
            response.stdout = SyntaxJSON.tree(Parser.parse(path: path, bytes: bytes))
        case "source":
            response.rawStdout = Parser.parse(path: path, bytes: bytes).printed()
        case "model":
            let node = Analyzer.analyze(path: path, options: options, fileSystem: fileSystem)
            response.stdout = ModelJSON.encode(node.model)
        default:
            return .usage("unknown view '\(view)' for --emit (tokens, tree, source, model)")
        }
        return response
    }

    static func applyFixes(_ report: LintEngine.Report, sources: [String: SourceFile], showDiff: Bool) -> KalintResponse {
        var editsByFile: [String: [TextEdit]] = [:]
        for diagnostic in report.diagnostics {
            for fix in diagnostic.fixIts where fix.isSafe {
                for edit in fix.edits { editsByFile[edit.file, default: []].append(edit) }
            }
        }
        var response = KalintResponse()
        var applied = 0
        for path in editsByFile.keys.sorted() {
            guard let source = sources[path], let edits = editsByFile[path] else { continue }
            let result = FixApplier.apply(edits, to: source.bytes)
            guard result.bytes != source.bytes else { continue }
            applied += result.applied
            if showDiff {
                response.stdout += String(
                    decoding: UnifiedDiff.diff(old: source.bytes, new: result.bytes, oldName: "a/" + path, newName: "b/" + path),
                    as: UTF8.self)
            } else {
                response.writes.append((path, result.bytes))
            }
        }
        response.stderr = "kalint: \(applied) fix\(applied == 1 ? "" : "es") \(showDiff ? "to apply" : "applied") in \(editsByFile.count) file\(editsByFile.count == 1 ? "" : "s")\n"
        return response
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
