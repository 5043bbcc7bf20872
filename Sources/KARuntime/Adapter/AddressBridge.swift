import KAConfig
import KAVRRP

// Temporary until KAConfig and KAVRRP share one IPAddress type (KAAddress): converts by bytes.
extension KAVRRP.IPAddress {
    init(_ model: KAConfig.IPAddress) {
        switch model {
        case .v4(let value): self = .v4(IPv4Address(value))
        case .v6(let high, let low): self = .v6(IPv6Address(high: high, low: low))
        }
    }
}
