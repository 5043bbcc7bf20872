/// Readers of value-block entries (one line each), as keepalived's alloc_* functions read them.
enum EntryParsers {
    static let routeTypes: Set<String> = [
        "unicast", "blackhole", "unreachable", "prohibit", "throw", "local", "broadcast", "anycast", "multicast", "nat",
    ]
    static let ruleActions: Set<String> = ["blackhole", "unreachable", "prohibit", "goto", "nop"]

    /// The options of an address entry that take the next word as their value.
    enum AddressOption {
        case device, broadcast, scope, label, peer, preferredLifetime

        init?(_ word: String) {
            switch word {
            case "dev": self = .device
            case "brd", "broadcast": self = .broadcast
            case "scope": self = .scope
            case "label": self = .label
            case "peer": self = .peer
            case "preferred_lft": self = .preferredLifetime
            default: return nil
            }
        }
    }

    static func words(_ entry: WordList) -> [String] { entry.map { $0.text } }

    /// `ADDR[/PREFIX] [dev IF] [brd ADDR] [scope S] [label L] [peer ADDR] [no_track] [preferred_lft N] FLAGS...`
    /// Appends the address of `entry` to `list` (nothing when its first word is not an address).
    /// Filled as a local, then moved into the list once: filled in place, each field went through
    /// the list's `_modify`, whose coroutine frame `FirstInline` allocated and freed every time.
    static func appendAddress<List: RangeReplaceableCollection<VirtualAddress>>(
        _ entry: WordList, to list: inout List, diagnostics: inout [Diagnostic]
    ) {
        guard let first = entry.first else { return }
        guard let prefix = IPPrefix(first.text) else {
            diagnostics.append(Diagnostic(
                SemanticRules.invalidAddress,
                "'\(first.text)' is not an IP address or ADDRESS/PREFIX; keepalived reports it and skips the entry",
                at: first.origin.span))
            return
        }
        var address = VirtualAddress(address: prefix.address, prefixLength: prefix.length)
        address.origin = first.origin
        var index = 1
        while index < entry.count {
            let key = entry[index].text
            // An option word takes the next word as its value (a switch: cheaper than a Set lookup).
            if index + 1 < entry.count, let option = AddressOption(key) {
                let value = entry[index + 1]
                switch option {
                case .device: address.device = value.text
                case .broadcast: address.broadcast = value.text
                case .scope: address.scope = value.text
                case .label: address.label = value.text
                case .preferredLifetime: address.preferredLifetime = value.text
                case .peer:
                    if let peer = IPPrefix(value.text) {
                        address.peer = peer
                    } else {
                        diagnostics.append(Diagnostic(
                            SemanticRules.invalidAddress, "peer '\(value.text)' is not an IP address; keepalived ignores it",
                            at: value.origin.span))
                    }
                }
                index += 2
                continue
            }
            if key == "no_track" {
                address.noTrack = true
            } else {
                address.flags.append(key)
            }
            index += 1
        }
        list.append(address)
    }

    /// `ADDR [min_ttl N] [max_ttl N]`.
    static func unicastPeer(_ entry: WordList, diagnostics: inout [Diagnostic]) -> UnicastPeer? {
        guard let first = entry.first else { return nil }
        guard let address = IPAddress(socketAddress: first.text) else {
            diagnostics.append(Diagnostic(
                SemanticRules.invalidAddress, "unicast peer '\(first.text)' is not an IP address; keepalived ignores it",
                at: first.origin.span))
            return nil
        }
        var peer = UnicastPeer(address: address)
        peer.origin = first.origin
        var index = 1
        while index + 1 < entry.count {
            let value = Int(entry[index + 1].text)
            switch entry[index].text {
            case "min_ttl": peer.minTTL = value
            case "max_ttl": peer.maxTTL = value
            default: break
            }
            index += 2
        }
        return peer
    }

    /// `IFNAME [weight W [reverse]]`.
    static func trackedInterface(_ entry: WordList) -> TrackedInterface? {
        guard let first = entry.first else { return nil }
        var tracked = TrackedInterface(name: first.text)
        tracked.origin = first.origin
        let options = trackOptions(entry)
        if let weight = options.weight { tracked.weight = weight }
        tracked.reverse = options.reverse
        return tracked
    }

    /// The `weight W` and `reverse` words shared by every tracker entry syntax.
    static func trackOptions(_ entry: WordList) -> (weight: Int?, reverse: Bool) {
        // One pass over the words, no [String] copy: the first `weight` reads the word after it.
        var weight: Int?
        var sawWeight = false
        var reverse = false
        for index in entry.indices {
            let word = entry[index].text
            if !sawWeight, word == "weight" {
                sawWeight = true
                if index + 1 < entry.count,
                    case .success(let value) = NumberReader.integer(entry[index + 1].text, in: -254...254)
                {
                    weight = value
                }
            } else if word == "reverse" {
                reverse = true
            }
        }
        return (weight, reverse)
    }

    /// `NAME [weight W [reverse|noreverse]]`.
    static func trackReference(_ entry: WordList) -> TrackReference? {
        guard let first = entry.first else { return nil }
        var reference = TrackReference(name: first.text)
        reference.origin = first.origin
        let options = trackOptions(entry)
        reference.weight = options.weight
        reference.reverse = options.reverse
        return reference
    }

    /// `ip route` syntax: `[TYPE] [DEST] [src A] [via|gw A] [dev IF] [table T] [metric N] [scope S] [protocol P] ...`
    static func route(_ entry: WordList) -> RouteEntry {
        let words = Self.words(entry)
        var route = RouteEntry(words: words)
        route.origin = entry.first?.origin
        var index = 0
        while index < words.count {
            let word = words[index]
            let next = index + 1 < words.count ? words[index + 1] : nil
            switch word {
            case "src": route.source = next; index += 2; continue
            case "via", "gw": route.via = next; index += 2; continue
            case "dev", "oif": route.device = next; index += 2; continue
            case "table": route.table = next; index += 2; continue
            case "metric", "preference", "priority": route.metric = next.flatMap { Int($0) }; index += 2; continue
            case "scope": route.scope = next; index += 2; continue
            case "protocol", "proto": route.protocolName = next; index += 2; continue
            case "no_track": route.noTrack = true
            case "to":
                route.destination = next
                index += 2
                continue
            default:
                if index == 0, routeTypes.contains(word) {
                    route.type = word
                } else if route.destination == nil, word == "default" || IPPrefix(word) != nil {
                    route.destination = word == "default" ? word : IPPrefix(word)!.description
                }
            }
            index += 1
        }
        return route
    }

    /// `ip rule` syntax: `[from P] [to P] [table T|lookup T] [priority N] [fwmark M] [iif I] [oif O] [goto|blackhole|...]`
    static func rule(_ entry: WordList) -> RuleEntry {
        let words = Self.words(entry)
        var rule = RuleEntry(words: words)
        rule.origin = entry.first?.origin
        var index = 0
        while index < words.count {
            let next = index + 1 < words.count ? words[index + 1] : nil
            switch words[index] {
            case "from": rule.from = next; index += 2; continue
            case "to": rule.to = next; index += 2; continue
            case "table", "lookup": rule.table = next; index += 2; continue
            case "priority", "preference", "pref": rule.priority = next.flatMap { Int($0) }; index += 2; continue
            case "fwmark": rule.fwmark = next; index += 2; continue
            case "iif", "dev": rule.inputInterface = next; index += 2; continue
            case "oif": rule.outputInterface = next; index += 2; continue
            case "no_track": rule.noTrack = true
            case let word where ruleActions.contains(word): rule.action = word
            default: break
            }
            index += 1
        }
        return rule
    }
}
