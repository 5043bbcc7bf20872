import Foundation
import Glibc
import KAVRRP
import Testing
@testable import KARuntime

/// keepalived's status surfaces (signal files, `--signum`) and karun's Prometheus metrics.
@Suite(.serialized)
struct StatusSurfacesTests {
    // MARK: Without a lab

    /// `karun --signum NAME` prints what `keepalived --signum=NAME` prints (keepalived 2.2.7 is
    /// installed here; without it, glibc's numbers).
    @Test func signumMatchesKeepalived() throws {
        let expectedGlibc = ["STOP": "15", "RELOAD": "1", "DATA": "10", "STATS": "12", "STATS_CLEAR": "63", "JSON": "36"]
        let keepalived = FileManager.default.isExecutableFile(atPath: "/usr/sbin/keepalived")
        for name in KeepalivedSignal.allCases.map(\.rawValue) {
            let karun = try Self.run([KarunProcess.executable, "--signum", name])
            #expect(karun.status == 0)
            let expected = keepalived ? try Self.run(["/usr/sbin/keepalived", "--signum=\(name)"]).output : expectedGlibc[name]! + "\n"
            #expect(karun.output == expected, "\(name)")
            #expect(karun.output == expectedGlibc[name]! + "\n", "\(name) on glibc")
        }
        #expect(try Self.run([KarunProcess.executable, "--signum=JSON"]).output == "\(__libc_current_sigrtmin() + 2)\n")
        #expect(try Self.run([KarunProcess.executable, "run", "--signum", "STATS_CLEAR"]).output == "\(__libc_current_sigrtmax() - 1)\n")
        #expect(try Self.run([KarunProcess.executable, "--signum", "NOPE"]).status == 1)
        #expect(Daemon.handledSignals.contains(KeepalivedSignal.json.number))
        #expect(Daemon.handledSignals.contains(KeepalivedSignal.statsClear.number))
    }

    @Test func metricsAddressIsLoopbackUnlessAllowed() throws {
        #expect(MetricsEndpoint(parsing: "9165") == MetricsEndpoint(address: "127.0.0.1", port: 9165))
        #expect(MetricsEndpoint(parsing: "[::1]:9165")?.isLoopback == true)
        #expect(MetricsEndpoint(parsing: "192.0.2.1:9165")?.isLoopback == false)
        #expect(MetricsEndpoint(parsing: "localhost:x") == nil)
        let refused = try Self.run([KarunProcess.executable, "run", "--metrics", "192.0.2.1:9165", "/nonexistent.conf"])
        #expect(refused.status == 1)
        #expect(refused.output.contains("--metrics-allow-remote"))
    }

    // MARK: In a lab

    static let config = """
        vrrp_script chk_ok {
            script "/bin/true"
            interval 1
        }
        vrrp_instance VI_1 {
            state BACKUP
            interface eth0
            virtual_router_id 51
            priority 150
            advert_int 1
            authentication {
                auth_type PASS
                auth_pass secret12
            }
            virtual_ipaddress {
                192.0.2.1/24
                192.0.2.5/32 dev eth0 label eth0:v
            }
            virtual_ipaddress_excluded {
                192.0.2.9/24
            }
            track_script {
                chk_ok
            }
            track_interface {
                eth0
            }
        }
        vrrp_instance VI_2 {
            state BACKUP
            interface eth0
            version 3
            virtual_router_id 52
            priority 100
            advert_int 0.5
            nopreempt
            notify_master "/bin/true master"
            notify "/bin/true"
            virtual_ipaddress {
                192.0.2.2/24
            }
            virtual_routes {
                198.51.100.0/24 via 192.0.2.254
            }
        }
        """

    /// One karun node: keepalived's signals write keepalived.json/.data/.stats with keepalived's
    /// shape; STATS_CLEAR clears what they show; /metrics answers with moving counters.
    @Test(.enabled(if: Lab.isPrivileged, "needs root for network namespaces"), .timeLimit(.minutes(1)))
    func signalFilesAndMetricsInALab() throws {
        let lab = try KarunLab("stat")
        defer { lab.tearDown() }
        try lab.host("n1", [("eth0", ["192.0.2.11/24"])])
        try lab.host("n2", [("eth0", ["192.0.2.12/24"])])
        let statusDirectory = "\(lab.directory)/status"
        try FileManager.default.createDirectory(atPath: statusDirectory, withIntermediateDirectories: true)
        let node = try lab.start("n1", config: Self.config, arguments: [
            "--status-dir", statusDirectory, "--metrics", "127.0.0.1:9165", "--pid-file", "\(lab.directory)/karun.pid",
        ])
        let master = lab.wait(timeout: 8) { node.state("VI_1") == "MASTER" }
        #expect(master != nil, "VI_1 did not become MASTER:\n\(node.log)")
        _ = lab.wait(timeout: 3) { lab.holds("n1", "eth0", "192.0.2.1") }
        #expect(try String(contentsOfFile: "\(lab.directory)/karun.pid", encoding: .utf8) == "\(node.pid)\n")

        // keepalived.json
        let jsonPath = "\(statusDirectory)/keepalived.json"
        node.kill(KeepalivedSignal.json.number)
        #expect(lab.wait(timeout: 3) { FileManager.default.fileExists(atPath: jsonPath) } != nil, "\(node.log)")
        let jsonText = try String(contentsOfFile: jsonPath, encoding: .utf8)
        try Self.checkKeepalivedJSON(jsonText)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? [[String: Any]])
        let data = try #require(entries.first?["data"] as? [String: Any])
        let stats = try #require(entries.first?["stats"] as? [String: Any])
        #expect(data["iname"] as? String == "VI_1")
        #expect(data["state"] as? Int == 2)
        #expect(data["wantstate"] as? Int == 2)
        #expect(data["vrid"] as? Int == 51)
        #expect(data["ifp_ifname"] as? String == "eth0")
        #expect(data["auth_type"] as? Int == 1)
        #expect(data["auth_data"] as? String == "********")
        #expect(data["vips"] as? [String] == ["192.0.2.1/24 dev eth0 scope global set", "192.0.2.5 dev eth0 scope global label eth0:v set"])
        #expect(data["evips"] as? [String] == ["192.0.2.9/24 dev eth0 scope global set"])
        #expect(data["track_script"] as? [String] == ["'/bin/true'"])
        #expect(data["track_ifp"] == nil, "keepalived leaves out a weight-0 track of the instance's own interface")
        let lastTransition = try #require(data["last_transition"] as? Double)
        #expect(abs(lastTransition - Date().timeIntervalSince1970) < 30)
        #expect((stats["become_master"] as? Int) == 1)
        #expect((stats["advert_sent"] as? Int ?? 0) >= 1)
        #expect(Self.mode(jsonPath) == 0o600)
        // A v3 instance: fractional adver_int, notify scripts as keepalived quotes them, no auth_data.
        let v3Data = try #require(entries.dropFirst().first?["data"] as? [String: Any])
        #expect(v3Data["iname"] as? String == "VI_2")
        #expect(v3Data["version"] as? Int == 3)
        #expect(v3Data["adver_int"] as? Double == 0.5)
        #expect(v3Data["nopreempt"] as? Bool == true)
        #expect(v3Data["script_master"] as? String == "'/bin/true' 'master'")
        #expect(v3Data["script"] as? String == "'/bin/true'")
        #expect((v3Data["vroutes"] as? [String])?.count == 1)
        #expect(v3Data["auth_type"] as? Int == 0)
        #expect(v3Data["auth_data"] == nil)
        #expect(v3Data["track_script"] == nil)

        // keepalived.data and keepalived.stats
        let dataPath = "\(statusDirectory)/keepalived.data"
        let statsPath = "\(statusDirectory)/keepalived.stats"
        node.kill(SIGUSR1)
        node.kill(SIGUSR2)
        #expect(lab.wait(timeout: 3) { FileManager.default.fileExists(atPath: dataPath) && FileManager.default.fileExists(atPath: statsPath) } != nil)
        let dataText = try String(contentsOfFile: dataPath, encoding: .utf8)
        for line in [
            " VRRP Instance = VI_1", "   State = MASTER", "   Wantstate = MASTER", "   Interface = eth0",
            "   Virtual Router ID = 51", "   Gratuitous ARP delay = 5", "   Virtual IP (2):",
            "     192.0.2.1/24 dev eth0 scope global set",
            "   Virtual IP Excluded :", "     192.0.2.9/24 dev eth0 scope global set",
            " VRRP Script = chk_ok", "   Status = GOOD", "   State = idle",
        ] {
            #expect(dataText.components(separatedBy: "\n").contains(line), "keepalived.data lacks \(line):\n\(dataText)")
        }
        let sentBefore = try #require(Self.statsValue(try String(contentsOfFile: statsPath, encoding: .utf8), section: "Advertisements", key: "Sent"))
        #expect(sentBefore >= 1)
        #expect(Self.statsValue(try String(contentsOfFile: statsPath, encoding: .utf8), section: "Authentication Errors", key: "Failure") == 0)

        // STATS_CLEAR writes the counts, then keepalived's files count from zero again.
        try FileManager.default.removeItem(atPath: statsPath)
        node.kill(KeepalivedSignal.statsClear.number)
        #expect(lab.wait(timeout: 3) { FileManager.default.fileExists(atPath: statsPath) } != nil)
        #expect((Self.statsValue(try String(contentsOfFile: statsPath, encoding: .utf8), section: "Advertisements", key: "Sent") ?? 0) >= sentBefore)
        try FileManager.default.removeItem(atPath: jsonPath)
        node.kill(KeepalivedSignal.json.number)
        #expect(lab.wait(timeout: 3) { FileManager.default.fileExists(atPath: jsonPath) } != nil)
        let cleared = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonPath))) as? [[String: Any]])
        let clearedStats = try #require(cleared.first?["stats"] as? [String: Any])
        #expect((clearedStats["advert_sent"] as? Int ?? 99) <= 2)
        #expect(clearedStats["become_master"] as? Int == 0)
        // Atomic replacement leaves no temporary files behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: statusDirectory).sorted() == ["keepalived.data", "keepalived.json", "keepalived.stats"])

        // /metrics (inside the node's namespace, on its loopback).
        let namespace = lab.namespace("n1")
        let first = try Self.scrape(namespace: namespace, port: 9165)
        #expect(first.status == "HTTP/1.1 200 OK")
        let metrics = Self.parseMetrics(first.body)
        let labels = #"{iname="VI_1",intf="eth0",vrid="51"}"#
        #expect(metrics["keepalived_up"] == 1)
        #expect(metrics[#"keepalived_vrrp_state{iname="VI_1",intf="eth0",vrid="51",ip_address="192.0.2.1/24"}"#] == 2)
        #expect(metrics[#"keepalived_vrrp_excluded_state{iname="VI_1",intf="eth0",vrid="51",ip_address="192.0.2.9/24"}"#] == 2)
        #expect(metrics["karun_vrrp_state" + labels] == 2)
        #expect(metrics["karun_vrrp_base_priority" + labels] == 150)
        #expect(metrics["karun_vrrp_effective_priority" + labels] == 150)
        #expect(metrics["keepalived_become_master_total" + labels] == 1, "counters are not cleared by STATS_CLEAR")
        #expect(metrics[#"keepalived_script_status{name="chk_ok"}"#] == 1)
        #expect((metrics[#"karun_script_runs_total{name="chk_ok"}"#] ?? 0) >= 1)
        #expect(metrics[#"karun_script_last_exit_code{name="chk_ok"}"#] == 0)
        #expect((metrics["karun_gratuitous_arp_sent_total" + labels] ?? 0) >= 1)
        #expect(metrics[#"karun_transitions_total{iname="VI_1",from="BACKUP",to="MASTER",reason="master-down-timer"}"#] == 1)
        let lateCount = try #require(metrics["karun_timer_lateness_seconds_count"])
        #expect(lateCount > 0)
        #expect(metrics[#"karun_timer_lateness_seconds_bucket{le="+Inf"}"#] == lateCount)
        #expect((metrics["process_resident_memory_bytes"] ?? 0) > 1_000_000)
        // Valid text format 0.0.4, line by line; every family as it was before swift-prometheus.
        let exposition = Exposition(first.body)
        #expect(exposition.problems == [])
        #expect(PrometheusMetricsTests.compareWithFamilies(exposition) == [])
        #expect(first.body.contains("# TYPE karun_timer_lateness_seconds histogram"))
        #expect(first.body.contains("# TYPE keepalived_advertisements_sent_total counter"))

        // Drops move, by reason: three adverts with another password from n2.
        try NetworkNamespace.with(lab.namespace("n2")) {
            let socket = try VRRPSocket(family: .ipv4, interface: ("eth0", Int32(if_nametoindex("eth0"))))
            defer { socket.close() }
            let advert = VRRPAdvertisement(
                version: .v2, virtualRouterID: 51, priority: 100, advertisementInterval: 1,
                addresses: ["192.0.2.1", "192.0.2.5"], authentication: .simplePassword(AuthenticationData(password: "wrong")))
            let payload = try AdvertisementCodec.encode(advert, addressing: PacketAddressing(source: "192.0.2.12", destination: "224.0.0.18"))
            for _ in 0..<3 { try socket.send(payload: payload, source: "192.0.2.12", destination: "224.0.0.18", hopLimit: 255) }
        }
        let dropped = lab.wait(timeout: 3) {
            let now = Self.parseMetrics((try? Self.scrape(namespace: namespace, port: 9165).body) ?? "")
            return now["keepalived_authentication_failure_total" + labels] == 3
                && now["karun_instance_drops_total" + labels.dropLast() + #",reason="auth"}"#] == 3
                && now[#"karun_drops_total{reason="auth"}"#] == 3
        }
        #expect(dropped != nil, "auth drops not counted")
        let afterDrops = Exposition(try Self.scrape(namespace: namespace, port: 9165).body)
        #expect(afterDrops.problems == [])
        #expect(PrometheusMetricsTests.compareWithFamilies(afterDrops) == [])
        // Every family has series here but the sync groups' (this configuration has none).
        #expect(Set(PrometheusMetricsTests.families.keys).subtracting(afterDrops.types.keys) == ["karun_sync_group_state"])
        #expect(node.state("VI_1") == "MASTER")

        // Counters move: adverts go out every second.
        let sent = try #require(metrics["keepalived_advertisements_sent_total" + labels])
        Thread.sleep(forTimeInterval: 2.2)
        let second = Self.parseMetrics(try Self.scrape(namespace: namespace, port: 9165).body)
        #expect((second["keepalived_advertisements_sent_total" + labels] ?? 0) >= sent + 2)
        #expect((second["karun_packets_sent_total"] ?? 0) > (metrics["karun_packets_sent_total"] ?? 0))

        #expect(try Self.scrape(namespace: namespace, port: 9165, path: "/nope").status == "HTTP/1.1 404 Not Found")
        // A client that connects and says nothing does not hold up the loop.
        let idle = try NetworkNamespace.with(namespace) { try Self.connect(port: 9165) }
        defer { close(idle) }
        #expect(node.state("VI_1") == "MASTER")
        #expect(try Self.scrape(namespace: namespace, port: 9165).status == "HTTP/1.1 200 OK")

        node.kill(SIGTERM)
        #expect(node.wait(timeout: 5) == 0)
        #expect(!FileManager.default.fileExists(atPath: "\(lab.directory)/karun.pid"))
    }

    /// The oracle: keepalived 2.2.7 itself, in its own namespace with the same configuration,
    /// writes its keepalived.json; karun's has the same keys, in the same order, with the same
    /// JSON types, instance by instance (values differ: times, counters, masked auth_data).
    @Test(
        .enabled(if: Lab.isPrivileged && FileManager.default.isExecutableFile(atPath: "/usr/sbin/keepalived"), "needs root and keepalived"),
        .timeLimit(.minutes(1)))
    func keepalivedJSONHasKeepalivedsKeysOrderAndTypes() throws {
        // Two labs: on one wire keepalived and karun would elect each other (same VRIDs).
        let reference = try KarunLab("kref")
        defer { reference.tearDown() }
        try reference.host("k1", [("eth0", ["192.0.2.11/24"])])
        let lab = try KarunLab("kour")
        defer { lab.tearDown() }
        try lab.host("n1", [("eth0", ["192.0.2.11/24"])])
        let keepalivedDirectory = "\(lab.directory)/keepalived"
        try FileManager.default.createDirectory(atPath: keepalivedDirectory, withIntermediateDirectories: true)
        try Self.config.write(toFile: "\(keepalivedDirectory)/keepalived.conf", atomically: true, encoding: .utf8)
        let keepalived = Process()
        keepalived.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        keepalived.arguments = [
            "TMPDIR=\(keepalivedDirectory)", "ip", "netns", "exec", reference.namespace("k1"), "/usr/sbin/keepalived", "-n", "-l", "-D",
            "-P", "-f", "\(keepalivedDirectory)/keepalived.conf", "-p", "\(keepalivedDirectory)/k.pid",
            "-r", "\(keepalivedDirectory)/v.pid", "-c", "\(keepalivedDirectory)/c.pid",
        ]
        keepalived.standardOutput = FileHandle.nullDevice
        keepalived.standardError = FileHandle.nullDevice
        try keepalived.run()
        defer {
            // SIGTERM stops keepalived's children too; SIGKILL whatever is left after 5 s.
            if keepalived.isRunning { Glibc.kill(keepalived.processIdentifier, SIGTERM) }
            let deadline = Date().addingTimeInterval(5)
            while keepalived.isRunning, Date() < deadline { usleep(10_000) }
            for file in ["v.pid", "c.pid"] {
                if let text = try? String(contentsOfFile: "\(keepalivedDirectory)/\(file)", encoding: .utf8),
                   let child = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                    Glibc.kill(child, SIGKILL)
                }
            }
            if keepalived.isRunning { Glibc.kill(keepalived.processIdentifier, SIGKILL) }
            keepalived.waitUntilExit()
        }
        let statusDirectory = "\(lab.directory)/status"
        try FileManager.default.createDirectory(atPath: statusDirectory, withIntermediateDirectories: true)
        let node = try lab.start("n1", config: Self.config, arguments: ["--status-dir", statusDirectory])
        // Both past start-up (VI_1 MASTER after its down timer) before the files are asked for.
        #expect(lab.wait(timeout: 8) { node.state("VI_1") == "MASTER" } != nil, "\(node.log)")
        let vrrpPID = try #require(lab.wait(timeout: 5) { (try? String(contentsOfFile: "\(keepalivedDirectory)/v.pid", encoding: .utf8)) != nil }
            .flatMap { _ in Int32((try? String(contentsOfFile: "\(keepalivedDirectory)/v.pid", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") })
        let theirsPath = "\(keepalivedDirectory)/keepalived.json"
        let oursPath = "\(statusDirectory)/keepalived.json"
        node.kill(KeepalivedSignal.json.number)
        // keepalived installs its handlers a moment after writing its PID: ask until it answers.
        let answered = lab.wait(timeout: 5) {
            Glibc.kill(vrrpPID, KeepalivedSignal.json.number)
            usleep(100_000)
            return FileManager.default.fileExists(atPath: theirsPath)
        }
        #expect(answered != nil)
        #expect(lab.wait(timeout: 3) { FileManager.default.fileExists(atPath: oursPath) } != nil)
        let theirs = try String(contentsOfFile: theirsPath, encoding: .utf8)
        let ours = try String(contentsOfFile: oursPath, encoding: .utf8)
        let theirShape = Self.shape(theirs)
        let ourShape = Self.shape(ours)
        #expect(theirShape.count == 2 && ourShape.count == 2, "\(theirs)")
        for (index, (their, our)) in zip(theirShape, ourShape).enumerated() {
            #expect(our.map(\.0) == their.map(\.0), "instance \(index): keys differ")
            for ((key, ourKind), (_, theirKind)) in zip(our, their) {
                #expect(ourKind == theirKind, "instance \(index) \(key): karun \(ourKind), keepalived \(theirKind)")
            }
        }

        // keepalived.stats: the same text once the numbers are blanked out.
        Glibc.kill(vrrpPID, SIGUSR2)
        node.kill(SIGUSR2)
        let theirStats = "\(keepalivedDirectory)/keepalived.stats"
        let ourStats = "\(statusDirectory)/keepalived.stats"
        #expect(lab.wait(timeout: 3) { FileManager.default.fileExists(atPath: theirStats) && FileManager.default.fileExists(atPath: ourStats) } != nil)
        _ = lab.wait(timeout: 0.3) { false }
        func blanked(_ path: String) throws -> String {
            String(try String(contentsOfFile: path, encoding: .utf8).map { $0.isNumber ? "N" : $0 })
                .replacingOccurrences(of: "NN", with: "N").replacingOccurrences(of: "NN", with: "N")
        }
        #expect(try blanked(ourStats) == blanked(theirStats))

        // keepalived.data: the lines the exporters parse say the same (VIPs without the state's
        // "set"), instance by instance.
        Glibc.kill(vrrpPID, SIGUSR1)
        node.kill(SIGUSR1)
        let theirData = "\(keepalivedDirectory)/keepalived.data"
        let ourData = "\(statusDirectory)/keepalived.data"
        #expect(lab.wait(timeout: 3) { FileManager.default.fileExists(atPath: theirData) && FileManager.default.fileExists(atPath: ourData) } != nil)
        _ = lab.wait(timeout: 0.3) { false }
        let theirBlocks = Self.dataBlocks(try String(contentsOfFile: theirData, encoding: .utf8))
        let ourBlocks = Self.dataBlocks(try String(contentsOfFile: ourData, encoding: .utf8))
        #expect(Set(ourBlocks.keys) == ["VI_1", "VI_2", "script chk_ok"])
        #expect(Set(theirBlocks.keys) == Set(ourBlocks.keys))
        var compared = 0
        for (name, their) in theirBlocks {
            let our = ourBlocks[name] ?? [:]
            for key in ["VRRP Version", "Interface", "Using src_ip", "Virtual Router ID", "Priority", "Effective priority",
                        "Gratuitous ARP delay", "Gratuitous ARP repeat", "Gratuitous ARP refresh", "Down timer adverts",
                        "Advert interval", "Preempt", "Authentication type", "Virtual IP", "Virtual IP Excluded",
                        "Interval", "Rise", "Fall", "Status"] where their[key] != nil {
                #expect(our[key] == their[key], "\(name) \(key)")
                compared += 1
            }
        }
        #expect(compared >= 25)
    }

    /// Each top-level entry's `"key":kind` pairs in order (data keys, then stats keys).
    static func shape(_ text: String) -> [[(String, Kind)]] {
        text.components(separatedBy: "{\"data\":").dropFirst().map { entry in
            var pairs: [(String, Kind)] = []
            let scalars = Array(entry.unicodeScalars)
            var depth = 0
            var index = 0
            var inString = false
            while index < scalars.count {
                let scalar = scalars[index]
                if inString {
                    if scalar == "\\" { index += 2; continue }
                    if scalar == "\"" { inString = false }
                    index += 1
                    continue
                }
                switch scalar {
                case "[": depth += 1
                case "]": depth -= 1
                case "\"" where depth == 0:
                    var end = index + 1
                    while end < scalars.count, scalars[end] != "\"" { end += 1 }
                    if end + 1 < scalars.count, scalars[end + 1] == ":" {
                        let key = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                        let kinds = rawKinds("\"\(key)\"" + String(String.UnicodeScalarView(scalars[(end + 1)...].prefix(64))))
                        if key != "data", key != "stats", let kind = kinds[key]?.first { pairs.append((key, kind)) }
                        index = end + 2
                        continue
                    }
                    inString = true
                case "\"": inString = true
                default: break
                }
                index += 1
            }
            return pairs
        }
    }

    /// keepalived.data's instance and script blocks: `key = value` lines, list values (5-space
    /// lines, " set" removed) joined under their `key:` header.
    static func dataBlocks(_ text: String) -> [String: [String: String]] {
        var blocks: [String: [String: String]] = [:]
        var block: String?
        var listKey: String?
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix(" VRRP Instance = ") {
                block = String(line.dropFirst(" VRRP Instance = ".count))
            } else if line.hasPrefix(" VRRP Script = ") {
                block = "script " + line.dropFirst(" VRRP Script = ".count)
            } else if !line.hasPrefix("   ") {
                block = nil
            } else if let name = block {
                if line.hasPrefix("     ") {
                    if let key = listKey {
                        var value = line.trimmingCharacters(in: .whitespaces)
                        if value.hasSuffix(" set") { value.removeLast(4) }
                        blocks[name, default: [:]][key, default: ""] += value + ";"
                    }
                } else if let equals = line.range(of: " = ") {
                    listKey = nil
                    blocks[name, default: [:]][line[..<equals.lowerBound].trimmingCharacters(in: .whitespaces)] =
                        String(line[equals.upperBound...])
                } else if line.hasSuffix(":") {
                    var key = line.trimmingCharacters(in: .whitespaces).dropLast().trimmingCharacters(in: .whitespaces)
                    if let paren = key.range(of: " (") { key = String(key[..<paren.lowerBound]) }
                    listKey = key
                }
            }
        }
        return blocks
    }

    // MARK: keepalived.json's shape

    enum Kind: Equatable { case int, number, bool, string, array, object }

    /// keepalived 2.2.7's `vrrp_json.c` fields (karun-anchors.md §1.7, checked against the file
    /// keepalived 2.2.7 writes here): name → JSON type. Optional keys only when set.
    static let dataFields: [(String, Kind, required: Bool)] = [
        ("iname", .string, true), ("dont_track_primary", .int, true), ("skip_check_adv_addr", .int, true),
        ("strict_mode", .int, true), ("vmac_ifname", .string, true), ("ifp_ifname", .string, true),
        ("master_priority", .int, true), ("last_transition", .number, true), ("garp_delay", .int, true),
        ("garp_refresh", .int, true), ("garp_rep", .int, true), ("garp_refresh_rep", .int, true),
        ("garp_lower_prio_delay", .int, true), ("garp_lower_prio_rep", .int, true), ("lower_prio_no_advert", .int, true),
        ("higher_prio_send_advert", .int, true), ("vrid", .int, true), ("base_priority", .int, true),
        ("effective_priority", .int, true), ("vipset", .bool, true), ("promote_secondaries", .bool, true),
        ("adver_int", .number, true), ("master_adver_int", .number, true), ("accept", .int, true),
        ("nopreempt", .bool, true), ("preempt_delay", .int, true), ("state", .int, true), ("wantstate", .int, true),
        ("version", .int, true), ("smtp_alert", .bool, true), ("notify_deleted", .bool, true),
        ("script_backup", .string, false), ("script_master", .string, false), ("script_fault", .string, false),
        ("script_stop", .string, false), ("script_deleted", .string, false), ("script", .string, false),
        ("script_master_rx_lower_pri", .string, false),
        ("vips", .array, false), ("evips", .array, false), ("vroutes", .array, false), ("vrules", .array, false),
        ("track_ifp", .array, false), ("track_script", .array, false), ("track_process", .array, false),
        ("auth_type", .int, true), ("auth_data", .string, false),
    ]

    static let statsFields = [
        "advert_rcvd", "advert_sent", "become_master", "release_master", "packet_len_err", "advert_interval_err",
        "ip_ttl_err", "invalid_type_rcvd", "addr_list_err", "invalid_authtype", "authtype_mismatch", "auth_failure",
        "pri_zero_rcvd", "pri_zero_sent",
    ]

    /// Version 1: a bare array of `{data, stats}`; every key known and of keepalived's type, the
    /// data keys in keepalived's order.
    static func checkKeepalivedJSON(_ text: String) throws {
        let root = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let entries = try #require(root as? [[String: Any]], "keepalived.json v1 is a bare array")
        #expect(!entries.isEmpty)
        for entry in entries {
            #expect(Set(entry.keys) == ["data", "stats"])
            let data = try #require(entry["data"] as? [String: Any])
            let stats = try #require(entry["stats"] as? [String: Any])
            let known = Set(dataFields.map(\.0))
            #expect(Set(data.keys).subtracting(known).isEmpty, "unknown keys \(Set(data.keys).subtracting(known))")
            for (key, _, required) in dataFields where required { #expect(data[key] != nil, "data.\(key) missing") }
            #expect(Set(stats.keys) == Set(statsFields))
        }
        // Types, from the text itself (Foundation's numbers do not tell 1 from true).
        let kinds = rawKinds(text)
        for (key, kind, _) in dataFields {
            for found in kinds[key] ?? [] {
                #expect(found == kind || (kind == .number && found == .int), "\(key) is \(found), keepalived writes \(kind)")
            }
        }
        for key in statsFields { #expect((kinds[key] ?? []).allSatisfy { $0 == .int }, "\(key)") }
        // keepalived's key order within each data object.
        let order = dataFields.map(\.0)
        for entry in text.components(separatedBy: "{\"data\":").dropFirst() {
            let data = entry.components(separatedBy: "\"stats\":").first ?? entry
            let positions = order.compactMap { key in data.range(of: "\"\(key)\":").map { (key, $0.lowerBound) } }
            #expect(positions.map(\.0) == positions.sorted { $0.1 < $1.1 }.map(\.0))
        }
    }

    /// The kind of each `"key":value` in compact JSON text.
    static func rawKinds(_ text: String) -> [String: [Kind]] {
        var result: [String: [Kind]] = [:]
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "\"" else { index += 1; continue }
            var end = index + 1
            while end < scalars.count, scalars[end] != "\"" { end += scalars[end] == "\\" ? 2 : 1 }
            let key = String(String.UnicodeScalarView(scalars[(index + 1)..<min(end, scalars.count)]))
            index = end + 1
            guard index < scalars.count, scalars[index] == ":" else { continue }
            index += 1
            guard index < scalars.count else { break }
            let kind: Kind
            switch scalars[index] {
            case "t", "f": kind = .bool
            case "\"": kind = .string
            case "[": kind = .array
            case "{": kind = .object
            default:
                var probe = index
                var isInteger = true
                while probe < scalars.count, !",}]".unicodeScalars.contains(scalars[probe]) {
                    if ".eE".unicodeScalars.contains(scalars[probe]) { isInteger = false }
                    probe += 1
                }
                kind = isInteger ? .int : .number
            }
            result[key, default: []].append(kind)
        }
        return result
    }

    // MARK: Helpers

    static func statsValue(_ text: String, section: String, key: String) -> Int? {
        var inSection = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("  "), !line.hasPrefix("    "), line.hasSuffix(":") {
                inSection = line.trimmingCharacters(in: .whitespaces) == section + ":"
            } else if inSection, line.hasPrefix("    "), line.trimmingCharacters(in: .whitespaces).hasPrefix(key + ":") {
                return Int(line.split(separator: ":").last!.trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }

    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int ?? 0) & 0o777
    }

    static func run(_ arguments: [String]) throws -> Lab.Outcome {
        try Lab.run(arguments, timeout: 20)
    }

    static func connect(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw SystemError("connect 127.0.0.1:\(port)")
        }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    /// A plain HTTP/1.1 GET over a socket opened in `namespace`.
    static func scrape(namespace: String, port: UInt16, path: String = "/metrics") throws -> (status: String, body: String) {
        let fd = try NetworkNamespace.with(namespace) { try connect(port: port) }
        defer { close(fd) }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: localhost\r\nUser-Agent: test\r\nAccept: */*\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            response += buffer[0..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return (text, "") }
        let head = text[..<split.lowerBound]
        let status = head.components(separatedBy: "\r\n").first ?? ""
        let body = String(text[split.upperBound...])
        if let length = head.components(separatedBy: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") })
            .flatMap({ Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }) {
            #expect(body.utf8.count == length)
        }
        return (status, body)
    }

    /// `name{labels} value` lines → value by `name{labels}` (as printed).
    static func parseMetrics(_ text: String) -> [String: Double] {
        var result: [String: Double] = [:]
        for line in text.components(separatedBy: "\n") where !line.isEmpty && !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " ") else { continue }
            let value = String(line[line.index(after: space)...])
            result[String(line[..<space])] = value == "+Inf" ? .infinity : Double(value)
        }
        return result
    }
}
