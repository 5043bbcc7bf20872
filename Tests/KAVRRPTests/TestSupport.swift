import KAVRRP

/// A deterministic pseudo-random generator (SplitMix64) so every test and scenario replays from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension VRRPInstant {
    static func seconds(_ value: Double) -> VRRPInstant { VRRPInstant(microseconds: Int64(value * 1_000_000)) }
}

extension VRRPDuration {
    static func secondsDouble(_ value: Double) -> VRRPDuration { VRRPDuration(microseconds: Int64(value * 1_000_000)) }
}

/// One router under test with a clock and the actions it produced.
struct Harness {
    var router: VRRPRouter
    var now = VRRPInstant.zero
    var log: [VRRPAction] = []

    init(_ instances: [InstanceConfiguration], groups: [SyncGroupConfiguration] = []) throws {
        router = try VRRPRouter(instances: instances, syncGroups: groups)
    }

    @discardableResult
    mutating func handle(_ event: VRRPEvent, at time: VRRPInstant? = nil) -> [VRRPAction] {
        if let time { now = time }
        let actions = router.handle(event, at: now)
        log += actions
        return actions
    }

    @discardableResult
    mutating func start() -> [VRRPAction] { handle(.start) }

    /// Fires the instance's timer at its deadline (and moves the clock there).
    @discardableResult
    mutating func fire(_ kind: InstanceTimer, of name: String = "VI_1") -> [VRRPAction] {
        guard let deadline = router.instance(named: name)?.deadline(of: kind) else { return [] }
        return handle(.timerFired(TimerID(instance: name, kind: kind)), at: deadline)
    }

    func state(_ name: String = "VI_1") -> InstanceState? { router.instance(named: name)?.state }
    func instance(_ name: String = "VI_1") -> VRRPInstance { router.instance(named: name)! }

    /// An advert as another router on the segment would send it.
    static func packet(
        from source: IPAddress,
        to destination: IPAddress = .vrrpMulticastIPv4,
        vrid: UInt8 = 51,
        priority: UInt8,
        version: VRRPVersion = .v2,
        interval: UInt16? = nil,
        addresses: [IPAddress] = ["192.0.2.100"],
        authentication: VRRPAuthentication = .none,
        hopLimit: UInt8? = 255
    ) -> ReceivedPacket {
        let advertisement = VRRPAdvertisement(
            version: version, virtualRouterID: vrid, priority: priority,
            advertisementInterval: interval ?? (version == .v2 ? 1 : 100),
            addresses: addresses, authentication: authentication)
        let addressing = PacketAddressing(source: source, destination: destination)
        let payload = try! AdvertisementCodec.encode(advertisement, addressing: addressing)
        return ReceivedPacket(payload: payload, source: source, destination: destination, hopLimit: hopLimit)
    }

    @discardableResult
    mutating func receive(_ packet: ReceivedPacket, at time: VRRPInstant? = nil) -> [VRRPAction] {
        handle(.advertisementReceived(packet), at: time)
    }
}

extension Array where Element == VRRPAction {
    var sentAdvertisements: [OutgoingAdvertisement] {
        compactMap { if case .sendAdvertisement(let advert) = $0 { advert } else { nil } }
    }

    var notifications: [NotifyInvocation] {
        compactMap { if case .runNotify(let invocation) = $0 { invocation } else { nil } }
    }

    var logLines: [String] {
        compactMap { if case .log(let event) = $0 { event.description } else { nil } }
    }

    var rejections: [AdvertisementRejection] {
        compactMap { if case .log(.advertisementRejected(_, _, let rejection)) = $0 { rejection } else { nil } }
    }

    func armed(_ kind: InstanceTimer) -> VRRPInstant? {
        for action in reversed() { if case .armTimer(let id, let at) = action, id.kind == kind { return at } }
        return nil
    }

    /// Actions reduced to a short name each, to check their order.
    var kinds: [String] {
        map { action in
            switch action {
            case .sendAdvertisement(let advert): "advert(\(advert.advertisement.priority))"
            case .addAddresses: "addAddresses"
            case .removeAddresses: "removeAddresses"
            case .addRoutes: "addRoutes"
            case .removeRoutes: "removeRoutes"
            case .addRules: "addRules"
            case .removeRules: "removeRules"
            case .announce(let announcement): "announce(\(announcement.repeatCount))"
            case .runNotify: "notify"
            case .armTimer(let id, _): "arm(\(id.kind))"
            case .cancelTimer(let id): "cancel(\(id.kind))"
            case .stateChanged(_, _, let to): "state(\(to))"
            case .log: "log"
            }
        }
    }
}

enum Sample {
    static let local: IPAddress = "192.0.2.10"
    static let higherPeer: IPAddress = "192.0.2.20"
    static let lowerPeer: IPAddress = "192.0.2.5"

    static func instance(
        name: String = "VI_1",
        vrid: UInt8 = 51,
        version: VRRPVersion = .v2,
        priority: UInt8 = 100,
        source: IPAddress = local,
        configure: (inout InstanceConfiguration) -> Void = { _ in }
    ) -> InstanceConfiguration {
        var configuration = InstanceConfiguration(
            name: name, virtualRouterID: vrid, version: version, priority: priority,
            sourceAddress: source, virtualAddresses: [VirtualAddress("192.0.2.100", prefixLength: 24)])
        configure(&configuration)
        return configuration
    }
}
