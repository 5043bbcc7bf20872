import KAVRRP

/// Advertisements sent by keepalived 2.2.7 itself, captured with tcpdump in a pair of network
/// namespaces by scripts/capture-vrrp-vectors.sh (whole IP packets, IP header included).
enum CaptureVectors {
    struct Vector: Sendable, CustomStringConvertible {
        var name: String
        var hex: String
        var envelope: IPEnvelope
        var advertisement: VRRPAdvertisement
        var description: String { name }
    }

    static let nodeA: IPAddress = "192.0.2.1"
    static let nodeB: IPAddress = "192.0.2.2"
    static let nodeALinkLocal: IPAddress = "fe80::ff:fe00:a"

    static let all: [Vector] = [
        Vector(
            name: "v2 PASS authentication, two addresses",
            hex: "45c0002c00010000ff70188dc0000201e00000122133960201015580c0000264c00002657365637265743132",
            envelope: IPEnvelope(source: nodeA, destination: .vrrpMulticastIPv4, identification: 1),
            advertisement: VRRPAdvertisement(
                version: .v2, virtualRouterID: 51, priority: 150, advertisementInterval: 1,
                addresses: ["192.0.2.100", "192.0.2.101"],
                authentication: .simplePassword(AuthenticationData(password: "secret12")))
        ),
        Vector(
            name: "v2 PASS authentication, priority 0 at shutdown",
            hex: "45c0002c00030000ff70188bc0000201e0000012213300020101eb80c0000264c00002657365637265743132",
            envelope: IPEnvelope(source: nodeA, destination: .vrrpMulticastIPv4, identification: 3),
            advertisement: VRRPAdvertisement(
                version: .v2, virtualRouterID: 51, priority: 0, advertisementInterval: 1,
                addresses: ["192.0.2.100", "192.0.2.101"],
                authentication: .simplePassword(AuthenticationData(password: "secret12")))
        ),
        Vector(
            name: "v2 without authentication",
            hex: "45c0002800010000ff701891c0000201e0000012213464010001b85ac000026e0000000000000000",
            envelope: IPEnvelope(source: nodeA, destination: .vrrpMulticastIPv4, identification: 1),
            advertisement: VRRPAdvertisement(
                version: .v2, virtualRouterID: 52, priority: 100, advertisementInterval: 1,
                addresses: ["192.0.2.110"])
        ),
        Vector(
            name: "v2 without authentication, priority 0 at shutdown",
            hex: "45c0002800030000ff70188fc0000201e00000122134000100011c5bc000026e0000000000000000",
            envelope: IPEnvelope(source: nodeA, destination: .vrrpMulticastIPv4, identification: 3),
            advertisement: VRRPAdvertisement(
                version: .v2, virtualRouterID: 52, priority: 0, advertisementInterval: 1,
                addresses: ["192.0.2.110"])
        ),
        Vector(
            name: "v3 IPv4 multicast, 50 cs interval, three addresses",
            hex: "45c0002800010000ff701891c0000201e00000123135c80300321c8fc0000278c0000279c000027a",
            envelope: IPEnvelope(source: nodeA, destination: .vrrpMulticastIPv4, identification: 1),
            advertisement: VRRPAdvertisement(
                version: .v3, virtualRouterID: 53, priority: 200, advertisementInterval: 50,
                addresses: ["192.0.2.120", "192.0.2.121", "192.0.2.122"])
        ),
        Vector(
            name: "v3 IPv4 multicast, priority 0 at shutdown",
            hex: "45c0002800080000ff70188ac0000201e0000012313500030032e48fc0000278c0000279c000027a",
            envelope: IPEnvelope(source: nodeA, destination: .vrrpMulticastIPv4, identification: 8),
            advertisement: VRRPAdvertisement(
                version: .v3, virtualRouterID: 53, priority: 0, advertisementInterval: 50,
                addresses: ["192.0.2.120", "192.0.2.121", "192.0.2.122"])
        ),
        Vector(
            name: "v3 IPv6 multicast from the link-local address",
            hex: "6c058f00002870fffe80000000000000000000fffe00000aff0200000000000000000000000000123136780200642c49fe80000000000000000000000000005420010db8000000000000000000000054",
            envelope: IPEnvelope(source: nodeALinkLocal, destination: .vrrpMulticastIPv6, flowLabel: 0x58F00),
            advertisement: VRRPAdvertisement(
                version: .v3, virtualRouterID: 54, priority: 120, advertisementInterval: 100,
                addresses: ["fe80::54", "2001:db8::54"])
        ),
        Vector(
            name: "v3 IPv6 multicast, priority 0 at shutdown",
            hex: "6c058f00002870fffe80000000000000000000fffe00000aff020000000000000000000000000012313600020064a449fe80000000000000000000000000005420010db8000000000000000000000054",
            envelope: IPEnvelope(source: nodeALinkLocal, destination: .vrrpMulticastIPv6, flowLabel: 0x58F00),
            advertisement: VRRPAdvertisement(
                version: .v3, virtualRouterID: 54, priority: 0, advertisementInterval: 100,
                addresses: ["fe80::54", "2001:db8::54"])
        ),
        Vector(
            name: "v3 IPv4 unicast to one peer",
            hex: "45c0002000010000ff7036a9c0000201c00002023137b4010064d35fc0000282",
            envelope: IPEnvelope(source: nodeA, destination: nodeB, identification: 1),
            advertisement: VRRPAdvertisement(
                version: .v3, virtualRouterID: 55, priority: 180, advertisementInterval: 100,
                addresses: ["192.0.2.130"])
        ),
        Vector(
            name: "v3 IPv4 unicast, priority 0 at shutdown",
            hex: "45c0002000030000ff7036a7c0000201c00002023137000100648760c0000282",
            envelope: IPEnvelope(source: nodeA, destination: nodeB, identification: 3),
            advertisement: VRRPAdvertisement(
                version: .v3, virtualRouterID: 55, priority: 0, advertisementInterval: 100,
                addresses: ["192.0.2.130"])
        ),
    ]

    static func bytes(_ hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var iterator = hex.utf8.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            result.append(UInt8(nibble(high) << 4 | nibble(low)))
        }
        return result
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    private static func nibble(_ character: UInt8) -> UInt8 {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        default: preconditionFailure("bad hex digit")
        }
    }
}
