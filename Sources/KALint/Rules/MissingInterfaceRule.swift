import KAConfig

/// A vrrp_instance without a usable `interface`. keepalived 2.2.7 checks the interface before it
/// looks at unicast peers, so even a unicast instance stops the daemon with "Unknown interface!";
/// that is a regression of 2.2.7 alone (keepalived issue #2270), reported only for that target.
struct MissingInterfaceRule: LintRule {
    let rule = LintRuleCatalogue.missingInterface
    /// IFNAMSIZ - 1: keepalived ignores longer names.
    static let maximumNameLength = 15

    func check(_ node: LintNode) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // The node's statements once, not through each instance: both rule threads would count
        // references on the same arrays once an instance.
        let tree = node.bound.tree
        for facts in node.instanceFacts {
            // Most instances have one usable interface line: counted without an array.
            var lines = 0
            var usable = 0
            facts.forEachIndex(.interface) { index in
                guard tree.statements[index].words.count > 1 else { return }
                lines += 1
                if Self.problem(tree.statements[index].words[1].text) == nil { usable += 1 }
            }
            if lines > 0, usable == lines { continue }
            let instance = facts.instance
            let fatal = "keepalived 2.2.7 exits at startup with \"(\(instance.name)) Unknown interface!\""
            facts.forEachIndex(.interface) { index in
                let statement = tree.statements[index]
                guard statement.words.count > 1, let problem = Self.problem(statement.words[1].text) else { return }
                found.append(Diagnostic(
                    rule, problem + (usable == 0 ? " and, with no other interface, \(fatal)" : ""),
                    at: NodeAnalysis.span(of: statement, argument: 0)))
            }
            guard lines == 0 else { continue }
            let message: String
            if !facts.unicastPeers.isEmpty {
                // A regression of 2.2.7 alone (keepalived issue #2270, fixed in 2.2.8).
                guard node.targetVersion == .checked else { continue }
                message = "vrrp_instance '\(instance.name)' has unicast peers but no interface; \(fatal): 2.2.7 checks the interface before it looks at the peers (a regression of 2.2.7 only, keepalived issue #2270: 2.1.0-2.2.6 and 2.2.8 or later accept it; add the interface the peers are reached through, or target another version with --target-version)"
            } else {
                message = "vrrp_instance '\(instance.name)' has no interface and no unicast peers; \(fatal)"
            }
            found.append(Diagnostic(rule, message, at: node.instanceSpan(instance)))
        }
        return found
    }

    /// Why keepalived ignores an interface name, if it does.
    static func problem(_ name: String) -> String? {
        if name.utf8.count > maximumNameLength {
            return "interface name '\(name)' is longer than \(maximumNameLength) characters: keepalived 2.2.7 reports \"Interface name '\(name)' too long - ignoring\""
        }
        if name == "lo" {
            return "interface lo is the loopback: keepalived 2.2.7 reports \"cannot use a loopback interface (lo) for vrrp - ignoring\""
        }
        return nil
    }
}
