#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CNetlink
import KAConfig
import KAVRRP

/// One libnl NETLINK_ROUTE socket for synchronous, acknowledged requests: links, addresses,
/// routes, rules and VMAC (macvlan) devices. Opened in the network namespace of the thread that
/// creates it, and used from one thread (the event loop's).
public final class RouteNetlink {
    let socket: OpaquePointer
    private var knownLinks: [String: LinkInfo] = [:]

    /// RTPROT_KEEPALIVED, the protocol keepalived tags its routes and rules with.
    public static let keepalivedProtocol: UInt8 = 18
    /// IFA_PROTO of every address karun adds: keepalived's entry (AddressProtocolTable).
    public let addressProtocol: UInt8
    /// MACVLAN_MODE_PRIVATE (linux/if_link.h).
    public static let macvlanModePrivate: UInt32 = 1

    public init(addressProtocol: UInt8 = AddressProtocolTable.keepalivedProtocol()) throws {
        self.addressProtocol = addressProtocol
        guard let socket = nl_socket_alloc() else { throw NetlinkError("nl_socket_alloc", code: NLE_NOMEM) }
        let result = nl_connect(socket, NETLINK_ROUTE)
        guard result == 0 else {
            nl_socket_free(socket)
            throw NetlinkError("nl_connect(NETLINK_ROUTE)", code: result)
        }
        self.socket = socket
    }

    deinit {
        // Closes the descriptor too.
        nl_socket_free(socket)
    }

    // MARK: Links

    /// `link(named:)` as last read, for the sends of a takeover (a gratuitous ARP per VIP and
    /// repeat, each needing the interface's index and MAC): no netlink round trip, which waits
    /// for the kernel's RTNL lock on a busy host, between the decision and the frames. The daemon
    /// forgets the table on every link event the kernel reports (`forgetLinks`), and karun's own
    /// link changes forget it here.
    public func knownLink(named name: String) -> LinkInfo? {
        if let known = knownLinks[name] { return known }
        let read = link(named: name)
        if let read { knownLinks[name] = read }
        return read
    }

    public func forgetLinks() {
        if !knownLinks.isEmpty { knownLinks.removeAll(keepingCapacity: true) }
    }

    public func link(named name: String) -> LinkInfo? {
        var object: OpaquePointer?
        guard rtnl_link_get_kernel(socket, 0, name, &object) == 0, let object else { return nil }
        defer { rtnl_link_put(object) }
        return Self.linkInfo(object)
    }

    public func link(index: Int32) -> LinkInfo? {
        var object: OpaquePointer?
        guard rtnl_link_get_kernel(socket, index, nil, &object) == 0, let object else { return nil }
        defer { rtnl_link_put(object) }
        return Self.linkInfo(object)
    }

    /// Every link of the namespace (empty if the dump fails).
    public func links() -> [LinkInfo] {
        var cache: OpaquePointer?
        guard rtnl_link_alloc_cache(socket, AF_UNSPEC, &cache) == 0, let cache else { return [] }
        defer { nl_cache_free(cache) }
        var result: [LinkInfo] = []
        var object = nl_cache_get_first(cache)
        while let current = object {
            result.append(Self.linkInfo(current))
            object = nl_cache_get_next(current)
        }
        return result
    }

    static func linkInfo(_ link: OpaquePointer) -> LinkInfo {
        let flags = UInt32(rtnl_link_get_flags(link))
        let kind = rtnl_link_get_type(link).map { String(cString: $0) }
        let parent = rtnl_link_get_link(link)
        return LinkInfo(
            index: rtnl_link_get_ifindex(link),
            name: rtnl_link_get_name(link).map { String(cString: $0) } ?? "",
            mac: NetlinkAddress.bytes(rtnl_link_get_addr(link)),
            isUp: flags & IFFlag.up != 0,
            hasCarrier: flags & IFFlag.running != 0,
            isLowerUp: flags & IFFlag.lowerUp != 0,
            isNoARP: flags & IFFlag.noARP != 0,
            mtu: Int(rtnl_link_get_mtu(link)),
            group: rtnl_link_get_group(link),
            kind: kind,
            parentIndex: parent > 0 ? parent : nil,
            macvlanMode: kind == "macvlan" ? rtnl_link_macvlan_get_mode(link) : nil,
            flags: flags)
    }

    /// Sets IFF_UP on or off.
    public func setLink(index: Int32, up: Bool) throws {
        forgetLinks()
        let original = try Self.linkObject(index: index)
        defer { rtnl_link_put(original) }
        let change = try Self.linkObject(index: index)
        defer { rtnl_link_put(change) }
        if up { rtnl_link_set_flags(change, IFFlag.up) } else { rtnl_link_unset_flags(change, IFFlag.up) }
        let result = rtnl_link_change(socket, original, change, 0)
        if result < 0 { throw NetlinkError("set link \(index) \(up ? "up" : "down")", code: result) }
    }

    /// Deletes a link; one that is already gone is not an error.
    public func deleteLink(index: Int32) throws {
        forgetLinks()
        let object = try Self.linkObject(index: index)
        defer { rtnl_link_put(object) }
        let result = rtnl_link_delete(socket, object)
        if result < 0, !NetlinkError("", code: result).isNotFound {
            throw NetlinkError("delete link \(index)", code: result)
        }
    }

    static func linkObject(index: Int32) throws -> OpaquePointer {
        guard let object = rtnl_link_alloc() else { throw NetlinkError("rtnl_link_alloc", code: NLE_NOMEM) }
        rtnl_link_set_ifindex(object, index)
        return object
    }

    // MARK: VMAC

    /// Creates (or reuses) the macvlan `name` on `parentIndex` the way keepalived makes a VMAC:
    /// private mode, the given MAC, IFLA_GROUP copied from the parent; then IPv6 address generation
    /// mode NONE in a second request (the kernel ignores IFLA_AF_SPEC on create), then link up.
    /// A device of that name with another parent, MAC, kind or mode is deleted and recreated.
    /// Returns the device's ifindex.
    @discardableResult
    public func createMACVLAN(name: String, parentIndex: Int32, mac: [UInt8]) throws -> Int32 {
        guard mac.count == 6 else {
            throw NetlinkEntryError(entry: name, problem: "a VMAC MAC address has 6 bytes, not \(mac.count)")
        }
        forgetLinks()
        var reuse = false
        if let existing = link(named: name) {
            if existing.kind == "macvlan", existing.parentIndex == parentIndex, existing.mac == mac,
                existing.macvlanMode == Self.macvlanModePrivate
            {
                reuse = true
            } else {
                try deleteLink(index: existing.index)
            }
        }
        if !reuse {
            guard let parent = link(index: parentIndex) else {
                throw NetlinkError("VMAC \(name): parent interface \(parentIndex)", code: NLE_NODEV)
            }
            guard let object = rtnl_link_macvlan_alloc() else { throw NetlinkError("rtnl_link_macvlan_alloc", code: NLE_NOMEM) }
            defer { rtnl_link_put(object) }
            rtnl_link_set_name(object, name)
            rtnl_link_set_link(object, parentIndex)
            let address = try NetlinkAddress.makeMAC(mac)
            defer { nl_addr_put(address) }
            rtnl_link_set_addr(object, address)
            var result = rtnl_link_macvlan_set_mode(object, Self.macvlanModePrivate)
            if result < 0 { throw NetlinkError("VMAC \(name): macvlan mode", code: result) }
            rtnl_link_set_group(object, parent.group)
            result = rtnl_link_add(socket, object, NLM_F_CREATE | NLM_F_EXCL)
            if result < 0 { throw NetlinkError("create VMAC \(name) on \(parent.name)", code: result) }
        }
        guard let created = link(named: name) else {
            throw NetlinkError("VMAC \(name) not found after creation", code: NLE_OBJ_NOTFOUND)
        }
        try setIPv6AddressGenerationNone(index: created.index, name: name)
        if !created.isUp { try setLink(index: created.index, up: true) }
        return created.index
    }

    /// IFLA_AF_SPEC/AF_INET6/IFLA_INET6_ADDR_GEN_MODE = NONE through libnl's
    /// rtnl_link_inet6_set_addr_gen_mode; if the kernel refuses it (IPv6 disabled), the sysctl
    /// file is tried, and a missing IPv6 stack is not an error. True when netlink did it.
    @discardableResult
    func setIPv6AddressGenerationNone(index: Int32, name: String) throws -> Bool {
        let noneMode: UInt8 = 1  // IN6_ADDR_GEN_MODE_NONE
        let original = try Self.linkObject(index: index)
        defer { rtnl_link_put(original) }
        let change = try Self.linkObject(index: index)
        defer { rtnl_link_put(change) }
        var result = rtnl_link_inet6_set_addr_gen_mode(change, noneMode)
        if result == 0 { result = rtnl_link_change(socket, original, change, 0) }
        if result == 0 { return true }
        let path = "/proc/sys/net/ipv6/conf/\(name)/addr_gen_mode"
        guard Sysctl.read(path) != nil else { return false }  // no IPv6 on this device
        try Sysctl.write(path, "1")
        return false
    }

    /// One IPV4_DEVCONF_* value of an interface over netlink (IFLA_INET_CONF).
    func setIPv4DevConf(interface: String, id: UInt32, value: UInt32) throws {
        var original: OpaquePointer?
        var result = rtnl_link_get_kernel(socket, 0, interface, &original)
        guard result == 0, let original else { throw NetlinkError("link \(interface)", code: result) }
        defer { rtnl_link_put(original) }
        guard let change = rtnl_link_alloc() else { throw NetlinkError("rtnl_link_alloc", code: NLE_NOMEM) }
        defer { rtnl_link_put(change) }
        result = rtnl_link_inet_set_conf(change, id, value)
        if result == 0 { result = rtnl_link_change(socket, original, change, 0) }
        if result < 0 { throw NetlinkError("\(interface): IPv4 devconf \(id) = \(value)", code: result) }
    }

    // MARK: Addresses

    /// Every address of the namespace, or of one interface.
    public func addresses(ifindex: Int32? = nil) -> [InterfaceAddress] {
        var cache: OpaquePointer?
        guard rtnl_addr_alloc_cache(socket, &cache) == 0, let cache else { return [] }
        defer { nl_cache_free(cache) }
        var result: [InterfaceAddress] = []
        var object = nl_cache_get_first(cache)
        while let current = object {
            if let address = Self.interfaceAddress(current), ifindex == nil || address.ifindex == ifindex {
                result.append(address)
            }
            object = nl_cache_get_next(current)
        }
        return result
    }

    static func interfaceAddress(_ object: OpaquePointer) -> InterfaceAddress? {
        guard let address = NetlinkAddress.ipAddress(rtnl_addr_get_local(object)) else { return nil }
        return InterfaceAddress(
            ifindex: rtnl_addr_get_ifindex(object),
            address: address,
            prefixLength: Int(rtnl_addr_get_prefixlen(object)),
            scope: UInt8(truncatingIfNeeded: rtnl_addr_get_scope(object)),
            flags: UInt32(rtnl_addr_get_flags(object)),
            label: rtnl_addr_get_label(object).map { String(cString: $0) })
    }

    /// The address VRRP sends from: IPv4, the first primary (non-secondary) address; IPv6, the
    /// link-local address (adverts go to ff02::12 from it). Addresses whose DAD failed are skipped.
    public func primaryAddress(ifindex: Int32, family: AddressFamily) -> IPAddress? {
        let candidates = addresses(ifindex: ifindex).filter { $0.address.family == family && !$0.isDADFailed }
        switch family {
        case .ipv4: return candidates.first { !$0.isSecondary }?.address
        case .ipv6: return candidates.first { $0.isIPv6LinkLocal }?.address
        }
    }

    /// The first global (not link-local, not tentative) IPv6 address of an interface.
    public func globalIPv6Address(ifindex: Int32) -> IPAddress? {
        addresses(ifindex: ifindex).first {
            $0.address.family == .ipv6 && !$0.isIPv6LinkLocal && $0.scope == 0 && !$0.isTentative && !$0.isDADFailed
        }?.address
    }

    /// Adds an address tagged with `addressProtocol` (IFA_PROTO, so a later run or `karun
    /// cleanup` recognises it after a crash); one that is already there is not an error.
    public func addAddress(_ spec: AddressSpec) throws {
        let object = try addressObject(spec, forAdding: true)
        defer { rtnl_addr_put(object) }
        try addTaggedAddress(spec, object: object)
    }

    /// Deletes an address; one that is absent (or whose interface is gone) is not an error.
    public func deleteAddress(_ spec: AddressSpec) throws {
        let object = try addressObject(spec, forAdding: false)
        defer { rtnl_addr_put(object) }
        let result = rtnl_addr_delete(socket, object, 0)
        if result < 0, !NetlinkError("", code: result).isNotFound {
            throw NetlinkError("delete address \(spec.address)/\(spec.prefixLength) on \(spec.ifindex)", code: result)
        }
    }

    private func addressObject(_ spec: AddressSpec, forAdding: Bool) throws -> OpaquePointer {
        guard let object = rtnl_addr_alloc() else { throw NetlinkError("rtnl_addr_alloc", code: NLE_NOMEM) }
        do {
            let what = "address \(spec.address)"
            rtnl_addr_set_ifindex(object, spec.ifindex)
            rtnl_addr_set_family(object, NetlinkAddress.family(spec.address))
            if let peer = spec.peer {
                // libnl: the prefix length belongs to the peer, the local address carries none.
                let peerAddress = try NetlinkAddress.make(peer.address, prefixLength: peer.prefixLength)
                defer { nl_addr_put(peerAddress) }
                try check(rtnl_addr_set_peer(object, peerAddress), "\(what): peer \(peer.address)")
                let local = try NetlinkAddress.make(spec.address, prefixLength: 0)
                defer { nl_addr_put(local) }
                try check(rtnl_addr_set_local(object, local), what)
            } else {
                let local = try NetlinkAddress.make(spec.address, prefixLength: spec.prefixLength)
                defer { nl_addr_put(local) }
                try check(rtnl_addr_set_local(object, local), what)
            }
            if let label = spec.label { try check(rtnl_addr_set_label(object, label), "\(what): label \(label)") }
            if forAdding {
                if let broadcast = spec.broadcast {
                    let address = try NetlinkAddress.make(broadcast)
                    defer { nl_addr_put(address) }
                    try check(rtnl_addr_set_broadcast(object, address), "\(what): broadcast \(broadcast)")
                }
                if let scope = spec.scope { rtnl_addr_set_scope(object, Int32(scope)) }
                let flags = spec.ifaFlags
                if flags != 0 { rtnl_addr_set_flags(object, flags) }
                if spec.preferredLifetimeZero {
                    rtnl_addr_set_preferred_lifetime(object, 0)
                    rtnl_addr_set_valid_lifetime(object, 0xFFFF_FFFF)
                }
            }
            return object
        } catch {
            rtnl_addr_put(object)
            throw error
        }
    }
}

func check(_ result: Int32, _ operation: @autoclosure () -> String) throws {
    if result < 0 { throw NetlinkError(operation(), code: result) }
}

/// An address to add or delete (`ip addr add` terms).
public struct AddressSpec: Sendable, Hashable {
    public struct Peer: Sendable, Hashable {
        public var address: IPAddress
        public var prefixLength: Int

        public init(address: IPAddress, prefixLength: Int) {
            self.address = address
            self.prefixLength = prefixLength
        }
    }

    public var address: IPAddress
    public var prefixLength: Int
    public var ifindex: Int32
    public var broadcast: IPAddress?
    /// RT_SCOPE_*; nil lets the kernel choose (universe, host for 127/8).
    public var scope: UInt8?
    public var label: String?
    /// Point-to-point peer (IPv4 only in libnl).
    public var peer: Peer?
    /// IFA_F_NODAD: true by default for IPv6, as keepalived does (`-nodad` turns it off).
    public var noDAD: Bool
    public var noPrefixRoute = false
    public var homeAddress = false
    public var manageTempAddress = false
    public var autoJoin = false
    /// `preferred_lft 0`: the address is never chosen as a source.
    public var preferredLifetimeZero = false

    public init(address: IPAddress, prefixLength: Int, ifindex: Int32) {
        self.address = address
        self.prefixLength = prefixLength
        self.ifindex = ifindex
        noDAD = address.family == .ipv6
    }

    var ifaFlags: UInt32 {
        var flags: UInt32 = 0
        if noDAD, address.family == .ipv6 { flags |= IFAFlag.noDAD }
        if noPrefixRoute { flags |= IFAFlag.noPrefixRoute }
        if homeAddress { flags |= IFAFlag.homeAddress }
        if manageTempAddress { flags |= IFAFlag.manageTempAddress }
        if autoJoin { flags |= IFAFlag.multicastAutoJoin }
        return flags
    }

    /// The spec of a `virtual_ipaddress` entry. `dev` is the caller's business (`ifindex`);
    /// `brd +` computes the IPv4 broadcast, `brd -` asks for none. Throws for a scope, peer,
    /// lifetime or flag word it cannot apply, naming it.
    public static func from(_ model: KAConfig.VirtualAddress, ifindex: Int32) throws -> AddressSpec {
        let text = "\(model.address)/\(model.prefixLength)"
        guard let address = IPAddress(model.address.description) else {
            throw NetlinkEntryError(entry: text, problem: "not an IP address")
        }
        var spec = AddressSpec(address: address, prefixLength: model.prefixLength, ifindex: ifindex)
        if let broadcast = model.broadcast {
            switch broadcast {
            case "-": break
            case "+":
                guard address.family == .ipv4 else { throw NetlinkEntryError(entry: text, problem: "brd + needs IPv4") }
                spec.broadcast = Self.broadcast(of: address, prefixLength: model.prefixLength)
            default:
                guard let value = IPAddress(broadcast), value.family == .ipv4 else {
                    throw NetlinkEntryError(entry: text, problem: "broadcast '\(broadcast)' is not an IPv4 address")
                }
                spec.broadcast = value
            }
        }
        if let scope = model.scope {
            guard let value = netlinkScope(named: scope) else {
                throw NetlinkEntryError(entry: text, problem: "unknown scope '\(scope)'", unsupportedWords: [scope])
            }
            spec.scope = value
        }
        spec.label = model.label
        if let peer = model.peer {
            guard let peerAddress = IPAddress(peer.address.description), peerAddress.family == .ipv4,
                address.family == .ipv4
            else {
                throw NetlinkEntryError(entry: text, problem: "peer \(peer) is supported for IPv4 only")
            }
            spec.peer = Peer(address: peerAddress, prefixLength: peer.length)
            spec.prefixLength = peer.length
        }
        if let lifetime = model.preferredLifetime {
            switch lifetime {
            case "0": spec.preferredLifetimeZero = true
            case "forever": break
            default:
                throw NetlinkEntryError(
                    entry: text, problem: "preferred_lft \(lifetime): only 0 and forever are supported",
                    unsupportedWords: ["preferred_lft", lifetime])
            }
        }
        var unsupported: [String] = []
        for flag in model.flags {
            switch flag {
            case "nodad": spec.noDAD = true
            case "-nodad": spec.noDAD = false
            case "noprefixroute": spec.noPrefixRoute = true
            case "home": spec.homeAddress = true
            case "mngtmpaddr": spec.manageTempAddress = true
            case "autojoin": spec.autoJoin = true
            default: unsupported.append(flag)
            }
        }
        if !unsupported.isEmpty {
            throw NetlinkEntryError(
                entry: text, problem: "unsupported word(s) \(unsupported.joined(separator: " "))", unsupportedWords: unsupported)
        }
        return spec
    }

    static func broadcast(of address: IPAddress, prefixLength: Int) -> IPAddress? {
        let bytes = address.bytes
        guard bytes.count == 4 else { return nil }
        let value = bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let hostMask: UInt32 = prefixLength >= 32 ? 0 : UInt32.max >> UInt32(prefixLength)
        let result = value | hostMask
        return NetlinkAddress.ipAddress(bytes: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: result >> $0) })
    }
}
