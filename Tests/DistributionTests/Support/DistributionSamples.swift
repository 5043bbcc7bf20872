import Foundation

/// The node configurations the distribution tests hand to the tools: one kalint accepts and
/// kafmt leaves as it is, the same with an out-of-range VRID (an error), and the good one badly
/// indented; and the Jinja templates of the Ansible test that render to the first two.
enum DistributionSamples {
    static let good = """
        ! Gateway VIP of the lab LAN.
        vrrp_instance VI_1 {
            state MASTER
            interface eth0
            virtual_router_id 51
            priority 100
            advert_int 1
            authentication {
                auth_type PASS
                auth_pass lab51key
            }
            virtual_ipaddress {
                192.0.2.10/24
            }
        }

        """

    static let bad = good.replacingOccurrences(of: "virtual_router_id 51", with: "virtual_router_id 300")

    /// What kalint says of `bad`, and the code of the rule.
    static let badDiagnostic = "virtual_router_id '300' is not a number from 1 to 255"
    static let badCode = "KA220"

    static let unformatted = good.replacingOccurrences(of: "\n    state MASTER", with: "\n  state MASTER")

    /// Ansible's template module trims the `{% set %}` line (trim_blocks).
    static let goodTemplate = "{% set vrid = 51 %}\n" + good.replacingOccurrences(of: "virtual_router_id 51", with: "virtual_router_id {{ vrid }}")
    static let badTemplate = goodTemplate.replacingOccurrences(of: "vrid = 51", with: "vrid = 300")
}
