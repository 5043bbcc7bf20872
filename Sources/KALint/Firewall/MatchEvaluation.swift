import KAConfig

/// A question about the packet kalint cannot answer: the evaluator follows both answers.
enum UnknownFact: Sendable {
    case interface([String])
    case address(AddressSide, [FirewallAddressRange])

    func describe(holds: Bool) -> String {
        switch self {
        case .interface(let patterns):
            let list = patterns.map { "\"\($0)\"" }.joined(separator: ", ")
            let verb = holds ? "is" : "is not"
            return patterns.count == 1
                ? "the input interface \(verb) \(list)" : "the input interface \(verb) one of \(list)"
        case .address(let side, let ranges):
            let list = ranges.map(\.description).joined(separator: ", ")
            return "the \(side.word) address \(holds ? "is" : "is not") in \(list)"
        }
    }
}

enum MatchResult: Sendable {
    case yes
    case no
    case unknown(UnknownFact)
    case unsupported(String)
}

/// What one path through the ruleset has assumed about the unknown fields, and what it noticed.
struct PathState: Sendable {
    var packet: ProbePacket
    /// Interface pattern lists assumed to match (one of each list holds) or not to match.
    var interfaceIn: [[String]] = []
    var interfaceNotIn: [String] = []
    var addressIn: [[[FirewallAddressRange]]] = [[], []]
    var addressNotIn: [[FirewallAddressRange]] = [[], []]
    /// Human-readable assumptions, in the order they were made.
    var assumptions: [String] = []
    /// Caveats for the reason: rules skipped because kalint does not evaluate them.
    var notes: [String] = []
    /// Base chains passed so far, and what let the packet through each.
    var acceptedBy: [(text: String, line: Int?, byRule: Bool)] = []

    init(packet: ProbePacket) {
        self.packet = packet
    }

    mutating func note(_ text: String) {
        if !notes.contains(text) { notes.append(text) }
    }

    // MARK: Evaluating one match

    func evaluate(_ match: RuleMatch) -> MatchResult {
        switch match {
        case .family(let family):
            return family == packet.family ? .yes : .no
        case .ipProtocol(let numbers, let family, let negated):
            if let family, family != packet.family { return .no }
            return (numbers.contains(packet.ipProtocol) != negated) ? .yes : .no
        case .address(let side, let ranges, let family, let negated):
            if let family, family != packet.family { return .no }
            return flip(evaluateAddress(side, ranges.filter { $0.family == packet.family }), negated)
        case .inputInterface(let patterns, let negated):
            return flip(evaluateInterface(patterns), negated)
        case .outputInterface(let negated):
            return negated ? .yes : .no
        case .connectionState(let states, let negated):
            return states.contains(packet.connectionState) != negated ? .yes : .no
        case .packetType(let types, let negated):
            return types.contains(packet.packetType) != negated ? .yes : .no
        case .addressType(let side, let types, let negated):
            return types.contains(packet.addressType(side)) != negated ? .yes : .no
        case .never:
            return .no
        case .always:
            return .yes
        case .unsupported(let what):
            return .unsupported(what)
        }
    }

    private func flip(_ result: MatchResult, _ negated: Bool) -> MatchResult {
        guard negated else { return result }
        switch result {
        case .yes: return .no
        case .no: return .yes
        default: return result
        }
    }

    private func evaluateInterface(_ patterns: [String]) -> MatchResult {
        if let name = packet.interface {
            return patterns.contains { Self.interface(name, matches: $0) } ? .yes : .no
        }
        // Adverts from a peer never arrive on loopback.
        let open = patterns.filter { pattern in
            pattern != "lo" && !interfaceNotIn.contains { Self.pattern(pattern, isWithin: $0) }
        }
        if open.isEmpty { return .no }
        for known in interfaceIn {
            if known.allSatisfy({ k in open.contains { Self.pattern(k, isWithin: $0) } }) { return .yes }
            if !known.contains(where: { k in open.contains { Self.patterns(k, overlap: $0) } }) { return .no }
        }
        return .unknown(.interface(open))
    }

    private func evaluateAddress(_ side: AddressSide, _ ranges: [FirewallAddressRange]) -> MatchResult {
        if ranges.isEmpty { return .no }
        let known = side == .source ? packet.source : packet.destination
        if let known {
            return ranges.contains { $0.contains(known) } ? .yes : .no
        }
        let slot = side == .source ? 0 : 1
        let excluded = addressNotIn[slot]
        if ranges.allSatisfy({ range in excluded.contains { $0.contains(range) } }) { return .no }
        for union in addressIn[slot] {
            if union.allSatisfy({ part in ranges.contains { $0.contains(part) } }) { return .yes }
            if !union.contains(where: { part in ranges.contains { $0.overlaps(part) } }) { return .no }
        }
        return .unknown(.address(side, ranges))
    }

    // MARK: Assuming an answer

    /// This path with `fact` taken as `holds`; nil when that contradicts what the path assumed.
    func assuming(_ fact: UnknownFact, holds: Bool) -> PathState? {
        var next = self
        next.assumptions.append(fact.describe(holds: holds))
        switch fact {
        case .interface(let patterns):
            if !holds {
                next.interfaceNotIn += patterns
            } else if patterns.count == 1, let only = patterns.first, !Self.isWildcard(only) {
                guard next.bind(interface: only) else { return nil }
            } else {
                next.interfaceIn.append(patterns)
            }
        case .address(let side, let ranges):
            let slot = side == .source ? 0 : 1
            if holds {
                next.addressIn[slot].append(ranges)
            } else {
                next.addressNotIn[slot] += ranges
            }
        }
        return next
    }

    private mutating func bind(interface name: String) -> Bool {
        if interfaceNotIn.contains(where: { Self.interface(name, matches: $0) }) { return false }
        if interfaceIn.contains(where: { list in !list.contains { Self.interface(name, matches: $0) } }) {
            return false
        }
        packet.interface = name
        return true
    }

    // MARK: Interface patterns

    static func isWildcard(_ pattern: String) -> Bool {
        pattern.hasSuffix("*") || pattern.hasSuffix("+")
    }

    static func interface(_ name: String, matches pattern: String) -> Bool {
        guard isWildcard(pattern) else { return name == pattern }
        return name.hasPrefix(pattern.dropLast())
    }

    /// True when some name matches both patterns.
    static func patterns(_ a: String, overlap b: String) -> Bool {
        pattern(a, isWithin: b) || pattern(b, isWithin: a)
    }

    /// True when every name `inner` matches is also matched by `outer`.
    static func pattern(_ inner: String, isWithin outer: String) -> Bool {
        guard isWildcard(outer) else { return inner == outer }
        let stem = isWildcard(inner) ? String(inner.dropLast()) : inner
        return stem.hasPrefix(outer.dropLast())
    }
}
