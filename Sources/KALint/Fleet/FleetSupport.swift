import KAConfig

/// Small helpers the fleet rules share: naming a node in a message, finding the value most nodes
/// agree on, and the values keepalived 2.2.7 actually uses for an instance.
extension Fleet {
    /// How a message names a member's node: its root file as given on the command line.
    func nodeName(_ member: ClusterMatcher.Member) -> String { nodes[member.node].path }

    /// The span of `keyword`'s first argument in the `global_defs` of node `index`, if written.
    func globalSpan(node index: Int, keyword: String) -> SourceSpan? {
        let node = nodes[index]
        for (block, _) in node.blocks(ofKind: "global_defs") {
            if let statement = node.statement(keyword, inBlock: block) {
                return NodeAnalysis.span(of: statement, argument: 0)
            }
        }
        return nil
    }

    /// A related note at a span.
    static func note(_ span: SourceSpan, _ message: String) -> RelatedLocation {
        RelatedLocation(file: span.file, line: span.start.line, column: span.start.column, message: message)
    }
}

/// The value most members agree on (ties go to the value seen first), so that one deviating node
/// is reported rather than every node.
enum Consensus {
    static func reference<Value: Hashable>(_ values: [Value]) -> Value? {
        var counts: [Value: Int] = [:]
        var order: [Value] = []
        for value in values {
            if counts[value] == nil { order.append(value) }
            counts[value, default: 0] += 1
        }
        var best: Value?
        var bestCount = 0
        for value in order where counts[value, default: 0] > bestCount {
            best = value
            bestCount = counts[value, default: 0]
        }
        return best
    }
}

extension VRRPInstance {
    /// keepalived picks the family from the first virtual address, else from the source address.
    var isIPv6: Bool {
        virtualAddresses.first?.address.isIPv6 ?? unicastSourceIP?.isIPv6 ?? multicastSourceIP?.isIPv6 ?? false
    }

    /// Unicast when any `unicast_peer` is configured.
    var isUnicast: Bool { !unicastPeers.isEmpty }

    /// `unicast_src_ip` and `mcast_src_ip` set the same source address in keepalived.
    var sourceAddress: IPAddress? { unicastSourceIP ?? multicastSourceIP }

    /// The nopreempt keepalived keeps: it clears nopreempt for priority 255 and for state MASTER.
    var effectiveNopreempt: Bool { nopreempt && priority != 255 && state != .master }

    /// Whether strict mode applies (the instance's `strict_mode`, else global `vrrp_strict`).
    func isStrict(in model: Configuration) -> Bool { strictMode ?? model.globalDefs.vrrpStrict }
}

/// Seconds for messages: 1 → "1", 1.5 → "1.5", 0.25 → "0.25".
func secondsText(microseconds: Int) -> String {
    let whole = microseconds / 1_000_000
    var fraction = microseconds % 1_000_000
    guard fraction != 0 else { return "\(whole)" }
    var digits = 6
    while fraction % 10 == 0 {
        fraction /= 10
        digits -= 1
    }
    let text = String(fraction)
    return "\(whole)." + String(repeating: "0", count: digits - text.count) + text
}
