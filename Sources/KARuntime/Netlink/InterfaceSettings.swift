#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CNetlink

/// One sysctl value karun changed, with what it was, so it can be put back.
public struct SysctlChange: Sendable, Hashable {
    public var path: String
    public var previous: String
    public var value: String

    public init(path: String, previous: String, value: String) {
        self.path = path
        self.previous = previous
        self.value = value
    }
}

/// The per-interface sysctls keepalived's `vrrp_if_config.c` sets for VMAC interfaces.
///
/// Per-interface IPv4 values are written over netlink (IFLA_AF_SPEC/AF_INET/IFLA_INET_CONF through
/// libnl's rtnl_link_inet_set_conf, as keepalived does), falling back to
/// /proc/sys/net/ipv4/conf/IF/KEY; `all` and `default`, which exist only as sysctl files, and
/// IPv6 values are written there. Values are read from /proc/sys. Both resolve in the network
/// namespace of the calling thread.
public enum InterfaceSettings {
    static let ipv4Conf = "/proc/sys/net/ipv4/conf"

    /// Applies keepalived's settings for the VMAC `vmac` on `base` and returns what changed
    /// (only values that differed are changed and recorded), in the order applied.
    ///
    /// IPv4 VMAC: first, when `all.rp_filter` is non-zero (it overrides lower per-interface
    /// values), `default` and every interface are raised to the old `all` value and `all` is set
    /// to 0; then the VMAC gets arp_ignore=1, accept_local=1, rp_filter=0, promote_secondaries=1
    /// and the base arp_ignore=1, arp_filter=1. IPv6 VMAC: arp_ignore=1 on the VMAC only.
    public static func applyVMAC(vmac: String, base: String, ipv6: Bool) throws -> [SysctlChange] {
        var changes: [SysctlChange] = []
        do {
            if ipv6 {
                try set("\(ipv4Conf)/\(vmac)/arp_ignore", "1", into: &changes)
                return changes
            }
            if let all = Sysctl.read("\(ipv4Conf)/all/rp_filter").flatMap({ Int($0) }), all != 0 {
                for name in ["default"] + interfaceNames() {
                    let path = "\(ipv4Conf)/\(name)/rp_filter"
                    guard let current = Sysctl.read(path).flatMap({ Int($0) }), current < all else { continue }
                    try set(path, String(all), into: &changes)
                }
                try set("\(ipv4Conf)/all/rp_filter", "0", into: &changes)
            }
            for (key, value) in [("arp_ignore", "1"), ("accept_local", "1"), ("rp_filter", "0"), ("promote_secondaries", "1")] {
                try set("\(ipv4Conf)/\(vmac)/\(key)", value, into: &changes)
            }
            for (key, value) in [("arp_ignore", "1"), ("arp_filter", "1")] {
                try set("\(ipv4Conf)/\(base)/\(key)", value, into: &changes)
            }
            return changes
        } catch {
            restore(changes)
            throw error
        }
    }

    /// promote_secondaries=1 on an interface that carries VIPs (keepalived's
    /// set_promote_secondaries): removing the primary address then keeps the secondaries.
    public static func setPromoteSecondaries(interface: String) throws -> [SysctlChange] {
        var changes: [SysctlChange] = []
        try set("\(ipv4Conf)/\(interface)/promote_secondaries", "1", into: &changes)
        return changes
    }

    /// disable_ipv6=1 (keepalived's link_disable_ipv6, for a VMAC that carries IPv4 only).
    /// Nothing happens, and nothing is recorded, on a system without IPv6.
    public static func disableIPv6(interface: String) throws -> [SysctlChange] {
        var changes: [SysctlChange] = []
        let path = "/proc/sys/net/ipv6/conf/\(interface)/disable_ipv6"
        guard Sysctl.read(path) != nil else { return changes }
        try set(path, "1", into: &changes)
        return changes
    }

    /// Puts the values back, last change first. Entries of interfaces that are gone are skipped.
    public static func restore(_ changes: [SysctlChange]) {
        for change in changes.reversed() {
            guard Sysctl.read(change.path) != nil else { continue }
            try? write(change.path, change.previous)
        }
    }

    /// Sets one value, recording the change when it differs from the current one.
    public static func set(_ path: String, _ value: String, into changes: inout [SysctlChange]) throws {
        guard let previous = Sysctl.read(path) else { throw SystemError("read \(path)", code: ENOENT) }
        guard previous != value else { return }
        try write(path, value)
        changes.append(SysctlChange(path: path, previous: previous, value: value))
    }

    /// IPV4_DEVCONF_* of the keys set here (linux/ip.h).
    static let devconf: [String: UInt32] = [
        "arp_ignore": UInt32(IPV4_DEVCONF_ARP_IGNORE),
        "arp_filter": UInt32(IPV4_DEVCONF_ARPFILTER),
        "accept_local": UInt32(IPV4_DEVCONF_ACCEPT_LOCAL),
        "rp_filter": UInt32(IPV4_DEVCONF_RP_FILTER),
        "promote_secondaries": UInt32(IPV4_DEVCONF_PROMOTE_SECONDARIES),
    ]

    /// Netlink for an interface's IPv4 key it knows, the sysctl file for everything else.
    static func write(_ path: String, _ value: String) throws {
        let prefix = ipv4Conf + "/"
        if path.hasPrefix(prefix), let number = UInt32(value) {
            let parts = path.dropFirst(prefix.count).split(separator: "/").map(String.init)
            if parts.count == 2, parts[0] != "all", parts[0] != "default", let id = devconf[parts[1]],
                let netlink = try? RouteNetlink(), (try? netlink.setIPv4DevConf(interface: parts[0], id: id, value: number)) != nil
            {
                return
            }
        }
        try Sysctl.write(path, value)
    }

    /// Interface entries of /proc/sys/net/ipv4/conf (without `all` and `default`).
    static func interfaceNames() -> [String] {
        guard let directory = opendir(ipv4Conf) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") || name == "all" || name == "default" { continue }
            names.append(name)
        }
        return names.sorted()
    }
}

/// Reading and writing /proc/sys files.
enum Sysctl {
    /// The value without its trailing newline; nil when the file cannot be read.
    static func read(_ path: String) -> String? { SmallFile.text(path) }

    static func write(_ path: String, _ value: String) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError("open \(path)") }
        defer { close(descriptor) }
        let bytes = Array((value + "\n").utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw SystemError("write \(value) to \(path)") }
    }
}
