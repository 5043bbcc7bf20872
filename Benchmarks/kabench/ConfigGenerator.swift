/// Generates realistic configurations for benchmarks and scale tests: many vrrp_instance blocks
/// spread over interfaces so that no VRID repeats on an interface (keepalived rejects that).
/// Only documentation addresses are used.
public enum ConfigGenerator {
    /// VRIDs used per interface before moving to the next one.
    public static let instancesPerInterface = 250

    public static func interfaceName(forInstance index: Int) -> String {
        "eth\(index / instancesPerInterface)"
    }

    /// A single node's configuration with `instances` vrrp_instance blocks (about 400 bytes each, so
    /// 5,000 instances make the 2 MB file of the benchmarks)
    /// and one vrrp_script per 50 instances.
    public static func largeConfig(instances: Int) -> String {
        var text = "! generated: \(instances) vrrp_instance blocks\n"
        text += "global_defs {\n    router_id bench_node\n    enable_script_security\n    script_user root\n    vrrp_garp_master_delay 5\n}\n\n"
        let scripts = max(1, instances / 50)
        for script in 0..<scripts {
            text += "vrrp_script chk_\(script) {\n    script \"/bin/true\"\n    interval 2\n    weight -20\n    fall 2\n    rise 2\n}\n\n"
        }
        for index in 0..<instances {
            text += instance(index, priority: 100 + index % 50, state: index % 2 == 0 ? "MASTER" : "BACKUP", script: index % scripts)
        }
        return text
    }

    static func instance(_ index: Int, priority: Int, state: String, script: Int) -> String {
        let vrid = index % instancesPerInterface + 1
        let third = index % 3
        let network = ["192.0.2", "198.51.100", "203.0.113"][third]
        let host = index / 3 % 254 + 1
        return """
            vrrp_instance VI_\(index) {
                state \(state)
                interface \(interfaceName(forInstance: index))
                virtual_router_id \(vrid)
                priority \(priority)
                advert_int 1
                garp_master_refresh 60
                garp_master_refresh_repeat 2
                authentication {
                    auth_type PASS
                    auth_pass pw\(index % 100000)
                }
                virtual_ipaddress {
                    \(network).\(host)/24 dev \(interfaceName(forInstance: index)) label \(interfaceName(forInstance: index)):\(vrid)
                }
                track_script {
                    chk_\(script)
                }
                # instance \(index) of the generated set
            }


            """
    }
}
