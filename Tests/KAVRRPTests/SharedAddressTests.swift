import KAConfig
import KAVRRP
import Testing

/// KAConfig's model and KAVRRP's engine use one address type (KAAddress's `IPAddress`).
@Suite("Shared IP address type")
struct SharedAddressTests {
    @Test func configAddressesFeedTheEngineWithoutConversion() throws {
        let text = """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                priority 150
                unicast_src_ip 192.0.2.10
                unicast_peer {
                    192.0.2.11
                }
                virtual_ipaddress {
                    192.0.2.100/24
                    198.51.100.7
                }
            }

            """
        let analysis = Analyzer.analyze(path: "/etc/keepalived/keepalived.conf", text: text)
        let instance = try #require(analysis.model.instances.first)
        let source = try #require(instance.unicastSourceIP)
        // The model's values go straight into the engine's configuration: same type, no conversion.
        let configuration = InstanceConfiguration(
            name: instance.name,
            virtualRouterID: UInt8(try #require(instance.virtualRouterID)),
            priority: UInt8(instance.priority),
            sourceAddress: source,
            interface: instance.interface ?? "eth0",
            unicastPeers: instance.unicastPeers.map { KAVRRP.UnicastPeer($0.address) },
            virtualAddresses: instance.virtualAddresses.map {
                KAVRRP.VirtualAddress($0.address, prefixLength: UInt8($0.prefixLength))
            }
        )
        #expect(configuration.sourceAddress == IPAddress(192, 0, 2, 10))
        #expect(configuration.family == .ipv4)
        #expect(configuration.unicastPeers.map(\.address) == ["192.0.2.11"])
        #expect(configuration.virtualAddresses.map(\.address) == ["192.0.2.100", "198.51.100.7"])
        #expect(configuration.virtualAddresses.map(\.prefixLength) == [24, 32])
        _ = try VRRPRouter(instances: [configuration], syncGroups: [])

        // And what the engine puts on the wire decodes to the model's addresses.
        let advertisement = VRRPAdvertisement(
            version: .v2, virtualRouterID: 51, priority: 150, advertisementInterval: 1,
            addresses: instance.virtualAddresses.map(\.address))
        let addressing = PacketAddressing(source: source, destination: instance.unicastPeers[0].address)
        let bytes = try AdvertisementCodec.encode(advertisement, addressing: addressing)
        let decoded = try AdvertisementCodec.decode(bytes, addressing: addressing)
        #expect(decoded.addresses == instance.virtualAddresses.map(\.address))

        // The model's default groups are the engine's.
        #expect(analysis.model.globalDefs.multicastGroup4 == IPAddress.vrrpMulticastGroup(for: .ipv4))
        #expect(analysis.model.globalDefs.multicastGroup6 == IPAddress.vrrpMulticastGroup(for: .ipv6))
    }

    @Test func ipv6ConfigAddressesFeedTheEngine() throws {
        let text = """
            vrrp_instance VI_6 {
                interface eth0
                virtual_router_id 7
                unicast_src_ip fe80::1
                virtual_ipaddress {
                    2001:DB8:0:0:0:0:0:1/64
                }
            }

            """
        let analysis = Analyzer.analyze(path: "/etc/keepalived/keepalived.conf", text: text)
        let instance = try #require(analysis.model.instances.first)
        let configuration = InstanceConfiguration(
            name: instance.name, virtualRouterID: 7, version: .v3,
            sourceAddress: try #require(instance.unicastSourceIP),
            virtualAddresses: instance.virtualAddresses.map { KAVRRP.VirtualAddress($0.address, prefixLength: 64) })
        #expect(configuration.family == .ipv6)
        #expect(configuration.sourceAddress.isLinkLocal)
        #expect(configuration.virtualAddresses[0].address == "2001:db8::1")
        #expect(configuration.virtualAddresses[0].address.description == "2001:db8::1")
        _ = try VRRPRouter(instances: [configuration], syncGroups: [])
    }

    /// A random address; IPv6 groups are often zero so that `::` runs (and IPv4-mapped forms) show up.
    static func randomAddress(_ random: inout SeededGenerator) -> IPAddress {
        switch random.next() % 4 {
        case 0:
            return .v4(UInt32(truncatingIfNeeded: random.next()))
        case 1:
            return .v6(0, 0xFFFF_0000_0000 | random.next() & 0xFFFF_FFFF)
        default:
            var halves: [UInt64] = [0, 0]
            for group in 0..<8 {
                let value = random.next() % 3 == 0 ? random.next() & 0xFFFF : 0
                halves[group / 4] = halves[group / 4] << 16 | value
            }
            return .v6(halves[0], halves[1])
        }
    }

    @Test func bytesTextAndValueRoundTrip() throws {
        var random = SeededGenerator(seed: 0xADD7E55)
        for _ in 0..<5_000 {
            let address = Self.randomAddress(&random)
            let bytes = address.bytes
            #expect(bytes.count == address.family.addressLength)
            #expect(IPAddress(bytes: bytes) == address)
            #expect(IPAddress(bytes: bytes[...]) == address)
            let text = address.description
            let parsed = try #require(IPAddress(text), "\(text) does not parse")
            #expect(parsed == address)
            #expect(parsed.description == text)
            #expect(IPAddress(text[...]) == address)
            #expect(address.isIPv6 == (address.family == .ipv6))
            #expect(address.bitCount == 8 * bytes.count)
        }
    }

    @Test func orderFollowsTheBytes() {
        var random = SeededGenerator(seed: 99)
        for _ in 0..<2_000 {
            let a = Self.randomAddress(&random)
            let b = Self.randomAddress(&random)
            guard a.family == b.family else {
                #expect((a < b) == (a.family == .ipv4))
                continue
            }
            #expect((a < b) == a.bytes.lexicographicallyPrecedes(b.bytes))
        }
    }

    @Test func wireHelpers() {
        #expect(IPAddress(bytes: [1, 2, 3]) == nil)
        #expect(IPAddress(bytes: [UInt8](repeating: 0, count: 5)) == nil)
        #expect(IPAddress(bytes: [192, 0, 2, 1]) == "192.0.2.1")
        #expect(IPAddress.vrrpMulticastIPv4 == "224.0.0.18" && IPAddress.vrrpMulticastIPv4.isMulticast)
        #expect(IPAddress.vrrpMulticastIPv6 == "ff02::12" && IPAddress.vrrpMulticastIPv6.isMulticast)
        #expect(IPAddress.vrrpMulticastIPv6.bytes == [0xFF, 0x02] + [UInt8](repeating: 0, count: 13) + [0x12])
        let linkLocal: [IPAddress] = ["169.254.0.1", "169.254.255.255", "fe80::1", "febf::1"]
        let notLinkLocal: [IPAddress] = ["169.253.255.255", "169.255.0.0", "fec0::1", "fe7f::1", "::"]
        #expect(linkLocal.map(\.isLinkLocal) == [true, true, true, true])
        #expect(notLinkLocal.map(\.isLinkLocal) == [false, false, false, false, false])
        #expect(IPAddress("0.0.0.0").isUnspecified && IPAddress("::").isUnspecified)
        #expect(!IPAddress("::1").isUnspecified && !IPAddress("0.0.0.1").isUnspecified)
        #expect(!IPAddress("223.255.255.255").isMulticast && IPAddress("239.255.255.255").isMulticast)
        #expect(AddressFamily.ipv4.addressLength == 4 && AddressFamily.ipv6.addressLength == 16)
    }
}
