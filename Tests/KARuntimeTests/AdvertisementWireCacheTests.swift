import Testing
import KAVRRP
@testable import KARuntime

/// The daemon sends each instance's advert from `AdvertisementWireCache`: these drive the real
/// engine through every kind of change an advert can see and check that what the cache hands out
/// is byte for byte what a fresh encode makes, and that it encodes again exactly when the advert
/// changed.
@Suite struct AdvertisementWireCacheTests {
    /// One engine and the cache the daemon would keep beside it.
    struct Driver {
        var router: VRRPRouter
        var now = VRRPInstant.zero
        var cache = AdvertisementWireCache()

        init(_ configuration: InstanceConfiguration) throws {
            router = try VRRPRouter(instances: [configuration])
        }

        /// The adverts an event makes, each taken from the cache and compared with a fresh encode.
        mutating func packets(_ event: VRRPEvent) throws -> [WirePacket] {
            let adverts = router.handle(event, at: now).compactMap { action -> OutgoingAdvertisement? in
                if case .sendAdvertisement(let advert) = action { return advert }
                return nil
            }
            return try adverts.map { advert in
                let cached = try cache.packet(for: advert)
                let fresh = try WirePacket(advert: advert)
                #expect(cached.bytes == fresh.bytes, "cached advert differs from a fresh encode: \(advert)")
                #expect(cached.destination == advert.destination)
                #expect(cached.hopLimit == advert.hopLimit)
                return cached
            }
        }

        /// Moves the clock to the instance's next advert (or, as backup, master-down) deadline and fires it.
        mutating func fire() throws -> [WirePacket] {
            let instance = try #require(router.instance(named: "VI_1"))
            let kind: InstanceTimer = instance.deadline(of: .advertisement) != nil ? .advertisement : .masterDown
            now = try #require(instance.deadline(of: kind))
            return try packets(.timerFired(TimerID(instance: "VI_1", kind: kind)))
        }
    }

    /// The VRRP part of a packet as the cache holds it (IPv4: after the 20-byte header).
    static func advert(_ packet: WirePacket, checksum: ChecksumStyle = .standard) throws -> VRRPAdvertisement {
        let payload = packet.source.family == .ipv4 ? Array(packet.bytes.dropFirst(20)) : packet.bytes
        return try AdvertisementCodec.decode(
            payload, addressing: PacketAddressing(source: packet.source, destination: packet.destination), checksum: checksum)
    }

    static let configurations: [InstanceConfiguration] = [
        InstanceConfiguration(
            name: "VI_1", virtualRouterID: 7, version: .v2, sourceAddress: "192.0.2.1",
            virtualAddresses: [VirtualAddress("192.0.2.100")],
            authentication: .simplePassword(AuthenticationData(password: "secret"))),
        InstanceConfiguration(
            name: "VI_1", virtualRouterID: 7, version: .v3, advertisementInterval: .centiseconds(50),
            sourceAddress: "192.0.2.1", unicastPeers: [UnicastPeer("192.0.2.2"), UnicastPeer("192.0.2.3")], unicastTTL: 64,
            virtualAddresses: [VirtualAddress("192.0.2.100"), VirtualAddress("198.51.100.7")]),
        InstanceConfiguration(
            name: "VI_1", virtualRouterID: 7, version: .v3, sourceAddress: "192.0.2.1",
            virtualAddresses: [VirtualAddress("192.0.2.100")], checksumStyle: .withoutPseudoHeader),
        InstanceConfiguration(
            name: "VI_1", virtualRouterID: 9, version: .v3, sourceAddress: "fe80::1",
            virtualAddresses: [VirtualAddress("2001:db8::100")]),
        InstanceConfiguration(
            name: "VI_1", virtualRouterID: 9, version: .v3, sourceAddress: "2001:db8::1",
            unicastPeers: [UnicastPeer("2001:db8::2")], virtualAddresses: [VirtualAddress("2001:db8::100")]),
    ]

    @Test(arguments: configurations)
    func steadyAdvertsAreEncodedOnceAndEveryChangeEncodesAgain(_ base: InstanceConfiguration) throws {
        var driver = try Driver(base)
        _ = try driver.packets(.start)
        let peers = max(1, base.unicastPeers.count)
        let first = try driver.fire()
        #expect(driver.router.instance(named: "VI_1")?.state == .master)
        #expect(first.count == peers)
        #expect(try first.allSatisfy { try Self.advert($0, checksum: base.checksumStyle).priority == base.priority })
        #expect(driver.cache.packetsMade == peers)

        // Steady state: nothing changes, nothing is encoded.
        for _ in 0..<5 { #expect(try driver.fire().count == peers) }
        #expect(driver.cache.packetsMade == peers)

        // Each change reaches the wire at the next advert, encoded once per destination.
        var changed = base
        changed.priority = 150
        var made = driver.cache.packetsMade
        try expectChange(&driver, to: changed, made: &made) { #expect($0.priority == 150) }

        changed.virtualAddresses.append(VirtualAddress(base.family == .ipv4 ? "203.0.113.9" : "2001:db8::9"))
        try expectChange(&driver, to: changed, made: &made) { #expect($0.addresses == changed.virtualAddresses.map(\.address)) }

        changed.advertisementInterval = base.version == .v2 ? .seconds(3) : .centiseconds(120)
        try expectChange(&driver, to: changed, made: &made) {
            #expect($0.advertisementInterval == (base.version == .v2 ? 3 : 120))
        }

        if base.isUnicast {
            // Only the new peer's packet is made; the others' adverts did not change.
            changed.unicastPeers.append(UnicastPeer(base.family == .ipv4 ? "192.0.2.4" : "2001:db8::4"))
            let packets = try driver.packets(.reload(instances: [changed], syncGroups: []))
            #expect(packets.map(\.destination) == changed.unicastPeers.map(\.address))
            #expect(driver.cache.packetsMade == made + 1)
            made = driver.cache.packetsMade
        }

        // Back to the base priority: the entry is replaced again, not left stale.
        changed.priority = base.priority
        try expectChange(&driver, to: changed, made: &made) { #expect($0.priority == base.priority) }

        // State: stopping sends priority 0 once.
        let stopping = try driver.packets(.shutdown)
        #expect(stopping.count == max(1, changed.unicastPeers.count))
        #expect(try stopping.allSatisfy { try Self.advert($0, checksum: base.checksumStyle).priority == 0 })
        #expect(driver.cache.packetsMade == made + stopping.count)
    }

    /// Reloads `configuration` (a master advertises at once with it) and checks each packet with
    /// `check`, that exactly one packet per destination was made, and that the next advert is sent
    /// from the cache.
    func expectChange(
        _ driver: inout Driver, to configuration: InstanceConfiguration, made: inout Int,
        _ check: (VRRPAdvertisement) -> Void
    ) throws {
        let packets = try driver.packets(.reload(instances: [configuration], syncGroups: []))
        let destinations = configuration.isUnicast ? configuration.unicastPeers.map(\.address) : [.vrrpMulticastGroup(for: configuration.family)]
        #expect(packets.map(\.destination) == destinations)
        for packet in packets { check(try Self.advert(packet, checksum: configuration.checksumStyle)) }
        #expect(driver.cache.packetsMade == made + packets.count)
        made = driver.cache.packetsMade
        let next = try driver.fire()
        #expect(next.map(\.bytes) == packets.map(\.bytes))
        #expect(driver.cache.packetsMade == made)
    }

    @Test func anIPv4PacketCarriesTheHeaderTheSocketSends() throws {
        let advert = OutgoingAdvertisement(
            instance: "VI_1",
            advertisement: VRRPAdvertisement(
                version: .v3, virtualRouterID: 1, priority: 100, advertisementInterval: 100, addresses: ["192.0.2.100"]),
            source: "192.0.2.1", destination: "192.0.2.2", hopLimit: 64, checksumStyle: .standard)
        let packet = try WirePacket(advert: advert)
        let (envelope, payload) = try IPPacketCodec.decode(packet.bytes)
        #expect(envelope.source == "192.0.2.1")
        #expect(envelope.destination == "192.0.2.2")
        #expect(envelope.hopLimit == 64)
        #expect(envelope.trafficClass == 0xC0)
        // Identification 0: the kernel picks one per send (IP_HDRINCL), so the bytes can be reused.
        #expect(envelope.identification == 0)
        #expect(Array(payload) == (try advert.encoded()))
    }

    @Test func mixedFamiliesAreRefused() {
        let advert = OutgoingAdvertisement(
            instance: "VI_1",
            advertisement: VRRPAdvertisement(version: .v3, virtualRouterID: 1, priority: 100, advertisementInterval: 100, addresses: []),
            source: "192.0.2.1", destination: "2001:db8::2", hopLimit: 255, checksumStyle: .standard)
        var cache = AdvertisementWireCache()
        #expect(throws: (any Error).self) { try cache.packet(for: advert) }
        #expect(cache.isEmpty)
    }
}
