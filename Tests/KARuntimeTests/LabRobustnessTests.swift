import Foundation
import Glibc
import KAVRRP
import Testing
@testable import KARuntime

/// Bad adverts, floods and reloads against a running master (issue 14).
@Suite(.serialized, .enabled(if: Lab.isPrivileged, "needs root for network namespaces"))
struct LabRobustnessTests {
    static func config(priority: Int) -> String {
        """
        vrrp_instance VI_1 {
            interface eth0
            virtual_router_id 70
            priority \(priority)
            advert_int 1
            authentication {
                auth_type PASS
                auth_pass secret70
            }
            virtual_ipaddress {
                192.0.2.70/24
            }
        }
        """
    }

    /// A raw VRRP socket in the client namespace, for injecting adverts.
    static func injector(_ lab: KarunLab) throws -> VRRPSocket {
        try NetworkNamespace.with(lab.namespace("c")) {
            let index = Int32(if_nametoindex("eth0"))
            return try VRRPSocket(family: .ipv4, interface: ("eth0", index))
        }
    }

    static func advert(vrid: UInt8 = 70, priority: UInt8 = 200, password: String = "secret70", addresses: [IPAddress] = ["192.0.2.70"]) -> VRRPAdvertisement {
        VRRPAdvertisement(
            version: .v2, virtualRouterID: vrid, priority: priority, advertisementInterval: 1, addresses: addresses,
            authentication: .simplePassword(AuthenticationData(password: password)))
    }

    static let source: IPAddress = "192.0.2.100"
    static let group: IPAddress = .vrrpMulticastIPv4

    static func encoded(_ advert: VRRPAdvertisement) throws -> [UInt8] {
        try AdvertisementCodec.encode(advert, addressing: PacketAddressing(source: source, destination: group))
    }

    /// Every kind of bad advert is dropped and counted by reason; the master keeps its role.
    @Test func badAdvertsAreDroppedAndCountedByReason() throws {
        let lab = try LabFailoverTests.lab("bad")
        defer { lab.tearDown() }
        let master = try lab.start("n1", config: Self.config(priority: 150))
        #expect(lab.wait(timeout: 6) { master.state("VI_1") == "MASTER" } != nil, "\(master.log)")
        let socket = try Self.injector(lab)
        defer { socket.close() }

        var badChecksum = try Self.encoded(Self.advert())
        badChecksum[6] ^= 0xFF
        let cases: [(reason: String, payload: [UInt8], hopLimit: UInt8)] = [
            ("checksum", badChecksum, 255),
            ("ttl", try Self.encoded(Self.advert()), 64),
            ("auth", try Self.encoded(Self.advert(password: "wrong")), 255),
            ("unknown_vrid", try Self.encoded(Self.advert(vrid: 99)), 255),
            ("address_list", try Self.encoded(Self.advert(addresses: ["192.0.2.99"])), 255),
            ("packet_length", [0x21, 70, 200], 255),
            ("version", try AdvertisementCodec.encode(
                VRRPAdvertisement(version: .v3, virtualRouterID: 70, priority: 200, advertisementInterval: 100, addresses: ["192.0.2.70"]),
                addressing: PacketAddressing(source: Self.source, destination: Self.group)), 255),
        ]
        for (_, payload, hopLimit) in cases {
            try socket.send(payload: payload, source: Self.source, destination: Self.group, hopLimit: hopLimit)
        }
        #expect(lab.wait(timeout: 3) {
            guard let drops = master.status()?["drops"] as? [String: Int] else { return false }
            return cases.allSatisfy { (drops[$0.reason] ?? 0) >= 1 }
        } != nil, "drops: \(master.status()?["drops"] ?? "none")\n\(master.log)")
        #expect(master.state("VI_1") == "MASTER")
        #expect(master.isRunning)
    }

    /// 10,000 invalid adverts a second for 10 seconds: the master keeps its role (the backup
    /// never takes over) and karun keeps running.
    @Test func floodOfInvalidAdvertsDoesNotMoveTheMaster() throws {
        let lab = try LabFailoverTests.lab("flood")
        defer { lab.tearDown() }
        let master = try lab.start("n1", config: Self.config(priority: 150))
        let backup = try lab.start("n2", config: Self.config(priority: 100))
        #expect(lab.wait(timeout: 6) { master.state("VI_1") == "MASTER" && backup.state("VI_1") == "BACKUP" } != nil)
        let socket = try Self.injector(lab)
        defer { socket.close() }
        let wrongPassword = try Self.encoded(Self.advert(password: "intruder"))
        var badChecksum = try Self.encoded(Self.advert(priority: 254))
        badChecksum[7] ^= 0x55
        let start = Date()
        var sent = 0
        while Date().timeIntervalSince(start) < 10 {
            // Paced at 10 per millisecond.
            for _ in 0..<10 {
                try socket.send(payload: sent % 2 == 0 ? wrongPassword : badChecksum, source: Self.source, destination: Self.group, hopLimit: 255)
                sent += 1
            }
            let target = Double(sent) / 10_000
            let elapsed = Date().timeIntervalSince(start)
            if target > elapsed { usleep(UInt32((target - elapsed) * 1_000_000)) }
        }
        #expect(sent >= 90_000)
        #expect(master.state("VI_1") == "MASTER")
        #expect(backup.state("VI_1") == "BACKUP")
        let becameMaster = (backup.instance("VI_1")?["stats"] as? [String: Int])?["become_master"]
        #expect(becameMaster == 0, "the backup never took over during the flood")
        let drops = master.status()?["drops"] as? [String: Int] ?? [:]
        #expect((drops["auth"] ?? 0) + (drops["checksum"] ?? 0) > 10_000, "\(drops)")
    }

    /// SIGHUP with an unchanged instance keeps MASTER without a gap in its adverts; a broken file
    /// is refused and the running configuration goes on.
    @Test func reloadKeepsTheMasterAndRefusesABrokenFile() throws {
        let lab = try LabFailoverTests.lab("hup")
        defer { lab.tearDown() }
        let text = """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 71
                priority 150
                advert_int 0.1
                version 3
                virtual_ipaddress {
                    192.0.2.71/24
                }
            }
            """
        let master = try lab.start("n1", config: text)
        #expect(lab.wait(timeout: 3) { master.state("VI_1") == "MASTER" } != nil)
        // Listen to the master's adverts from the client.
        let listener = try AdvertListener(lab: lab, source: "192.0.2.11")
        func listen(for seconds: Double) { listener.listen(for: seconds, pollMilliseconds: 20) }
        listen(for: 0.5)
        for _ in 0..<5 {
            master.kill(SIGHUP)
            listen(for: 0.4)
        }
        let gaps = listener.gaps
        #expect(listener.arrivals.count > 20)
        #expect((gaps.max() ?? 1) < 0.25, "largest gap between adverts across reloads: \(gaps.max() ?? -1) s")
        #expect(master.state("VI_1") == "MASTER")
        #expect((master.instance("VI_1")?["stats"] as? [String: Int])?["become_master"] == 1, "still the first mastership")

        // A broken file: refused, the old configuration keeps running.
        try "vrrp_instance VI_1 {\n    virtual_router_id 300\n".write(toFile: "\(lab.directory)/n1.conf", atomically: true, encoding: .utf8)
        master.kill(SIGHUP)
        #expect(lab.wait(timeout: 3) { master.log.contains("refused") } != nil, "\(master.log)")
        #expect(master.state("VI_1") == "MASTER")
        #expect(lab.holds("n1", "eth0", "192.0.2.71"))
        master.kill(SIGTERM)
        #expect(master.wait(timeout: 5) == 0)
    }
}

/// sd_notify: READY=1 once running, RELOADING=1 then READY=1 around a reload, STOPPING=1 at stop.
@Suite(.serialized, .enabled(if: Lab.isPrivileged, "needs root for network namespaces"))
struct LabSystemdTests {
    @Test func readinessReloadAndStopReachTheNotifySocket() throws {
        let lab = try LabFailoverTests.lab("sdnt")
        defer { lab.tearDown() }
        let path = "\(lab.directory)/notify.sock"
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = try ControlSocket.address(path)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        func next() -> String {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
        }
        let node = try lab.start("n1", config: LabRobustnessTests.config(priority: 100), environment: ["NOTIFY_SOCKET": path])
        #expect(next().hasPrefix("READY=1"))
        node.kill(SIGHUP)
        #expect(next().hasPrefix("RELOADING=1"))
        #expect(next().hasPrefix("READY=1"))
        node.kill(SIGTERM)
        #expect(next() == "STOPPING=1")
        #expect(node.wait(timeout: 5) == 0)
    }
}

/// Split brain heals itself (issue 15): the master that was cut off comes back, both are MASTER
/// for a moment, and within about one advert interval one master remains, the other has let the
/// VIP go and the client's ARP entry points at the winner (its gratuitous ARP burst).
@Suite(.serialized, .enabled(if: Lab.isPrivileged, "needs root for network namespaces"))
struct LabSplitBrainTests {
    @Test func aHealedPartitionLeavesOneMasterAndMovesTheClient() throws {
        let lab = try LabFailoverTests.lab("split")
        defer { lab.tearDown() }
        let config: (Int) -> String = { priority in
            """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 72
                priority \(priority)
                advert_int 0.2
                version 3
                virtual_ipaddress {
                    192.0.2.72/24
                }
            }
            """
        }
        let first = try lab.start("n1", config: config(150), arguments: ["--metrics", "127.0.0.1:9166"])
        let second = try lab.start("n2", config: config(100))
        #expect(lab.wait(timeout: 3) { first.state("VI_1") == "MASTER" && second.state("VI_1") == "BACKUP" } != nil)
        // Cut n1 off: its bridge port stops forwarding (state disabled) while the link keeps its
        // carrier, as a switch or firewall dropping the adverts would.
        try Lab.check(["bridge", "-n", lab.switchNamespace, "link", "set", "dev", "p1", "state", "0"])
        #expect(lab.wait(timeout: 3) { second.state("VI_1") == "MASTER" } != nil, "partitioned: n2 takes over")
        #expect(first.state("VI_1") == "MASTER", "both are MASTER")
        let n1MAC = lab.mac("n1", "eth0")
        let n2MAC = lab.mac("n2", "eth0")
        #expect(lab.wait(timeout: 2) {
            lab.ping("c", "192.0.2.72")
            return lab.neighbourMAC("c", "192.0.2.72") == n2MAC
        } != nil, "during the partition the client reaches n2")
        try Lab.check(["bridge", "-n", lab.switchNamespace, "link", "set", "dev", "p1", "state", "3"])
        let healed = lab.wait(timeout: 2) {
            second.state("VI_1") == "BACKUP" && !lab.holds("n2", "eth0", "192.0.2.72")
                && lab.neighbourMAC("c", "192.0.2.72") == n1MAC
        }
        #expect(healed.map { $0 < 0.5 } == true, "healed after \(healed.map { String($0) } ?? "never") s (advert interval 0.2 s)")
        #expect(first.state("VI_1") == "MASTER")
        let counted = (first.instance("VI_1")?["stats"] as? [String: Any])?["lower_priority_while_master"] as? Int
        #expect((counted ?? 0) >= 1, "the split brain is counted")
        // ... and in /metrics, counted into the registry as it happened, equal to the status count.
        let scraped = Exposition(try StatusSurfacesTests.scrape(namespace: lab.namespace("n1"), port: 9166).body)
        #expect(scraped.problems == [])
        let labels = [("iname", "VI_1"), ("intf", "eth0"), ("vrid", "72")]
        let metric = scraped.value("karun_lower_priority_while_master_total", labels)
        let statusCount = (first.instance("VI_1")?["stats"] as? [String: Any])?["lower_priority_while_master"] as? Int
        #expect((metric ?? 0) >= 1)
        #expect(metric == statusCount.map(Double.init))
        #expect(scraped.value("keepalived_vrrp_state", labels + [("ip_address", "192.0.2.72/24")]) == 2)
    }
}
