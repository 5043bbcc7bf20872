import Foundation
import Glibc
import KAConfig
import KAVRRP
import Testing
@testable import KARuntime

/// Netlink against the real kernel, in throw-away namespaces joined by a veth pair. Tests that
/// need namespaces skip when not run as root (they cannot create them otherwise).
@Suite(.timeLimit(.minutes(1))) struct NetlinkTests {
    /// A namespace with veth0 <-> veth1 (both in it, up); 192.0.2.2/24 on veth0.
    private static func lab(_ tag: String) throws -> (Lab, String) {
        let lab = Lab(tag)
        let namespace = try lab.host("a")
        try lab.link(namespace, "veth0", namespace, "veth1", addresses: ["veth0": ["192.0.2.2/24"]])
        return (lab, namespace)
    }

    private static func json(_ output: String) -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(output.utf8))) as? [[String: Any]] ?? []
    }

    // MARK: Parsing (no privileges)

    @Test func addressSpecFromTheModel() throws {
        var model = VirtualAddress(address: IPAddress("192.0.2.10"), prefixLength: 24)
        model.broadcast = "+"
        model.scope = "link"
        model.label = "eth0:vip"
        model.preferredLifetime = "0"
        model.flags = ["noprefixroute", "home"]
        let spec = try AddressSpec.from(model, ifindex: 7)
        #expect(spec.address == "192.0.2.10")
        #expect(spec.broadcast == "192.0.2.255")
        #expect(spec.scope == 253)
        #expect(spec.label == "eth0:vip")
        #expect(spec.preferredLifetimeZero)
        #expect(spec.noPrefixRoute && spec.homeAddress && !spec.noDAD)
        #expect(spec.ifindex == 7)

        let v6 = try AddressSpec.from(VirtualAddress(address: IPAddress("2001:db8::1"), prefixLength: 64), ifindex: 1)
        #expect(v6.noDAD)
        var optOut = VirtualAddress(address: IPAddress("2001:db8::1"), prefixLength: 64)
        optOut.flags = ["-nodad"]
        #expect(try !AddressSpec.from(optOut, ifindex: 1).noDAD)
        optOut.flags = ["bogus"]
        #expect(throws: NetlinkEntryError.self) { try AddressSpec.from(optOut, ifindex: 1) }
    }

    @Test func routeAndRuleWordsAreParsedAndUnknownWordsNamed() throws {
        let route = try RouteNetlink.parseRoute(["192.0.2.0/25", "via", "192.0.2.1", "table", "main", "metric", "5", "src", "192.0.2.2"])
        #expect(route.destination?.length == 25)
        #expect(route.gateway == "192.0.2.1")
        #expect(route.table == 254)
        #expect(route.metric == 5)
        #expect(route.source == "192.0.2.2")
        let blackhole = try RouteNetlink.parseRoute(["blackhole", "default", "table", "7"])
        #expect(blackhole.type == 6 && blackhole.destinationIsDefault && blackhole.table == 7)
        do {
            _ = try RouteNetlink.parseRoute(["192.0.2.0/24", "dev", "eth0", "realms", "3", "mtu", "1400"])
            Issue.record("expected an error")
        } catch let error as NetlinkEntryError {
            #expect(error.unsupportedWords == ["realms", "3", "mtu", "1400"])
        }
        let rule = try RouteNetlink.parseRule(["from", "192.0.2.0/24", "to", "all", "lookup", "100", "pref", "90", "fwmark", "0x10/0xff", "iif", "eth0"])
        #expect(rule.from?.length == 24 && rule.to == nil && rule.table == 100 && rule.priority == 90)
        #expect(rule.mark == 0x10 && rule.mask == 0xFF && rule.inputInterface == "eth0")
        #expect(throws: NetlinkEntryError.self) { try RouteNetlink.parseRule(["from", "all", "nonsense"]) }
    }

    // MARK: Kernel

    /// The links a takeover's sends read are kept until the daemon forgets them (on the kernel's
    /// link events) or karun changes a link itself.
    @Test(.enabled(if: Lab.isPrivileged, "needs root for network namespaces"))
    func knownLinksAreKeptUntilForgotten() throws {
        let (lab, namespace) = try Self.lab("known")
        defer { lab.tearDown() }
        try NetworkNamespace.with(namespace) {
            let netlink = try RouteNetlink()
            let first = try #require(netlink.knownLink(named: "veth0"))
            #expect(first == netlink.link(named: "veth0"))
            _ = try Lab.run(["ip", "-n", namespace, "link", "set", "veth0", "address", "02:00:00:00:00:42"])
            #expect(netlink.knownLink(named: "veth0")?.mac == first.mac, "kept until forgotten")
            netlink.forgetLinks()
            #expect(netlink.knownLink(named: "veth0")?.mac == [0x02, 0, 0, 0, 0, 0x42])
            try netlink.setLink(index: first.index, up: false)
            #expect(netlink.knownLink(named: "veth0")?.isUp == false, "karun's own change forgets")
            #expect(netlink.knownLink(named: "nothing") == nil)
        }
    }

    @Test func addressesAreAddedReadAndDeletedIdempotently() throws {
        // Skipped unless root: creating network namespaces needs CAP_SYS_ADMIN.
        guard Lab.isPrivileged else { return }
        let (lab, namespace) = try Self.lab("addr")
        defer { lab.tearDown() }
        try NetworkNamespace.with(namespace) {
            let netlink = try RouteNetlink()
            let veth0 = try #require(netlink.link(named: "veth0"))
            #expect(veth0.kind == "veth")
            #expect(netlink.link(index: veth0.index)?.name == "veth0")
            #expect(netlink.links().contains { $0.name == "veth1" })
            #expect(netlink.primaryAddress(ifindex: veth0.index, family: .ipv4) == "192.0.2.2")

            var v4 = AddressSpec(address: "192.0.2.10", prefixLength: 24, ifindex: veth0.index)
            v4.label = "veth0:vip"
            v4.broadcast = "192.0.2.255"
            let v6 = AddressSpec(address: "2001:db8::10", prefixLength: 64, ifindex: veth0.index)
            for _ in 0..<2 {
                try netlink.addAddress(v4)
                try netlink.addAddress(v6)
            }
            let addresses = netlink.addresses(ifindex: veth0.index)
            let vip = try #require(addresses.first { $0.address == "192.0.2.10" })
            #expect(vip.prefixLength == 24)
            #expect(vip.label == "veth0:vip")
            #expect(vip.isSecondary)
            let vip6 = try #require(addresses.first { $0.address == "2001:db8::10" })
            #expect(vip6.flags & IFAFlag.noDAD != 0)
            #expect(!vip6.isTentative)
            #expect(netlink.globalIPv6Address(ifindex: veth0.index) == "2001:db8::10")
            #expect(netlink.primaryAddress(ifindex: veth0.index, family: .ipv4) == "192.0.2.2")

            let shown = try Lab.check(["ip", "-n", namespace, "-4", "addr", "show", "dev", "veth0"])
            #expect(shown.contains("192.0.2.10/24 brd 192.0.2.255"))

            // A point-to-point address and an IPv6 VIP that is never a preferred source.
            var p2p = AddressSpec(address: "198.51.100.1", prefixLength: 32, ifindex: veth0.index)
            p2p.peer = .init(address: "198.51.100.2", prefixLength: 32)
            var deprecated = AddressSpec(address: "2001:db8::11", prefixLength: 64, ifindex: veth0.index)
            deprecated.preferredLifetimeZero = true
            deprecated.noPrefixRoute = true
            try netlink.addAddress(p2p)
            try netlink.addAddress(deprecated)
            #expect(try Lab.check(["ip", "-n", namespace, "addr", "show", "dev", "veth0"]).contains("198.51.100.1 peer 198.51.100.2/32"))
            let vip6b = try #require(netlink.addresses(ifindex: veth0.index).first { $0.address == "2001:db8::11" })
            #expect(vip6b.isDeprecated && vip6b.flags & IFAFlag.noPrefixRoute != 0)

            for _ in 0..<2 {
                try netlink.deleteAddress(v4)
                try netlink.deleteAddress(v6)
                try netlink.deleteAddress(p2p)
                try netlink.deleteAddress(deprecated)
            }
            let after = netlink.addresses(ifindex: veth0.index).map(\.address)
            #expect(!after.contains("192.0.2.10") && !after.contains("2001:db8::10"))
            #expect(!after.contains("198.51.100.1") && !after.contains("2001:db8::11"))
        }
    }

    @Test func routesAndRulesAreAddedAndDeletedIdempotently() throws {
        // Skipped unless root: creating network namespaces needs CAP_SYS_ADMIN.
        guard Lab.isPrivileged else { return }
        let (lab, namespace) = try Self.lab("rout")
        defer { lab.tearDown() }
        try NetworkNamespace.with(namespace) {
            let netlink = try RouteNetlink()
            let veth0 = try #require(netlink.link(named: "veth0"))
            let route = RouteEntry(words: ["198.51.100.0/24", "via", "192.0.2.1", "table", "100", "metric", "50"])
            let blackhole = RouteEntry(words: ["blackhole", "203.0.113.0/24", "table", "100"])
            let device = RouteEntry(words: ["198.51.100.128/25", "src", "192.0.2.2", "table", "100"])
            let rule = RuleEntry(words: ["from", "192.0.2.10", "table", "100", "priority", "100"])
            try netlink.addAddress(AddressSpec(address: "2001:db8::2", prefixLength: 64, ifindex: veth0.index))
            let route6 = RouteEntry(words: ["2001:db8:1::/64", "via", "2001:db8::1", "dev", "veth0", "metric", "10", "table", "100"])
            let rule6 = RuleEntry(words: ["from", "2001:db8::/64", "lookup", "100", "pref", "101"])
            for _ in 0..<2 {
                try netlink.addRoute(route6, defaultInterface: nil)
                try netlink.addRule(rule6)
                try netlink.addRoute(route, defaultInterface: nil)
                try netlink.addRoute(blackhole, defaultInterface: nil)
                try netlink.addRoute(device, defaultInterface: veth0.index)
                try netlink.addRule(rule)
            }
            let routes = Self.json(try Lab.check(["ip", "-n", namespace, "-j", "route", "show", "table", "100"]))
            let via = try #require(routes.first { $0["dst"] as? String == "198.51.100.0/24" })
            #expect(via["gateway"] as? String == "192.0.2.1")
            #expect(via["metric"] as? Int == 50)
            #expect(["keepalived", "18"].contains(String(describing: via["protocol"] ?? "")))
            #expect(routes.contains { $0["dst"] as? String == "203.0.113.0/24" && $0["type"] as? String == "blackhole" })
            let onDevice = try #require(routes.first { $0["dst"] as? String == "198.51.100.128/25" })
            #expect(onDevice["dev"] as? String == "veth0" && onDevice["prefsrc"] as? String == "192.0.2.2")
            let rules = Self.json(try Lab.check(["ip", "-n", namespace, "-j", "rule", "show"]))
            #expect(rules.filter { $0["priority"] as? Int == 100 }.count == 1)
            #expect(rules.contains { $0["priority"] as? Int == 100 && $0["src"] as? String == "192.0.2.10" && $0["table"] as? String == "100" })

            let routes6 = Self.json(try Lab.check(["ip", "-n", namespace, "-6", "-j", "route", "show", "table", "100"]))
            #expect(routes6.contains { $0["dst"] as? String == "2001:db8:1::/64" && $0["gateway"] as? String == "2001:db8::1" && $0["metric"] as? Int == 10 })
            let rules6 = Self.json(try Lab.check(["ip", "-n", namespace, "-6", "-j", "rule", "show"]))
            #expect(rules6.filter { $0["priority"] as? Int == 101 }.count == 1)

            for _ in 0..<2 {
                try netlink.deleteRoute(route6, defaultInterface: nil)
                try netlink.deleteRule(rule6)
                try netlink.deleteRoute(route, defaultInterface: nil)
                try netlink.deleteRoute(blackhole, defaultInterface: nil)
                try netlink.deleteRoute(device, defaultInterface: veth0.index)
                try netlink.deleteRule(rule)
            }
            #expect(Self.json(try Lab.check(["ip", "-n", namespace, "-j", "route", "show", "table", "100"])).isEmpty)
            #expect(Self.json(try Lab.check(["ip", "-n", namespace, "-6", "-j", "route", "show", "table", "100"])).isEmpty)
            #expect(!Self.json(try Lab.check(["ip", "-n", namespace, "-6", "-j", "rule", "show"])).contains { $0["priority"] as? Int == 101 })
            #expect(!Self.json(try Lab.check(["ip", "-n", namespace, "-j", "rule", "show"])).contains { $0["priority"] as? Int == 100 })
            #expect(throws: NetlinkEntryError.self) { try netlink.addRoute(RouteEntry(words: ["198.51.100.0/24", "realms", "2"]), defaultInterface: nil) }
            try netlink.deleteRoute(RouteEntry(words: ["198.51.100.0/24", "dev", "gone0"]), defaultInterface: nil)
        }
    }

    @Test func macvlanVMACIsCreatedPrivateReusedAndDeleted() throws {
        // Skipped unless root: creating network namespaces needs CAP_SYS_ADMIN.
        guard Lab.isPrivileged else { return }
        let (lab, namespace) = try Self.lab("vmac")
        defer { lab.tearDown() }
        try Lab.check(["ip", "-n", namespace, "link", "set", "veth0", "group", "5"])
        try NetworkNamespace.with(namespace) {
            let netlink = try RouteNetlink()
            let veth0 = try #require(netlink.link(named: "veth0"))
            let mac: [UInt8] = [0x00, 0x00, 0x5E, 0x00, 0x01, 0x33]
            let index = try netlink.createMACVLAN(name: "vrrp.51", parentIndex: veth0.index, mac: mac)
            let vmac = try #require(netlink.link(index: index))
            #expect(vmac.name == "vrrp.51")
            #expect(vmac.kind == "macvlan")
            #expect(vmac.macvlanMode == RouteNetlink.macvlanModePrivate)
            #expect(vmac.mac == mac)
            #expect(vmac.parentIndex == veth0.index)
            #expect(vmac.group == 5)
            #expect(vmac.isUp)
            #expect(Sysctl.read("/proc/sys/net/ipv6/conf/vrrp.51/addr_gen_mode") == "1")
            // Through IFLA_INET6_ADDR_GEN_MODE, not the sysctl fallback.
            try Sysctl.write("/proc/sys/net/ipv6/conf/veth1/addr_gen_mode", "0")
            let veth1 = try #require(netlink.link(named: "veth1"))
            #expect(try netlink.setIPv6AddressGenerationNone(index: veth1.index, name: "veth1"))
            #expect(Sysctl.read("/proc/sys/net/ipv6/conf/veth1/addr_gen_mode") == "1")

            let shown = Self.json(try Lab.check(["ip", "-n", namespace, "-d", "-j", "link", "show", "vrrp.51"]))
            let info = shown.first?["linkinfo"] as? [String: Any]
            #expect(info?["info_kind"] as? String == "macvlan")
            #expect((info?["info_data"] as? [String: Any])?["mode"] as? String == "private")
            #expect(shown.first?["address"] as? String == "00:00:5e:00:01:33")

            #expect(try netlink.createMACVLAN(name: "vrrp.51", parentIndex: veth0.index, mac: mac) == index)
            // A conflicting device (another MAC) is replaced.
            let other = try netlink.createMACVLAN(name: "vrrp.51", parentIndex: veth0.index, mac: [0x00, 0x00, 0x5E, 0x00, 0x01, 0x34])
            #expect(other != index)
            #expect(netlink.link(index: other)?.mac.last == 0x34)

            try netlink.setLink(index: other, up: false)
            #expect(netlink.link(index: other)?.isUp == false)
            try netlink.deleteLink(index: other)
            try netlink.deleteLink(index: other)
            #expect(netlink.link(named: "vrrp.51") == nil)
        }
    }

    @Test func vmacSysctlsAreAppliedAndRestored() throws {
        // Skipped unless root: creating network namespaces needs CAP_SYS_ADMIN.
        guard Lab.isPrivileged else { return }
        let (lab, namespace) = try Self.lab("sysc")
        defer { lab.tearDown() }
        try NetworkNamespace.with(namespace) {
            let conf = "/proc/sys/net/ipv4/conf"
            try Sysctl.write("\(conf)/all/rp_filter", "2")
            try Sysctl.write("\(conf)/default/rp_filter", "0")
            try Sysctl.write("\(conf)/veth1/rp_filter", "1")
            let netlink = try RouteNetlink()
            let veth0 = try #require(netlink.link(named: "veth0"))
            let before = ["all", "default", "veth0", "veth1", "lo"].map { Sysctl.read("\(conf)/\($0)/rp_filter") }
            let baseBefore = ["arp_ignore", "arp_filter"].map { Sysctl.read("\(conf)/veth0/\($0)") }
            try netlink.createMACVLAN(name: "vrrp.51", parentIndex: veth0.index, mac: [0, 0, 0x5E, 0, 1, 0x33])

            let changes = try InterfaceSettings.applyVMAC(vmac: "vrrp.51", base: "veth0", ipv6: false)
            #expect(Sysctl.read("\(conf)/all/rp_filter") == "0")
            #expect(Sysctl.read("\(conf)/default/rp_filter") == "2")
            #expect(Sysctl.read("\(conf)/veth1/rp_filter") == "2")
            for (key, value) in [("arp_ignore", "1"), ("accept_local", "1"), ("rp_filter", "0"), ("promote_secondaries", "1")] {
                #expect(Sysctl.read("\(conf)/vrrp.51/\(key)") == value, "\(key)")
            }
            #expect(Sysctl.read("\(conf)/veth0/arp_ignore") == "1")
            #expect(Sysctl.read("\(conf)/veth0/arp_filter") == "1")
            #expect(changes.contains { $0.path == "\(conf)/all/rp_filter" && $0.previous == "2" && $0.value == "0" })

            InterfaceSettings.restore(changes)
            #expect(["all", "default", "veth0", "veth1", "lo"].map { Sysctl.read("\(conf)/\($0)/rp_filter") } == before)
            #expect(["arp_ignore", "arp_filter"].map { Sysctl.read("\(conf)/veth0/\($0)") } == baseBefore)

            // The per-interface path really is netlink (IFLA_INET_CONF), not the file fallback.
            try netlink.setIPv4DevConf(interface: "veth1", id: try #require(InterfaceSettings.devconf["arp_ignore"]), value: 2)
            #expect(Sysctl.read("\(conf)/veth1/arp_ignore") == "2")
            try netlink.setIPv4DevConf(interface: "veth1", id: try #require(InterfaceSettings.devconf["arp_ignore"]), value: 0)

            let promote = try InterfaceSettings.setPromoteSecondaries(interface: "veth1")
            let noIPv6 = try InterfaceSettings.disableIPv6(interface: "vrrp.51")
            #expect(Sysctl.read("\(conf)/veth1/promote_secondaries") == "1")
            #expect(Sysctl.read("/proc/sys/net/ipv6/conf/vrrp.51/disable_ipv6") == "1")
            InterfaceSettings.restore(promote + noIPv6)
            #expect(Sysctl.read("/proc/sys/net/ipv6/conf/vrrp.51/disable_ipv6") == "0")

            let v6 = try InterfaceSettings.applyVMAC(vmac: "vrrp.51", base: "veth0", ipv6: true)
            #expect(v6.map(\.path) == ["\(conf)/vrrp.51/arp_ignore"])
            InterfaceSettings.restore(v6)
        }
    }

    @Test func monitorReportsLinkStateAndAddressesThroughTheEventLoop() throws {
        // Skipped unless root: creating network namespaces needs CAP_SYS_ADMIN.
        guard Lab.isPrivileged else { return }
        let (lab, namespace) = try Self.lab("moni")
        defer { lab.tearDown() }
        let loop = try EventLoop()
        var events: [NetlinkEvent] = []
        var sawDown = false
        var sawUp = false
        var sawAddress = false
        // The sockets are opened inside the namespace and stay there once the thread leaves it.
        let (monitor, veth1Index) = try NetworkNamespace.with(namespace) {
            let monitor = try NetlinkMonitor(loop: loop) { event in
                events.append(event)
                switch event {
                case .linkChanged(let link) where link.name == "veth1":
                    if !link.isUp { sawDown = true } else if sawDown { sawUp = true }
                case .addressAdded(let address) where address.address == "192.0.2.50":
                    sawAddress = true
                default:
                    break
                }
                if sawDown, sawUp, sawAddress { loop.stop() }
            }
            return (monitor, try RouteNetlink().link(named: "veth1")?.index)
        }
        #expect(veth1Index != nil)
        loop.schedule(after: .milliseconds(20)) {
            _ = try? Lab.check(["ip", "-n", namespace, "link", "set", "veth1", "down"])
            _ = try? Lab.check(["ip", "-n", namespace, "link", "set", "veth1", "up"])
            _ = try? Lab.check(["ip", "-n", namespace, "addr", "add", "192.0.2.50/24", "dev", "veth0"])
        }
        loop.schedule(after: .seconds(10)) { loop.stop() }
        loop.run()
        withExtendedLifetime(monitor) {}
        #expect(sawDown, "events: \(events)")
        #expect(sawUp)
        #expect(sawAddress)
    }

    @Test func monitorOverrunAsksForResynchronisation() throws {
        // Skipped unless root: creating network namespaces needs CAP_SYS_ADMIN.
        guard Lab.isPrivileged else { return }
        let (lab, namespace) = try Self.lab("ovrn")
        defer { lab.tearDown() }
        let loop = try EventLoop()
        var events: [NetlinkEvent] = []
        // A receive buffer of the kernel's minimum (a few notifications) so a burst overruns it.
        let monitor = try NetworkNamespace.with(namespace) {
            try NetlinkMonitor(loop: loop, receiveBufferSize: 1) { event in
                events.append(event)
                if event == .resynchronize { loop.stop() }
            }
        }
        let batch = FileManager.default.temporaryDirectory.appendingPathComponent("\(namespace).batch")
        try (100..<200).map { "addr add 192.0.2.\($0)/24 dev veth0\n" }.joined().write(to: batch, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: batch) }
        try Lab.check(["ip", "-n", namespace, "-batch", batch.path])
        loop.schedule(after: .seconds(5)) { loop.stop() }
        loop.run()
        withExtendedLifetime(monitor) {}
        #expect(events.contains(.resynchronize), "\(events.count) events")
    }
}
