import ArgumentParser
import Foundation
import KAConfig
import KALint

/// Fleet lint on a generated fleet: N node files in memory (clusters of two), each analysed
/// (parse, expand, bind) and then linted with every single-file and cross-node rule.
struct FleetLintBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Time parse+expand+bind+all rules on a generated fleet of node files (target: 1,000 nodes < 1 s).")

    @Option(help: "Number of node files (two per cluster).")
    var nodes: Int = 1000

    @Option(help: "Repetitions (the best time is reported).")
    var repetitions: Int = 5

    func run() throws {
        let files = FleetGenerator.fleet(nodes: nodes)
        let bytes = files.reduce(0) { $0 + $1.text.utf8.count }
        print("kabench lint: \(files.count) node files, \(files.count / 2) clusters, "
            + "\(formatted(Double(bytes) / 1_000_000)) MB (\(bytes / max(1, files.count)) bytes per node), best of \(repetitions)")
        var analyses: [NodeAnalysis] = []
        let serial = bestTime(repetitions: repetitions) {
            analyses = files.map { Analyzer.analyze(path: $0.path, text: $0.text) }
        }
        let inputs = files.map { FleetAnalysis.File(path: $0.path, text: $0.text) }
        let analyse = bestTime(repetitions: repetitions) { analyses = FleetAnalysis.analyze(inputs) }
        var report: LintEngine.Report?
        let lint = bestTime(repetitions: repetitions) { report = LintEngine().run(analyses) }
        var fleetOnly = 0
        let nodes = analyses.map { LintNode($0) }
        let fleetRules = bestTime(repetitions: repetitions) {
            let fleet = Fleet(nodes: nodes)
            fleetOnly = RuleRegistry.fleet.reduce(0) { $0 + $1.check(fleet).count }
        }
        let total = bestTime(repetitions: repetitions) {
            _ = LintEngine().run(FleetAnalysis.analyze(inputs))
        }
        print("  parse+expand+bind, one core: \(formatted(serial * 1000)) ms")
        print("  parse+expand+bind, \(ProcessInfo.processInfo.activeProcessorCount) cores: \(formatted(analyse * 1000)) ms")
        print("  all rules (single-file + fleet, incl. clustering): \(formatted(lint * 1000)) ms")
        print("  fleet rules alone (incl. clustering): \(formatted(fleetRules * 1000)) ms")
        print("  total parse+expand+bind+all rules: \(formatted(total * 1000)) ms")
        print("  clusters found: \(report?.fleet.clusters.count ?? 0), findings: \(report?.diagnostics.count ?? 0) "
            + "(fleet: \(fleetOnly))")
        for diagnostic in (report?.diagnostics ?? []).filter({ $0.severity > .info }).prefix(5) {
            print("    \(diagnostic.file):\(diagnostic.line): \(diagnostic.rule.slug): \(diagnostic.message)")
        }
        // The slowest single-file rules over the whole fleet (where the time of "all rules" goes).
        var perRule: [(String, Double)] = []
        for rule in RuleRegistry.singleFile {
            let seconds = bestTime(repetitions: 1) { for node in nodes { _ = rule.check(node) } }
            perRule.append((rule.rule.slug, seconds))
        }
        let slowest = perRule.sorted { $0.1 > $1.1 }.prefix(5).map { "\($0.0) \(formatted($0.1 * 1000)) ms" }
        let ruleTotal = perRule.reduce(0) { $0 + $1.1 }
        print("  single-file rules: \(formatted(ruleTotal * 1000)) ms in all; slowest: " + slowest.joined(separator: ", "))
    }
}

/// Realistic node files: global_defs, weighted track scripts, one VRRP instance (IPv4 with PASS
/// auth, or IPv6; some unicast) and an LVS virtual server. Every cluster has its own VIPs, VRID
/// and VLAN interface, so a correct linter finds nothing.
enum FleetGenerator {
    struct File {
        var path: String
        var text: String
    }

    static func fleet(nodes: Int) -> [File] {
        (0..<max(2, nodes)).map { index in
            File(path: "node\(index).conf", text: node(cluster: index / 2, member: index % 2))
        }
    }

    /// The i-th address of the three IPv4 documentation /24s (0 ..< 765).
    static func documentationIPv4(_ index: Int) -> String {
        let prefixes = ["192.0.2.", "198.51.100.", "203.0.113."]
        return prefixes[(index / 255) % 3] + String(index % 255 + 1)
    }

    static func node(cluster: Int, member: Int) -> String {
        // IPv4 documentation space holds 255 clusters of 3 VIPs; beyond that every cluster is IPv6.
        let ipv6 = cluster % 2 == 1 || (cluster / 2) * 3 + 2 >= 765
        let unicast = cluster % 4 == 1
        let vrid = cluster % 255 + 1
        var text = """
            ! Generated node \(member + 1) of cluster \(cluster) (kabench lint).
            global_defs {
                router_id c\(cluster)n\(member + 1)
                enable_script_security
                script_user nobody nogroup
                notification_email {
                    ops@example.com
                }
                notification_email_from keepalived@example.com
                smtp_server 192.0.2.25
                smtp_connect_timeout 30
            }

            """
        for check in ["uplink", "service", "disk", "dns", "ntp", "cache"] {
            text += """
                vrrp_script chk_\(check) {
                    script "/usr/local/bin/check-\(check) --cluster \(cluster)"
                    interval 2
                    timeout 1
                    fall 2
                    rise 2
                    weight -30
                }

                """
        }
        text += """
            vrrp_instance VI_\(cluster) {
                state \(member == 0 ? "MASTER" : "BACKUP")
                interface vlan\(cluster)
                virtual_router_id \(vrid)
                priority \(member == 0 ? 150 : 100)
                advert_int 1

            """
        if unicast {
            text += """
                    unicast_src_ip 2001:db8:ffff:\(String(cluster, radix: 16))::\(member + 1)
                    unicast_peer {
                        2001:db8:ffff:\(String(cluster, radix: 16))::\(2 - member)
                    }

                """
        }
        if !ipv6 {
            text += """
                    authentication {
                        auth_type PASS
                        auth_pass k\(cluster)
                    }

                """
        }
        text += "    virtual_ipaddress {\n"
        if ipv6 {
            for host in 1...8 { text += "        2001:db8:\(String(cluster, radix: 16))::\(host)/64 dev vlan\(cluster)\n" }
        } else {
            for host in 0..<3 { text += "        \(documentationIPv4((cluster / 2) * 3 + host))/24 dev vlan\(cluster)\n" }
        }
        text += """
                }
                track_script {
                    chk_uplink
                    chk_service
                    chk_disk weight -10
                    chk_dns weight -5
                    chk_ntp weight -5
                    chk_cache weight -5
                }
                track_interface {
                    eth0
                }
                notify_master "/usr/local/bin/notify master VI_\(cluster)"
                notify_backup "/usr/local/bin/notify backup VI_\(cluster)"
                notify_fault "/usr/local/bin/notify fault VI_\(cluster)"
            }

            """
        let service = ipv6 ? "2001:db8:\(String(cluster, radix: 16))::1" : documentationIPv4((cluster / 2) * 3)
        for port in [80, 443] { text += virtualServer(service, port: port, cluster: cluster) }
        return text
    }

    static func virtualServer(_ address: String, port: Int, cluster: Int) -> String {
        var text = """
            virtual_server \(address) \(port) {
                delay_loop 6
                lvs_sched wlc
                lvs_method DR
                protocol TCP

            """
        let ipv6 = address.contains(":")
        for server in 0..<6 {
            let real = ipv6 ? "2001:db8:\(String(cluster, radix: 16)):1::\(server + 1)" : documentationIPv4((cluster * 7 + server) % 765)
            text += """
                    real_server \(real) \(port) {
                        weight 1
                        TCP_CHECK {
                            connect_port \(port)
                            connect_timeout 3
                            retry 2
                            delay_before_retry 2
                        }
                    }

                """
        }
        return text + "}\n"
    }
}
