import KAConfig

/// `virtual_router_id` missing, or not a number 1-255. keepalived ignores an invalid value, and an
/// instance left without a VRID stops the whole daemon at startup.
struct VRIDRangeRule: LintRule {
    let rule = LintRuleCatalogue.vridRange

    func check(_ node: LintNode) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let instances = node.model.instances
        // The node's statements once, not through each instance, and read in place: both rule
        // threads would count references on the same arrays once an instance.
        let tree = node.bound.tree
        tree.withRefs { ref in
            for facts in node.instanceFacts {
                var invalid: [BoundStatement] = []
                facts.forEachIndex(.virtualRouterID) { index in
                    let line = ref(index)
                    if line.wordCount > 1, line.int() == nil { invalid.append(tree.statements[index]) }
                }
                if invalid.isEmpty, instances[facts.index].virtualRouterID != nil { continue }
                let instance = facts.instance
                let fatal = "keepalived 2.2.7 exits at startup with \"(\(instance.name)) the virtual router id must be set\""
                for statement in invalid {
                    let text = statement.words[1].text
                    let outcome = instance.virtualRouterID.map { "keeps VRID \($0) from another virtual_router_id line" }
                        ?? "the instance has no VRID: \(fatal)"
                    found.append(Diagnostic(
                        rule, "virtual_router_id '\(text)' is not a number from 1 to 255; keepalived ignores it and \(outcome)",
                        at: NodeAnalysis.span(of: statement, argument: 0)))
                }
                if instance.virtualRouterID == nil, invalid.isEmpty {
                    found.append(Diagnostic(
                        rule, "vrrp_instance '\(instance.name)' has no virtual_router_id; \(fatal)", at: node.instanceSpan(instance)))
                }
            }
        }
        return found
    }
}
