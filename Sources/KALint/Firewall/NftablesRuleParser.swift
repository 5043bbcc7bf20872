import KAConfig

/// Turns the tokens of one nftables rule into matches and an action. Expressions kalint knows are
/// read exactly; a header match of another protocol (`tcp dport 22`) can never hold for VRRP;
/// anything else becomes an unsupported match, so the rule counts as not matching.
struct NftablesRuleParser {
    private var tokens: [NftToken]
    private var position = 0
    private let sets: [String: [String]]

    private(set) var matches: [RuleMatch] = []
    private(set) var action: RuleAction = .next

    /// Words that start an expression or statement; an unknown expression runs until one of these.
    private static let starters: Set<String> = [
        "ip", "ip6", "meta", "ct", "fib", "iif", "iifname", "oif", "oifname", "pkttype", "l4proto",
        "nfproto", "mark", "counter", "log", "limit", "quota", "comment", "notrack", "accept", "drop",
        "reject", "jump", "goto", "return", "continue", "queue", "tcp", "udp", "udplite", "sctp", "dccp",
        "icmp", "icmpv6", "igmp", "th", "ah", "esp", "ether", "vlan", "arp", "masquerade", "snat", "dnat",
        "redirect", "numgen", "jhash", "symhash", "socket", "osf", "rt", "exthdr", "tproxy", "synproxy",
    ]

    /// Header expressions of protocols that are not VRRP or AH: they never match an advert.
    private static let otherProtocols: Set<String> = [
        "tcp", "udp", "udplite", "sctp", "dccp", "icmp", "icmpv6", "igmp", "esp", "comp", "ether",
        "vlan", "arp", "mh", "dst", "hbh", "frag", "srh",
    ]

    static func parse(_ tokens: [NftToken], sets: [String: [String]]) -> NftablesRuleParser {
        var parser = NftablesRuleParser(tokens: tokens.filter { $0.kind != .newline }, sets: sets)
        parser.run()
        return parser
    }

    private init(tokens: [NftToken], sets: [String: [String]]) {
        self.tokens = tokens
        self.sets = sets
    }

    // MARK: Cursor

    private var current: NftToken? { position < tokens.count ? tokens[position] : nil }

    private mutating func take() -> NftToken? {
        defer { position += 1 }
        return current
    }

    private mutating func takeWord(_ value: String) -> Bool {
        guard current?.isWord(value) == true else { return false }
        position += 1
        return true
    }

    /// Skips to the next expression start; returns what was skipped, spelled. A selector word such
    /// as `meta` or `ct` keeps the key after it (`meta mark`), even when that key is a starter.
    private mutating func skipExpression() -> String {
        var skipped: [String] = []
        var depth = 0
        let selectors: Set<String> = ["meta", "ct", "ip", "ip6", "fib"]
        let keep = current.map { selectors.contains($0.text) } == true ? 2 : 1
        while let token = current {
            if depth == 0, token.kind == .word, Self.starters.contains(token.text), skipped.count >= keep { break }
            if token.kind == .openBrace { depth += 1 }
            if token.kind == .closeBrace { depth -= 1 }
            skipped.append(token.spelled)
            position += 1
        }
        return skipped.joined(separator: " ")
    }

    // MARK: Rule

    private mutating func run() {
        while let token = current {
            let start = position
            guard token.kind == .word else {
                position += 1
                continue
            }
            if concatenation() { continue }
            if !statement(token.text) {
                position = start
                let text = skipExpression()
                let word = text.split(separator: " ").first.map(String.init) ?? ""
                matches.append(Self.otherProtocols.contains(word) ? .never(text) : .unsupported(text))
            }
        }
    }

    /// `ip saddr . ip daddr { a . b }` (or `vmap`): a concatenated key kalint does not evaluate,
    /// read whole up to and including its set, named set or verdict map.
    private mutating func concatenation() -> Bool {
        let lookahead = tokens[position..<min(position + 4, tokens.count)]
        guard lookahead.contains(where: { $0.isWord(".") }) else { return false }
        var text: [String] = []
        var depth = 0
        var isMap = false
        while let token = current {
            if depth == 0, token.kind == .word, Self.verdictWords.contains(token.text) { break }
            position += 1
            text.append(token.spelled)
            if token.isWord("vmap") { isMap = true }
            if token.kind == .openBrace { depth += 1 }
            if token.kind == .closeBrace {
                depth -= 1
                if depth <= 0 { break }
            }
            if depth == 0, token.kind == .word, token.text.hasPrefix("@") { break }
        }
        let spelled = text.joined(separator: " ")
        if isMap {
            action = .unsupported("verdict map on \(spelled)")
        } else {
            matches.append(.unsupported(spelled))
        }
        return true
    }

    private static let verdictWords: Set<String> = [
        "accept", "drop", "reject", "jump", "goto", "return", "continue", "queue", "counter", "log", "comment",
    ]

    /// Reads one known expression or statement at the cursor; false when it is not one.
    private mutating func statement(_ word: String) -> Bool {
        position += 1
        switch word {
        case "ip", "ip6":
            return ipExpression(word == "ip" ? .ipv4 : .ipv6)
        case "meta":
            guard let key = take(), key.kind == .word else { return false }
            return metaExpression(key.text)
        case "iif", "iifname", "oif", "oifname", "pkttype", "l4proto", "nfproto", "mark":
            return metaExpression(word)
        case "ct":
            return ctExpression()
        case "fib":
            return fibExpression()
        case "counter":
            while let next = current, next.isWord("packets") || next.isWord("bytes") || next.isWord("name") {
                position += 2
            }
            return true
        case "log":
            let options: Set<String> = ["prefix", "level", "flags", "group", "snaplen", "queue-threshold"]
            while let next = current, next.kind == .word, options.contains(next.text) {
                position += 2
                while current?.kind == .comma { position += 2 }
            }
            return true
        case "comment":
            position += 1
            return true
        case "notrack":
            return true
        case "accept": action = .accept
        case "drop": action = .drop
        case "reject":
            if takeWord("with") {
                while let next = current, next.kind == .word, !Self.starters.contains(next.text) || next.text == "icmp"
                    || next.text == "icmpv6" || next.text == "tcp"
                {
                    position += 1
                }
            }
            action = .reject
        case "jump", "goto":
            guard let target = take() else { return false }
            action = word == "jump" ? .jump(target.text) : .goto(target.text)
        case "return": action = .returnFromChain
        case "continue": action = .next
        case "queue":
            let options = skipExpression()
            action = .unsupported(options.isEmpty ? "queue" : "queue " + options)
        default:
            return false
        }
        return true
    }

    // MARK: Expressions

    private mutating func ipExpression(_ family: VRRPTrafficNeed.Family) -> Bool {
        guard let field = take(), field.kind == .word else { return false }
        switch field.text {
        case "protocol" where family == .ipv4, "nexthdr" where family == .ipv6:
            return keyed { values, negated in
                .ipProtocol(ProtocolNames.numbers(values), family: family, negated: negated)
            }
        case "saddr", "daddr":
            let side: AddressSide = field.text == "saddr" ? .source : .destination
            return keyed { values, negated in Self.addressMatch(side, values, family: family, negated: negated) }
        case "ttl" where family == .ipv4, "hoplimit" where family == .ipv6:
            return hopLimitExpression(family)
        default:
            return false
        }
    }

    private mutating func metaExpression(_ key: String) -> Bool {
        if current?.isWord("set") == true {
            // A statement (meta mark set 1): it changes the packet, not the path.
            position += 1
            _ = take()
            return true
        }
        switch key {
        case "l4proto":
            return keyed { values, negated in
                .ipProtocol(ProtocolNames.numbers(values), family: nil, negated: negated)
            }
        case "nfproto":
            return keyed { values, negated in
                let families = values.compactMap { $0 == "ipv4" ? VRRPTrafficNeed.Family.ipv4 : $0 == "ipv6" ? .ipv6 : nil }
                if families.count == 1, let only = families.first {
                    return .family(negated ? (only == .ipv4 ? .ipv6 : .ipv4) : only)
                }
                return negated ? .never("meta nfproto != \(values.joined(separator: ","))") : .unsupported("meta nfproto")
            }
        case "iif", "iifname":
            return keyed { values, negated in .inputInterface(values, negated: negated) }
        case "oif", "oifname":
            return keyed { _, negated in .outputInterface(negated: negated) }
        case "pkttype":
            return keyed { values, negated in .packetType(Set(values.map { $0.lowercased() }), negated: negated) }
        default:
            return false
        }
    }

    private mutating func ctExpression() -> Bool {
        guard let key = take(), key.kind == .word else { return false }
        if current?.isWord("set") == true {
            position += 1
            _ = take()
            return true
        }
        switch key.text {
        case "state":
            return keyed { values, negated in .connectionState(Set(values.map { $0.lowercased() }), negated: negated) }
        case "status":
            // Adverts are never NATed, confirmed replies or expected connections.
            return keyed { values, negated in
                negated ? .always : .never("ct status \(values.joined(separator: ","))")
            }
        default:
            return false
        }
    }

    /// `fib daddr type local` and `fib saddr type unicast`; other fib forms (`fib saddr . iif oif
    /// missing`) are not evaluated and run up to the verdict or the next statement.
    private mutating func fibExpression() -> Bool {
        if let side = current, side.isWord("daddr") || side.isWord("saddr"),
            position + 1 < tokens.count, tokens[position + 1].isWord("type")
        {
            position += 2
            let addressSide: AddressSide = side.text == "daddr" ? .destination : .source
            return keyed { values, negated in
                .addressType(addressSide, Set(values.map { $0.lowercased() }), negated: negated)
            }
        }
        var text = ["fib"]
        while let token = current, !(token.kind == .word && Self.statementWords.contains(token.text)) {
            text.append(token.spelled)
            position += 1
        }
        matches.append(.unsupported(text.joined(separator: " ")))
        return true
    }

    private static let statementWords: Set<String> = [
        "accept", "drop", "reject", "jump", "goto", "return", "continue", "queue", "counter", "log",
        "comment", "limit", "meta", "ct", "ip", "ip6",
    ]

    /// `ip ttl` / `ip6 hoplimit`: adverts are always sent with 255.
    private mutating func hopLimitExpression(_ family: VRRPTrafficNeed.Family) -> Bool {
        var comparison = "=="
        if let op = current, ["==", "!=", "<", ">", "<=", ">=", "eq", "ne", "lt", "gt", "le", "ge"].contains(op.text) {
            comparison = op.text
            position += 1
        }
        guard let value = take(), let number = Int(value.text) else { return false }
        let holds: Bool
        switch comparison {
        case "==", "eq": holds = number == 255
        case "!=", "ne": holds = number != 255
        case "<", "lt": holds = 255 < number
        case ">", "gt": holds = 255 > number
        case "<=", "le": holds = 255 <= number
        default: holds = 255 >= number
        }
        let text = (family == .ipv4 ? "ip ttl " : "ip6 hoplimit ") + "\(comparison) \(number)"
        matches.append(.family(family))
        if !holds { matches.append(.never(text)) }
        return true
    }

    // MARK: Values

    /// Reads `[op] value` or `vmap { value : verdict, ... }` after a key and records the match(es).
    private mutating func keyed(_ make: ([String], Bool) -> RuleMatch) -> Bool {
        var negated = false
        if let op = current, op.isWord("!=") || op.isWord("ne") {
            negated = true
            position += 1
        } else if let op = current, op.isWord("==") || op.isWord("eq") {
            position += 1
        }
        if !negated, takeWord("vmap") {
            return verdictMap(make)
        }
        guard let values = readValues() else { return false }
        matches.append(make(values, negated))
        return true
    }

    /// A single value, a `a,b` list, an anonymous set `{ a, b }` or a named set `@name`.
    private mutating func readValues() -> [String]? {
        guard let first = current else { return nil }
        if first.kind == .openBrace {
            position += 1
            var values: [String] = []
            while let token = take(), token.kind != .closeBrace {
                if token.kind == .word || token.kind == .string { values.append(token.text) }
            }
            return values
        }
        guard first.kind == .word || first.kind == .string else { return nil }
        position += 1
        if first.kind == .word, first.text.hasPrefix("@") {
            return sets[String(first.text.dropFirst())]
        }
        var values = [first.text]
        while current?.kind == .comma, position + 1 < tokens.count {
            values.append(tokens[position + 1].text)
            position += 2
        }
        return values
    }

    private mutating func verdictMap(_ make: ([String], Bool) -> RuleMatch) -> Bool {
        guard current?.kind == .openBrace else { return false }
        position += 1
        var entries: [(RuleMatch, RuleAction)] = []
        var keys: [String] = []
        while let token = take(), token.kind != .closeBrace {
            switch token.kind {
            case .word where token.text == ":":
                let verdict = take()?.text ?? ""
                var entryAction: RuleAction
                switch verdict {
                case "accept": entryAction = .accept
                case "drop": entryAction = .drop
                case "reject": entryAction = .reject
                case "return": entryAction = .returnFromChain
                case "continue": entryAction = .next
                case "jump": entryAction = .jump(take()?.text ?? "")
                case "goto": entryAction = .goto(take()?.text ?? "")
                default: entryAction = .unsupported(verdict)
                }
                entries.append((make(keys, false), entryAction))
                keys = []
            case .word where token.text.hasSuffix(":"):
                // `established: accept` written without a space before the colon.
                keys.append(String(token.text.dropLast()))
                position -= 1
                tokens[position] = NftToken(kind: .word, text: ":", line: token.line)
            case .word, .string:
                keys.append(token.text)
            default:
                continue
            }
        }
        action = .verdictMap(entries)
        return true
    }

    private static func addressMatch(
        _ side: AddressSide, _ values: [String], family: VRRPTrafficNeed.Family, negated: Bool
    ) -> RuleMatch {
        var ranges: [FirewallAddressRange] = []
        for value in values {
            guard let range = FirewallAddressRange.parse(value) else {
                return .unsupported("\(family == .ipv4 ? "ip" : "ip6") \(side == .source ? "saddr" : "daddr") \(value)")
            }
            ranges.append(range)
        }
        return .address(side, ranges, family: family, negated: negated)
    }
}
