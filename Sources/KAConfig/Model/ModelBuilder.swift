/// Builds the typed model from the bound statements, in file order, the way keepalived's handlers
/// fill their structures: later keywords overwrite earlier ones, references to vrrp_script,
/// track_file and vrrp_track_process are looked up when read (defined above or not found), sync
/// group members after parsing. Per block, a table maps keyword -> handler (a row, not a switch).
struct ModelBuilder {
    typealias Handler<Target> = @Sendable (inout Target, BoundStatement, inout ModelBuilder) -> Void

    let tree: BoundTree
    var model = Configuration()
    var diagnostics: [Diagnostic] = []
    var definedScripts: Set<String> = []
    var definedTrackFiles: Set<String> = []
    var definedProcesses: Set<String> = []
    var definedBFDs: Set<String> = []
    /// Sync group name and its `group` member words, checked once every instance is known.
    var syncGroupMembers: [(String, [ExpandedWord])] = []

    init(tree: BoundTree) { self.tree = tree }

    mutating func build() -> Configuration {
        // Instances are large values: growing the array by doubling would copy them repeatedly.
        model.instances.reserveCapacity(tree.blocks[0].statements.count)
        for index in tree.blocks[0].statements {
            bindTopLevel(tree.statements[index])
        }
        resolveSyncGroups()
        let globalVersion = model.globalDefs.vrrpVersion
        for index in model.instances.indices {
            Self.applyDefaults(&model.instances[index], globalVersion: globalVersion)
        }
        return model
    }

    /// Statements of the block a statement opened.
    func children(of statement: BoundStatement) -> [BoundStatement] {
        statement.block.map { tree.statements(in: $0) } ?? []
    }

    /// Runs the handler of each child statement; keywords without one land in `other`.
    mutating func fill<Target>(
        _ target: inout Target, from statement: BoundStatement, handlers: KeywordTable<Handler<Target>>,
        other: WritableKeyPath<Target, [String: [String]]>?
    ) {
        guard let block = statement.block else { return }
        // Handlers borrow each statement from the (immutable) tree instead of copying it.
        let statements = tree.statements
        statements.withUnsafeBufferPointer { buffer in
            for index in tree.blocks[block].statements {
                let keyword = buffer[index].row.spec.name
                if let handler = handlers[keyword] {
                    handler(&target, buffer[index], &self)
                } else if let other {
                    let child = buffer[index]
                    target[keyPath: other][keyword] =
                        child.entries.isEmpty ? child.argumentWords : child.entries.flatMap { $0.map(\.text) }
                }
            }
        }
    }

    mutating func bindTopLevel(_ statement: BoundStatement) {
        switch statement.keyword {
        case "global_defs":
            var defs = model.globalDefs
            defs.origin = statement.origin
            fill(&defs, from: statement, handlers: Self.globalHandlerTable, other: \.other)
            model.globalDefs = defs
        case "vrrp_instance":
            guard let name = statement.word(1) else { return }
            var instance = VRRPInstance(name: name)
            instance.origin = statement.origin
            instance.garp = model.globalDefs.garp
            fill(&instance, from: statement, handlers: Self.instanceHandlerTable, other: \.other)
            model.instances.append(instance)
        case "vrrp_script":
            guard let name = statement.word(1) else { return }
            var script = VRRPScript(name: name)
            script.origin = statement.origin
            fill(&script, from: statement, handlers: Self.scriptHandlerTable, other: \.other)
            model.vrrpScripts.append(script)
            definedScripts.insert(name)
        case "track_file", "vrrp_track_file":
            guard let name = statement.word(1) else { return }
            var file = TrackFile(name: name)
            file.origin = statement.origin
            fill(&file, from: statement, handlers: Self.trackFileHandlerTable, other: \.other)
            model.trackFiles.append(file)
            definedTrackFiles.insert(name)
        case "vrrp_track_process":
            guard let name = statement.word(1) else { return }
            var process = TrackProcess(name: name)
            process.origin = statement.origin
            fill(&process, from: statement, handlers: Self.trackProcessHandlerTable, other: \.other)
            model.trackProcesses.append(process)
            definedProcesses.insert(name)
        case "vrrp_sync_group":
            guard let name = statement.word(1) else { return }
            var group = VRRPSyncGroup(name: name)
            group.origin = statement.origin
            fill(&group, from: statement, handlers: Self.syncGroupHandlerTable, other: \.other)
            model.syncGroups.append(group)
        case "static_ipaddress":
            model.staticAddresses += statement.entries.compactMap { EntryParsers.address($0, diagnostics: &diagnostics) }
        case "static_routes":
            model.staticRoutes += statement.entries.map(EntryParsers.route)
        case "static_rules":
            model.staticRules += statement.entries.map(EntryParsers.rule)
        case "linkbeat_interfaces":
            model.linkbeatInterfaces += statement.entries.compactMap { entry in
                entry.first.map { LinkbeatInterface(name: $0.text, method: entry.count > 1 ? entry[1].text : nil) }
            }
        case "garp_group":
            var group = GARPGroup()
            group.origin = statement.origin
            fill(&group, from: statement, handlers: Self.garpGroupHandlerTable, other: nil)
            model.garpGroups.append(group)
        case "track_group":
            guard let name = statement.word(1) else { return }
            var group = TrackGroup(name: name)
            group.origin = statement.origin
            for child in children(of: statement) where child.keyword == "group" {
                group.members = child.entries.compactMap { $0.first?.text }
            }
            model.trackGroups.append(group)
        case "bfd_instance":
            guard let name = statement.word(1) else { return }
            var bfd = BFDInstance(name: name)
            bfd.origin = statement.origin
            fill(&bfd, from: statement, handlers: Self.bfdHandlerTable, other: \.other)
            model.bfdInstances.append(bfd)
            definedBFDs.insert(name)
        case "virtual_server_group":
            guard let name = statement.word(1) else { return }
            var group = VirtualServerGroup(name: name)
            group.origin = statement.origin
            group.entries = statement.entries.map { $0.map(\.text) }
            model.virtualServerGroups.append(group)
        case "virtual_server":
            if let server = virtualServer(statement) { model.virtualServers.append(server) }
        default:
            model.other[statement.keyword] =
                statement.entries.isEmpty ? statement.argumentWords : statement.entries.flatMap { $0.map(\.text) }
        }
    }

    /// Parses a script keyword's line (2.2.7's two-stage quoted/escaped split).
    mutating func script(_ statement: BoundStatement) -> ScriptCommand? {
        switch ScriptCommand.parse(line: statement.text) {
        case .success(let command):
            if command == nil {
                diagnostics.append(Diagnostic(
                    SemanticRules.invalidScript,
                    "'\(statement.keyword)' has no command; keepalived logs \"Unable to parse script\" and ignores it",
                    at: statement.origin.span))
            }
            return command
        case .failure(let failure):
            let reason: String
            switch failure {
            case .unterminatedQuote(let quote): reason = "a \(quote) quote is never closed"
            case .trailingBackslash: reason = "it ends with a lone backslash"
            }
            diagnostics.append(Diagnostic(
                SemanticRules.invalidScript,
                "the command line of '\(statement.keyword)' cannot be split: \(reason); keepalived ignores the script",
                at: statement.origin.span))
            return nil
        }
    }

    /// Looks up track references when read (keepalived 2.2.7 resolves them at parse time).
    mutating func references(
        _ statement: BoundStatement, defined: Set<String>, kind: String, owner: @autoclosure () -> String
    ) -> [TrackReference] {
        statement.entries.compactMap { entry -> TrackReference? in
            guard var reference = EntryParsers.trackReference(entry) else { return nil }
            reference.resolved = defined.contains(reference.name)
            if !reference.resolved, let word = entry.first {
                diagnostics.append(Diagnostic(
                    SemanticRules.unresolvedReference,
                    "\(kind) '\(reference.name)' is not defined above \(owner()); keepalived looks it up while parsing, reports \"\(kind) \(reference.name) not found, ignoring...\" and does not track it",
                    at: word.origin.span))
            }
            return reference
        }
    }
}
