import KAConfig
import KALint

/// kalint's analysis of what the editor has open, as kalint would run it from the command line:
/// the node files of each open document's folder (its `*.conf` files that no other one includes,
/// open buffers in place of their files) form one fleet, so the cross-node rules see node2.conf
/// when node1.conf is edited. Every file the nodes read (includes too) maps to the node that
/// read it. Built once per change of the workspace; the lint report only when asked for.
final class WorkspaceAnalysis {
    /// Node files linted together, and the report, computed on first use.
    final class Unit {
        let nodes: [NodeAnalysis]
        let options: LintOptions
        private(set) lazy var report: LintEngine.Report = LintEngine().run(nodes, options: options)

        init(nodes: [NodeAnalysis], options: LintOptions) {
            self.nodes = nodes
            self.options = options
        }
    }

    struct Owner {
        let unit: Unit
        let node: NodeAnalysis
    }

    private(set) var units: [Unit] = []
    private var owners: [String: Owner] = [:]
    /// Every file read, by path (the buffer for an open document).
    private(set) var sources: [String: SourceFile] = [:]

    init(documents: [TextDocument], settings: ServerSettings) {
        var buffers: [String: [UInt8]] = [:]
        for document in documents { buffers[document.path] = document.bytes }
        let fileSystem = OverlayFileSystem(buffers: buffers)
        var expansion = ExpansionOptions()
        expansion.configID = settings.configID
        let options = LintOptions(disabled: settings.disabled, targetVersion: settings.targetVersion, configID: settings.configID)

        var byFolder: [String: [String]] = [:]
        var alone: [String] = []
        for document in documents {
            if document.path.hasPrefix("/") {
                byFolder[DocumentURI.directory(of: document.path), default: []].append(document.path)
            } else {
                alone.append(document.path)
            }
        }
        // Every folder's node files first: a file that any of them includes is no node of its
        // own (conf.d/*.conf opened beside the keepalived.conf that includes them).
        var folderNodes: [(open: [String], nodes: [NodeAnalysis])] = []
        for folder in byFolder.keys.sorted() {
            let open = byFolder[folder] ?? []
            var candidates = Set(open)
            if settings.fleet {
                let siblings = fileSystem.glob("*.conf", relativeTo: folder).filter { !$0.hasSuffix("/") }
                if siblings.count <= settings.maximumFleetFiles { candidates.formUnion(siblings) }
            }
            folderNodes.append((open, FleetAnalysis.analyze(paths: candidates.sorted(), options: expansion, fileSystem: fileSystem)))
        }
        let included = Set(folderNodes.flatMap(\.nodes).flatMap { node in node.expanded.files.keys.filter { $0 != node.path } })
        for (_, nodes) in folderNodes {
            let roots = nodes.filter { !included.contains($0.path) }
            if settings.fleet, !roots.isEmpty { add(Unit(nodes: roots, options: options)) }
        }
        // An open file no node reads (fleet off, or only included by a fragment): alone.
        for (open, nodes) in folderNodes {
            for node in nodes where open.contains(node.path) && owners[node.path] == nil {
                add(Unit(nodes: [node], options: options))
            }
        }
        for path in alone {
            add(Unit(nodes: [Analyzer.analyze(path: path, options: expansion, fileSystem: fileSystem)], options: options))
        }
    }

    private func add(_ unit: Unit) {
        units.append(unit)
        for node in unit.nodes {
            for (path, file) in node.expanded.files {
                sources[path] = sources[path] ?? file.source
                // A node's own file belongs to it; an included file to the first node that read it.
                if path == node.path || owners[path] == nil { owners[path] = Owner(unit: unit, node: node) }
            }
        }
    }

    /// The node that read `path`, and the unit it is linted in.
    func owner(of path: String) -> Owner? { owners[path] }

    /// The syntax tree of a file some node read.
    func tree(of path: String) -> SyntaxTree? { owners[path]?.node.expanded.files[path]?.tree }
}

