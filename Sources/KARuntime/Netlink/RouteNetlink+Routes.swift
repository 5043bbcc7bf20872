#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CNetlink
import KAConfig
import KAVRRP

/// `virtual_routes` / `virtual_rules` entries through rtnl_route / rtnl_rule. The entry's `words`
/// (as written) are walked here, so a word karun cannot apply is reported rather than dropped.
extension RouteNetlink {
    // MARK: Routes

    /// Adds a route (protocol 18, RTPROT_KEEPALIVED, unless the entry names one). An identical
    /// route already present is not an error. `defaultInterface` is used for a gateway-less
    /// unicast route written without `dev`.
    public func addRoute(_ entry: KAConfig.RouteEntry, defaultInterface: Int32?) throws {
        let route = try routeObject(entry, defaultInterface: defaultInterface)
        defer { rtnl_route_put(route) }
        let result = rtnl_route_add(socket, route, NLM_F_EXCL)
        if result < 0, !NetlinkError("", code: result).isExists {
            throw NetlinkError("add route '\(entry.words.joined(separator: " "))'", code: result)
        }
    }

    /// Deletes a route; one that is absent (or whose `dev` is gone, taking it along) is not an error.
    public func deleteRoute(_ entry: KAConfig.RouteEntry, defaultInterface: Int32?) throws {
        let parsed = try Self.parseRoute(entry.words)
        if let device = parsed.device, link(named: device) == nil { return }
        let route = try routeObject(entry, defaultInterface: defaultInterface)
        defer { rtnl_route_put(route) }
        let result = rtnl_route_delete(socket, route, 0)
        if result < 0, !NetlinkError("", code: result).isNotFound {
            throw NetlinkError("delete route '\(entry.words.joined(separator: " "))'", code: result)
        }
    }

    /// RTN_* for the route types karun installs.
    static let routeTypes: [String: UInt8] = [
        "unicast": 1, "local": 2, "blackhole": 6, "unreachable": 7, "prohibit": 8, "throw": 9,
    ]

    struct ParsedRoute {
        var type: UInt8 = 1
        var destination: (address: IPAddress, length: Int)?
        var destinationIsDefault = false
        var defaultFamily: Int32?
        var source: IPAddress?
        var gateway: IPAddress?
        var device: String?
        var table: UInt32?
        var metric: UInt32?
        var scope: UInt8?
        var protocolNumber: UInt8?
        var onlink = false
    }

    static func parseRoute(_ words: [String]) throws -> ParsedRoute {
        let text = words.joined(separator: " ")
        var route = ParsedRoute()
        var unsupported: [String] = []
        var index = 0
        func value() throws -> String {
            guard index + 1 < words.count else {
                throw NetlinkEntryError(entry: text, problem: "'\(words[index])' needs a value")
            }
            index += 1
            return words[index]
        }
        func address(_ word: String) throws -> IPAddress {
            guard let result = IPAddress(word) else {
                throw NetlinkEntryError(entry: text, problem: "'\(word)' is not an IP address")
            }
            return result
        }
        func destination(_ word: String) throws {
            switch word {
            case "default", "any", "all":
                route.destinationIsDefault = true
            case "default6":
                route.destinationIsDefault = true
                route.defaultFamily = AF_INET6
            default:
                guard let prefix = parsePrefix(word) else {
                    throw NetlinkEntryError(entry: text, problem: "'\(word)' is not a destination")
                }
                route.destination = prefix
            }
        }
        while index < words.count {
            let word = words[index]
            switch word {
            case "to": try destination(try value())
            case "src": route.source = try address(try value())
            case "via", "gw":
                var next = try value()
                if next == "inet" || next == "inet6" { next = try value() }
                route.gateway = try address(next)
            case "dev", "oif": route.device = try value()
            case "table":
                let name = try value()
                guard let table = Self.tableNumber(name) else {
                    throw NetlinkEntryError(entry: text, problem: "unknown table '\(name)'", unsupportedWords: [name])
                }
                route.table = table
            case "metric", "preference", "priority":
                let number = try value()
                guard let metric = UInt32(number) else {
                    throw NetlinkEntryError(entry: text, problem: "metric '\(number)' is not a number")
                }
                route.metric = metric
            case "scope":
                let name = try value()
                guard let scope = netlinkScope(named: name) else {
                    throw NetlinkEntryError(entry: text, problem: "unknown scope '\(name)'", unsupportedWords: [name])
                }
                route.scope = scope
            case "protocol", "proto":
                let name = try value()
                let number = UInt8(name).map(Int32.init) ?? rtnl_route_str2proto(name)
                guard (0...255).contains(number) else {
                    throw NetlinkEntryError(entry: text, problem: "unknown protocol '\(name)'", unsupportedWords: [name])
                }
                route.protocolNumber = UInt8(number)
            case "onlink": route.onlink = true
            case "no_track": break
            case "track_group": index += 1  // the daemon's business
            default:
                if index == 0, let type = routeTypes[word] {
                    route.type = type
                } else if route.destination == nil, !route.destinationIsDefault,
                    ["default", "any", "all", "default6"].contains(word) || parsePrefix(word) != nil
                {
                    try destination(word)
                } else {
                    unsupported.append(word)
                }
            }
            index += 1
        }
        if !unsupported.isEmpty {
            throw NetlinkEntryError(
                entry: text, problem: "unsupported word(s) \(unsupported.joined(separator: " "))", unsupportedWords: unsupported)
        }
        guard route.destination != nil || route.destinationIsDefault else {
            throw NetlinkEntryError(entry: text, problem: "no destination")
        }
        return route
    }

    /// A table number, or `main`/`local`/`default` or a name in /etc/iproute2/rt_tables.
    static func tableNumber(_ name: String) -> UInt32? {
        if let number = UInt32(name) { return number }
        switch name {
        case "main": return 254
        case "local": return 255
        case "default": return 253
        default:
            let number = rtnl_route_str2table(name)
            return number >= 0 ? UInt32(number) : nil
        }
    }

    func routeObject(_ entry: KAConfig.RouteEntry, defaultInterface: Int32?) throws -> OpaquePointer {
        let text = entry.words.joined(separator: " ")
        let parsed = try Self.parseRoute(entry.words)
        let family: Int32 = {
            for address in [parsed.destination?.address, parsed.gateway, parsed.source].compactMap({ $0 }) {
                return NetlinkAddress.family(address)
            }
            return parsed.defaultFamily ?? AF_INET
        }()
        for address in [parsed.destination?.address, parsed.gateway, parsed.source].compactMap({ $0 })
        where NetlinkAddress.family(address) != family {
            throw NetlinkEntryError(entry: text, problem: "mixes IPv4 and IPv6 addresses")
        }
        var ifindex: Int32?
        if let device = parsed.device {
            guard let link = link(named: device) else {
                throw NetlinkEntryError(entry: text, problem: "no interface '\(device)'")
            }
            ifindex = link.index
        } else if parsed.type == 1, parsed.gateway == nil {
            ifindex = defaultInterface
        }

        guard let route = rtnl_route_alloc() else { throw NetlinkError("rtnl_route_alloc", code: NLE_NOMEM) }
        do {
            try check(Int32(rtnl_route_set_family(route, UInt8(family))), "\(text): family")
            let destination: OpaquePointer
            if let prefix = parsed.destination {
                destination = try NetlinkAddress.make(prefix.address, prefixLength: prefix.length)
            } else {
                destination = try NetlinkAddress.makeAny(family: family)
            }
            defer { nl_addr_put(destination) }
            try check(rtnl_route_set_dst(route, destination), "\(text): destination")
            try check(rtnl_route_set_type(route, parsed.type), "\(text): type")
            rtnl_route_set_table(route, parsed.table ?? 254)
            rtnl_route_set_protocol(route, parsed.protocolNumber ?? Self.keepalivedProtocol)
            if let metric = parsed.metric { rtnl_route_set_priority(route, metric) }
            // iproute2's default scope: host for local routes, link for gateway-less unicast
            // routes, universe otherwise (set explicitly so a delete matches what was added).
            let scope: UInt8 = parsed.scope ?? {
                if parsed.type == 2 { return 254 }
                if parsed.type == 1, parsed.gateway == nil, family == AF_INET { return 253 }
                return 0
            }()
            rtnl_route_set_scope(route, scope)
            if let source = parsed.source {
                let address = try NetlinkAddress.make(source)
                defer { nl_addr_put(address) }
                try check(rtnl_route_set_pref_src(route, address), "\(text): src")
            }
            if parsed.gateway != nil || ifindex != nil {
                guard let nexthop = rtnl_route_nh_alloc() else { throw NetlinkError("rtnl_route_nh_alloc", code: NLE_NOMEM) }
                if let gateway = parsed.gateway {
                    let address = try NetlinkAddress.make(gateway)
                    defer { nl_addr_put(address) }
                    rtnl_route_nh_set_gateway(nexthop, address)
                }
                if let ifindex { rtnl_route_nh_set_ifindex(nexthop, ifindex) }
                if parsed.onlink { rtnl_route_nh_set_flags(nexthop, UInt32(RTNH_F_ONLINK)) }
                // The route owns the nexthop from here on.
                rtnl_route_add_nexthop(route, nexthop)
            }
            return route
        } catch {
            rtnl_route_put(route)
            throw error
        }
    }

    // MARK: Rules

    /// Adds a rule (protocol RTPROT_KEEPALIVED). An identical rule already present is not an error
    /// (NLM_F_EXCL makes the kernel say EEXIST instead of adding a duplicate).
    public func addRule(_ entry: KAConfig.RuleEntry) throws {
        let rule = try ruleObject(entry)
        defer { rtnl_rule_put(rule) }
        let result = rtnl_rule_add(socket, rule, NLM_F_EXCL)
        if result < 0, !NetlinkError("", code: result).isExists {
            throw NetlinkError("add rule '\(entry.words.joined(separator: " "))'", code: result)
        }
    }

    /// Deletes a rule; one that is absent is not an error.
    public func deleteRule(_ entry: KAConfig.RuleEntry) throws {
        let rule = try ruleObject(entry)
        defer { rtnl_rule_put(rule) }
        let result = rtnl_rule_delete(socket, rule, 0)
        if result < 0, !NetlinkError("", code: result).isNotFound {
            throw NetlinkError("delete rule '\(entry.words.joined(separator: " "))'", code: result)
        }
    }

    /// FR_ACT_* for rule actions.
    static let ruleActions: [String: UInt8] = ["blackhole": 6, "unreachable": 7, "prohibit": 8]

    struct ParsedRule {
        var from: (address: IPAddress, length: Int)?
        var to: (address: IPAddress, length: Int)?
        var fromAny = false
        var table: UInt32?
        var priority: UInt32?
        var mark: UInt32?
        var mask: UInt32?
        var inputInterface: String?
        var outputInterface: String?
        var action: UInt8?
        var family: Int32?
        var dsfield: UInt8?
    }

    static func parseRule(_ words: [String]) throws -> ParsedRule {
        let text = words.joined(separator: " ")
        var rule = ParsedRule()
        var unsupported: [String] = []
        var index = 0
        func value() throws -> String {
            guard index + 1 < words.count else {
                throw NetlinkEntryError(entry: text, problem: "'\(words[index])' needs a value")
            }
            index += 1
            return words[index]
        }
        func prefix(_ word: String) throws -> (address: IPAddress, length: Int)? {
            if ["all", "any", "default"].contains(word) { return nil }
            guard let result = parsePrefix(word) else {
                throw NetlinkEntryError(entry: text, problem: "'\(word)' is not an address or prefix")
            }
            return result
        }
        func number(_ word: String) -> UInt32? {
            if word.hasPrefix("0x") || word.hasPrefix("0X") { return UInt32(word.dropFirst(2), radix: 16) }
            return UInt32(word)
        }
        while index < words.count {
            let word = words[index]
            switch word {
            case "from":
                rule.from = try prefix(try value())
                rule.fromAny = rule.from == nil
            case "to": rule.to = try prefix(try value())
            case "table", "lookup":
                let name = try value()
                guard let table = tableNumber(name) else {
                    throw NetlinkEntryError(entry: text, problem: "unknown table '\(name)'", unsupportedWords: [name])
                }
                rule.table = table
            case "priority", "preference", "pref", "order":
                let text = try value()
                guard let priority = UInt32(text) else {
                    throw NetlinkEntryError(entry: text, problem: "priority '\(text)' is not a number")
                }
                rule.priority = priority
            case "fwmark":
                let mark = try value()
                let parts = mark.split(separator: "/", maxSplits: 1).map(String.init)
                guard let value = number(parts[0]), parts.count == 1 || number(parts[1]) != nil else {
                    throw NetlinkEntryError(entry: text, problem: "fwmark '\(mark)' is not a number[/mask]")
                }
                rule.mark = value
                rule.mask = parts.count == 2 ? number(parts[1]) : 0xFFFF_FFFF
            case "tos", "dsfield":
                let tos = try value()
                guard let value = number(tos), value <= 255 else {
                    throw NetlinkEntryError(entry: text, problem: "tos '\(tos)' is not a number")
                }
                rule.dsfield = UInt8(value)
            case "iif", "dev": rule.inputInterface = try value()
            case "oif": rule.outputInterface = try value()
            case "inet": rule.family = AF_INET
            case "inet6": rule.family = AF_INET6
            case "no_track": break
            case "track_group": index += 1  // the daemon's business
            default:
                if let action = ruleActions[word] {
                    rule.action = action
                } else {
                    unsupported.append(word)
                }
            }
            index += 1
        }
        if !unsupported.isEmpty {
            throw NetlinkEntryError(
                entry: text, problem: "unsupported word(s) \(unsupported.joined(separator: " "))", unsupportedWords: unsupported)
        }
        return rule
    }

    func ruleObject(_ entry: KAConfig.RuleEntry) throws -> OpaquePointer {
        let text = entry.words.joined(separator: " ")
        let parsed = try Self.parseRule(entry.words)
        let addresses = [parsed.from?.address, parsed.to?.address].compactMap { $0 }
        let family = addresses.first.map(NetlinkAddress.family) ?? parsed.family ?? AF_INET
        if addresses.contains(where: { NetlinkAddress.family($0) != family }) {
            throw NetlinkEntryError(entry: text, problem: "mixes IPv4 and IPv6 addresses")
        }
        guard let rule = rtnl_rule_alloc() else { throw NetlinkError("rtnl_rule_alloc", code: NLE_NOMEM) }
        do {
            rtnl_rule_set_family(rule, family)
            if let from = parsed.from {
                let address = try NetlinkAddress.make(from.address, prefixLength: from.length)
                defer { nl_addr_put(address) }
                try check(rtnl_rule_set_src(rule, address), "\(text): from")
            }
            if let to = parsed.to {
                let address = try NetlinkAddress.make(to.address, prefixLength: to.length)
                defer { nl_addr_put(address) }
                try check(rtnl_rule_set_dst(rule, address), "\(text): to")
            }
            // Without an action the rule looks a table up (`main` when none is named), as `ip rule` does.
            let action = parsed.action ?? 1  // FR_ACT_TO_TBL
            rtnl_rule_set_action(rule, action)
            if action == 1 { rtnl_rule_set_table(rule, parsed.table ?? 254) }
            if let priority = parsed.priority { rtnl_rule_set_prio(rule, priority) }
            if let mark = parsed.mark {
                rtnl_rule_set_mark(rule, mark)
                rtnl_rule_set_mask(rule, parsed.mask ?? 0xFFFF_FFFF)
            }
            if let dsfield = parsed.dsfield { rtnl_rule_set_dsfield(rule, dsfield) }
            if let name = parsed.inputInterface { try check(rtnl_rule_set_iif(rule, name), "\(text): iif \(name)") }
            if let name = parsed.outputInterface { try check(rtnl_rule_set_oif(rule, name), "\(text): oif \(name)") }
            try check(rtnl_rule_set_protocol(rule, Self.keepalivedProtocol), "\(text): protocol")
            return rule
        } catch {
            rtnl_rule_put(rule)
            throw error
        }
    }
}
