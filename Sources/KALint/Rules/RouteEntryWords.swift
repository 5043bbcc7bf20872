import KAConfig

/// The address words of one `virtual_routes`/`static_routes` or `virtual_rules`/`static_rules`
/// entry, read the way keepalived 2.2.7's alloc_route() and alloc_rule() walk them (only as far
/// as the checks of this folder need: which word is an address, which keywords are present).
struct RouteEntryWords {
    enum Kind {
        case route
        case rule
    }

    /// How keepalived parses an address word.
    enum AddressForm {
        /// parse_route(): `default`/`any`/`all`/`default6`, or ADDRESS[/PREFIX].
        case destination
        /// parse_ipaddress() without a prefix: a bare address.
        case bare
    }

    struct AddressWord {
        var word: ExpandedWord
        var form: AddressForm
    }

    let kind: Kind
    let words: [ExpandedWord]
    /// Keywords read before a `nexthop` section (route) or anywhere (rule).
    private(set) var keywords: Set<String> = []
    private(set) var addresses: [AddressWord] = []
    /// The `gw` / `or` words of a route.
    private(set) var deprecated: [ExpandedWord] = []

    /// Route keywords followed by one argument that is not an address.
    static let routeArgumentKeywords: Set<String> = [
        "dev", "oif", "table", "metric", "priority", "preference", "scope", "protocol", "proto", "realms", "mtu",
        "advmss", "rtt", "rttvar", "reordering", "window", "cwnd", "initcwnd", "initrwnd", "ssthresh", "features",
        "quickack", "congctl", "rto_min", "hoplimit", "fastopen_no_cookie", "track_group", "tos", "dsfield", "pref",
        "vrf", "expires", "ttl-propagate", "from", "encap", "weight",
    ]
    /// Rule keywords followed by one argument that is not an address.
    static let ruleArgumentKeywords: Set<String> = [
        "table", "lookup", "preference", "priority", "order", "fwmark", "tos", "dsfield", "iif", "dev", "oif",
        "realms", "goto", "suppress_prefixlength", "sup_pl", "suppress_ifgroup", "sup_group", "uidrange", "sport",
        "dport", "ipproto", "protocol", "type", "track_group",
    ]

    init(kind: Kind, words: [ExpandedWord]) {
        self.kind = kind
        self.words = words
        var index = 0
        while index < words.count {
            let text = words[index].text
            if kind == .route, text == "nexthop" { break }
            keywords.insert(text)
            switch (kind, text) {
            case (.route, "src"), (.route, "via"), (.route, "gw"), (.route, "or"):
                if text == "gw" || text == "or" { deprecated.append(words[index]) }
                index += 1
                if index < words.count, words[index].text == "inet" || words[index].text == "inet6" { index += 1 }
                if index < words.count { addresses.append(AddressWord(word: words[index], form: .bare)) }
            case (.route, "to"):
                index += 1
                if index < words.count { addresses.append(AddressWord(word: words[index], form: .destination)) }
            case (.rule, "from"), (.rule, "to"):
                index += 1
                if index < words.count { addresses.append(AddressWord(word: words[index], form: .destination)) }
            case (.route, _) where Self.routeArgumentKeywords.contains(text),
                (.rule, _) where Self.ruleArgumentKeywords.contains(text):
                index += 1
            case (.route, _) where Self.looksLikeAddress(text):
                addresses.append(AddressWord(word: words[index], form: .destination))
            default:
                break
            }
            index += 1
        }
    }

    /// A word keepalived would try as a route destination: anything with an address's punctuation
    /// (route types such as `blackhole` and flags such as `onlink` have none).
    static func looksLikeAddress(_ text: String) -> Bool {
        text.contains(".") || text.contains(":") || text.contains("/")
    }

    /// The address words keepalived rejects ("VRRP parsed invalid IP ... skipping IP...").
    var invalidAddresses: [ExpandedWord] {
        addresses.filter { !Self.isValid($0.word.text, form: $0.form) }.map(\.word)
    }

    static func isValid(_ text: String, form: AddressForm) -> Bool {
        switch form {
        case .bare:
            return IPAddress(text) != nil
        case .destination:
            if ["default", "any", "all", "default6"].contains(text) { return true }
            // An unreadable prefix length only draws a warning; the address part must parse.
            let address = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return IPAddress(address) != nil
        }
    }

    /// Every route or rule entry of a node, with the keyword of its block.
    static func all(in node: LintNode, kind: Kind) -> [RouteEntryWords] {
        let blocks: Set<String> = kind == .route ? ["virtual_routes", "static_routes"] : ["virtual_rules", "static_rules"]
        return node.statements(withKeywords: blocks).flatMap { statement in
            statement.entries.filter { !$0.isEmpty }.map { RouteEntryWords(kind: kind, words: Array($0)) }
        }
    }
}
