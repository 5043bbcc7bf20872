import KAConfig

/// A rule over one node's configuration. One rule per file under Rules/.
public protocol LintRule: Sendable {
    var rule: DiagnosticRule { get }
    func check(_ node: LintNode) -> [Diagnostic]
}

/// A rule over several nodes' configurations (one file per node). Files under Fleet/.
public protocol FleetRule: Sendable {
    var rule: DiagnosticRule { get }
    func check(_ fleet: Fleet) -> [Diagnostic]
}

/// The nodes of one kalint run and the clusters their instances form.
public struct Fleet: Sendable {
    public var nodes: [LintNode]
    public var clusters: [[ClusterMatcher.Member]]

    public init(nodes: [LintNode]) {
        self.nodes = nodes
        // One node forms no cluster: its instances are not even listed (their addresses would
        // be formatted for nothing).
        guard nodes.count > 1 else {
            clusters = []
            return
        }
        var members: [ClusterMatcher.Member] = []
        for (nodeIndex, node) in nodes.enumerated() {
            for (instanceIndex, instance) in node.model.instances.enumerated() {
                members.append(ClusterMatcher.Member(
                    node: nodeIndex, instance: instanceIndex, name: instance.name,
                    virtualRouterID: instance.virtualRouterID,
                    addresses: instance.virtualAddresses.map { $0.address.description }))
            }
        }
        self.clusters = ClusterMatcher.clusters(members)
    }

    public func instance(_ member: ClusterMatcher.Member) -> VRRPInstance {
        nodes[member.node].model.instances[member.instance]
    }

    public func node(_ member: ClusterMatcher.Member) -> LintNode { nodes[member.node] }

    /// A related note pointing at another node's instance (or one of its statements).
    public func note(_ member: ClusterMatcher.Member, keyword: String? = nil, _ message: String) -> RelatedLocation {
        let node = nodes[member.node]
        let instance = self.instance(member)
        let span: SourceSpan
        if let keyword, let statement = node.statement(keyword, inInstance: instance.name) {
            span = NodeAnalysis.span(of: statement, argument: 0)
        } else {
            span = node.instanceSpan(instance)
        }
        return RelatedLocation(file: span.file, line: span.start.line, column: span.start.column, message: message)
    }

    /// The span of `keyword`'s first argument in a member's instance, else of the instance name.
    public func span(_ member: ClusterMatcher.Member, keyword: String? = nil) -> SourceSpan {
        let node = nodes[member.node]
        let instance = self.instance(member)
        if let keyword, let statement = node.statement(keyword, inInstance: instance.name) {
            return NodeAnalysis.span(of: statement, argument: 0)
        }
        return node.instanceSpan(instance)
    }
}
