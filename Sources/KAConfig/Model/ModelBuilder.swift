/// Builds the typed model from the bound statements, in file order, the way keepalived's handlers
/// fill their structures: later keywords overwrite earlier ones, references to vrrp_script,
/// track_file and vrrp_track_process are looked up when read (defined above or not found), sync
/// group members after parsing. Per block, a table maps keyword -> handler (a row, not a switch).
struct ModelBuilder {
    typealias Handler<Target> = @Sendable (inout Target, StatementRef, inout BuildContext) -> Void

    let tree: BoundTree
    var model = Configuration()
    /// What handlers change besides their target: kept apart from `model` so that a handler can
    /// fill a model element in place (`&model.instances[i]`) while it reports diagnostics.
    var context = BuildContext()
    /// The block of each of `model.instances` (see `BindResult.instanceBlocks`).
    var instanceBlocks: [Int32] = []

    var diagnostics: [Diagnostic] { context.diagnostics }

    init(tree: BoundTree) { self.tree = tree }

    mutating func build() -> Configuration {
        let tree = self.tree
        let topLevel = tree.blocks[0].statements
        // Instances are large values: growing the array by doubling would copy them repeatedly.
        model.instances.reserveCapacity(topLevel.count)
        instanceBlocks.reserveCapacity(topLevel.count)
        tree.withRefs { ref in
            for index in topLevel { bindTopLevel(ref(index)) }
        }
        resolveSyncGroups()
        let globalVersion = model.globalDefs.vrrpVersion
        for index in model.instances.indices {
            Self.applyDefaults(&model.instances[index], globalVersion: globalVersion)
        }
        return model
    }

    /// The top-level blocks and keywords with a typed place in `Configuration`.
    enum TopLevel: Int {
        case globalDefs, vrrpInstance, vrrpScript, trackFile, trackProcess, syncGroup, staticAddresses
        case staticRoutes, staticRules, linkbeat, garpGroup, trackGroup, bfdInstance, virtualServerGroup
        case virtualServer
    }

    /// Keyword -> `TopLevel` raw value.
    static let topLevelTable = KeywordTable<Int>([
        ("global_defs", TopLevel.globalDefs.rawValue),
        ("vrrp_instance", TopLevel.vrrpInstance.rawValue),
        ("vrrp_script", TopLevel.vrrpScript.rawValue),
        ("track_file", TopLevel.trackFile.rawValue),
        ("vrrp_track_file", TopLevel.trackFile.rawValue),
        ("vrrp_track_process", TopLevel.trackProcess.rawValue),
        ("vrrp_sync_group", TopLevel.syncGroup.rawValue),
        ("static_ipaddress", TopLevel.staticAddresses.rawValue),
        ("static_routes", TopLevel.staticRoutes.rawValue),
        ("static_rules", TopLevel.staticRules.rawValue),
        ("linkbeat_interfaces", TopLevel.linkbeat.rawValue),
        ("garp_group", TopLevel.garpGroup.rawValue),
        ("track_group", TopLevel.trackGroup.rawValue),
        ("bfd_instance", TopLevel.bfdInstance.rawValue),
        ("virtual_server_group", TopLevel.virtualServerGroup.rawValue),
        ("virtual_server", TopLevel.virtualServer.rawValue),
    ])

    // Each block is appended first and filled in place: these values are large, and filling a
    // local then appending it copies it.
    mutating func bindTopLevel(_ s: StatementRef) {
        let slot = context.rowCaches[Self.topLevelCacheID].slot(forAddress: s.rowAddress) { Self.topLevelTable[s.keyword] ?? -1 }
        guard let kind = TopLevel(rawValue: slot) else {
            model.other[s.keyword] = s.otherWords
            return
        }
        switch kind {
        case .globalDefs:
            model.globalDefs.origin = s.origin
            context.fill(&model.globalDefs, from: s, handlers: Self.globalHandlerTable) { $0.other[$1] = $2 }
        case .vrrpInstance:
            let garp = context.shared(model.globalDefs.garp)
            if context.appendNamedBlock(s, to: &model.instances, handlers: Self.instanceHandlerTable, prepare: { $0.storedGARP = garp }) != nil {
                instanceBlocks.append(Int32(truncatingIfNeeded: s.block ?? -1))
                if let own = context.instanceGARP { model.instances[model.instances.count - 1].storedGARP = context.shared(own) }
            }
            context.instanceGARP = nil
        case .vrrpScript:
            if let name = context.appendNamedBlock(s, to: &model.vrrpScripts, handlers: Self.scriptHandlerTable) {
                context.definedScripts.insert(name)
            }
        case .trackFile:
            if let name = context.appendNamedBlock(s, to: &model.trackFiles, handlers: Self.trackFileHandlerTable) {
                context.definedTrackFiles.insert(name)
            }
        case .trackProcess:
            if let name = context.appendNamedBlock(s, to: &model.trackProcesses, handlers: Self.trackProcessHandlerTable) {
                context.definedProcesses.insert(name)
            }
        case .syncGroup:
            context.appendNamedBlock(s, to: &model.syncGroups, handlers: Self.syncGroupHandlerTable)
        case .staticAddresses:
            for entry in s.entries {
                EntryParsers.appendAddress(entry, to: &model.staticAddresses, diagnostics: &context.diagnostics)
            }
        case .staticRoutes:
            model.staticRoutes += s.entries.map(EntryParsers.route)
        case .staticRules:
            model.staticRules += s.entries.map(EntryParsers.rule)
        case .linkbeat:
            model.linkbeatInterfaces += s.entries.compactMap { entry in
                entry.first.map { LinkbeatInterface(name: $0.text, method: entry.count > 1 ? entry[1].text : nil) }
            }
        case .garpGroup:
            var group = GARPGroup()
            group.origin = s.origin
            context.fill(&group, from: s, handlers: Self.garpGroupHandlerTable, other: nil)
            model.garpGroups.append(group)
        case .trackGroup:
            guard let name = s.word(1) else { return }
            var group = TrackGroup(name: name)
            group.origin = s.origin
            s.forEachChild { child in
                if child.keyword == "group" { group.members = child.entries.compactMap { $0.first?.text } }
            }
            model.trackGroups.append(group)
        case .bfdInstance:
            if let name = context.appendNamedBlock(s, to: &model.bfdInstances, handlers: Self.bfdHandlerTable) {
                context.definedBFDs.insert(name)
            }
        case .virtualServerGroup:
            guard let name = s.word(1) else { return }
            var group = VirtualServerGroup(name: name)
            group.origin = s.origin
            group.entries = s.entries.map { $0.map { $0.text } }
            model.virtualServerGroups.append(group)
        case .virtualServer:
            if let server = context.virtualServer(s) { model.virtualServers.append(server) }
        }
    }
}

/// A named top-level block of the model (`vrrp_instance NAME`, `vrrp_script NAME`, ...): keywords
/// without a handler land in `other`.
protocol NamedModelBlock {
    init(name: String)
    var origin: Origin? { get set }
    var other: [String: [String]] { get set }
}

extension VRRPInstance: NamedModelBlock {}
extension VRRPScript: NamedModelBlock {}
extension TrackFile: NamedModelBlock {}
extension TrackProcess: NamedModelBlock {}
extension VRRPSyncGroup: NamedModelBlock {}
extension BFDInstance: NamedModelBlock {}

extension BuildContext {
    /// Appends the block named by word 1 to `list` and fills it in place (these values are large:
    /// filling a local and appending it would copy it). Returns the name; nil (nothing appended)
    /// when the block has none.
    @discardableResult
    mutating func appendNamedBlock<Block: NamedModelBlock>(
        _ s: StatementRef, to list: inout [Block], handlers: HandlerTable<Block>, prepare: (inout Block) -> Void = { _ in }
    ) -> String? {
        guard let name = s.word(1) else { return nil }
        list.append(Block(name: name))
        let last = list.count - 1
        list[last].origin = s.origin
        prepare(&list[last])
        fill(&list[last], from: s, handlers: handlers) { $0.other[$1] = $2 }
        return name
    }
}

/// The builder's state besides the model: diagnostics and what has been defined so far.
struct BuildContext {
    var diagnostics: [Diagnostic] = []
    var definedScripts: Set<String> = []
    var definedTrackFiles: Set<String> = []
    var definedProcesses: Set<String> = []
    var definedBFDs: Set<String> = []
    /// Sync group name and its `group` member words, checked once every instance is known.
    var syncGroupMembers: [(String, [ExpandedWord])] = []
    /// One box per distinct GARP settings of the instances (see `GARPSettings`).
    private var sharedGARP: [GARPSettings: OutOfLine<GARPSettings>] = [:]
    /// The boxes `shared` gave last, newest first (both in `sharedGARP`).
    private var recentGARP: (OutOfLine<GARPSettings>?, OutOfLine<GARPSettings>?) = (nil, nil)
    /// The GARP settings of the instance being read, once one of its `garp_*` lines is read.
    var instanceGARP: GARPSettings?
    /// Per handler table: schema row -> handler index (-1: no handler).
    var rowCaches = Array(repeating: RowSlotCache(), count: ModelBuilder.rowCacheCount)

    /// The box holding `fields` that instances already share, else a new one (then shared from
    /// here on). An instance asks for the global settings' box and, when it has `garp_*` lines of
    /// its own, for one more, most often the same as the instance before: the last two boxes are
    /// compared first, before the settings are hashed (10,000 hashes at 5,000 instances).
    mutating func shared(_ fields: GARPSettings) -> OutOfLine<GARPSettings> {
        if let box = recentGARP.0, box.fields == fields { return box }
        if let box = recentGARP.1, box.fields == fields {
            recentGARP = (box, recentGARP.0)
            return box
        }
        let box: OutOfLine<GARPSettings>
        if let found = sharedGARP[fields] {
            box = found
        } else {
            var made = OutOfLine<GARPSettings>()
            made.fields = fields
            sharedGARP[fields] = made
            box = made
        }
        recentGARP = (box, recentGARP.0)
        return box
    }

    /// Runs the handler of each child statement; keywords without one go to `other` (as words).
    mutating func fill<Target>(
        _ target: inout Target, from statement: StatementRef, handlers: HandlerTable<Target>,
        other: ((inout Target, String, [String]) -> Void)?
    ) {
        statement.forEachChild { child in
            let slot = rowCaches[handlers.id].slot(forAddress: child.rowAddress) { handlers.slots[child.keyword] ?? -1 }
            if slot >= 0 {
                handlers.handlers[slot](&target, child, &self)
            } else if let other {
                other(&target, child.keyword, child.otherWords)
            }
        }
    }

    /// Parses a script keyword's line (2.2.7's two-stage quoted/escaped split).
    mutating func script(_ statement: StatementRef) -> ScriptCommand? {
        switch ScriptCommand.parse(line: statement.lineText) {
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

    /// Looks up track references when read (keepalived 2.2.7 resolves them at parse time) and
    /// appends them to `references`.
    mutating func appendReferences(
        _ statement: StatementRef, to references: inout some RangeReplaceableCollection<TrackReference>, defined: Set<String>, kind: String,
        owner: String, named ownerName: String
    ) {
        statement.forEachEntry { entry in
            guard var reference = EntryParsers.trackReference(entry) else { return }
            reference.resolved = defined.contains(reference.name)
            if !reference.resolved, let word = entry.first {
                diagnostics.append(Diagnostic(
                    SemanticRules.unresolvedReference,
                    "\(kind) '\(reference.name)' is not defined above \(owner) \(ownerName); keepalived looks it up while parsing, reports \"\(kind) \(reference.name) not found, ignoring...\" and does not track it",
                    at: word.origin.span))
            }
            references.append(reference)
        }
    }
}
