import KAVRRP

/// Something that happens to the network or a node during the chaotic first phase.
enum Disruption: Hashable, CustomStringConvertible {
    /// Nodes in `side` can only talk among themselves (and the rest among themselves).
    case partition(side: [Int])
    case heal
    case loss(Double)
    case duplication(Double)
    case crash(Int)
    case restart(Int)
    /// SIGTERM: priority 0, release, stop.
    case shutdown(Int)
    case script(Int, up: Bool)
    case interface(Int, up: Bool)

    var description: String {
        switch self {
        case .partition(let side): "partition \(side)"
        case .heal: "heal"
        case .loss(let rate): "loss \(rate)"
        case .duplication(let rate): "duplication \(rate)"
        case .crash(let node): "crash node\(node)"
        case .restart(let node): "restart node\(node)"
        case .shutdown(let node): "shutdown node\(node)"
        case .script(let node, let up): "script node\(node) \(up ? "up" : "down")"
        case .interface(let node, let up): "interface node\(node) \(up ? "up" : "down")"
        }
    }
}

/// Everything about one simulated run, derived from its seed.
struct Scenario: CustomStringConvertible {
    let seed: UInt64
    var nodeCount: Int
    var version: VRRPVersion
    var family: AddressFamily
    var unicast: Bool
    var interval: VRRPDuration
    /// Two VRIDs per node in one sync group.
    var syncGroup: Bool
    var nopreempt: Bool
    var preemptDelay: VRRPDuration
    var priorities: [UInt8]
    /// Node configured priority 255 + `state MASTER`.
    var owner: Int?
    /// Weight of each node's `track_script chk` (0 = failure is FAULT).
    var scriptWeights: [Int]
    var latency: VRRPDuration
    var jitter: VRRPDuration
    /// Local clock = offset + rate × global time.
    var clockRates: [Double]
    var clockOffsets: [Int64]
    /// End of the chaotic phase (µs of global time); the calm phase follows.
    var chaosEnd: Int64
    var disruptions: [(time: Int64, disruption: Disruption)]

    var virtualRouterIDs: [UInt8] { syncGroup ? [51, 52] : [51] }
    var maximumLatency: VRRPDuration { latency + jitter }

    static func generate(seed: UInt64) -> Scenario {
        var random = SeededGenerator(seed: seed &* 0x2545_F491_4F6C_DD1D)
        let nodeCount = Int.random(in: 2...8, using: &random)
        let version: VRRPVersion = Bool.random(using: &random) ? .v2 : .v3
        let family: AddressFamily = version == .v3 && Int.random(in: 0..<3, using: &random) == 0 ? .ipv6 : .ipv4
        let interval: VRRPDuration = version == .v2
            ? .seconds(Int64.random(in: 1...2, using: &random))
            : [.milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1)].randomElement(using: &random)!
        let tiesLikely = Int.random(in: 0..<4, using: &random) == 0
        var priorities = (0..<nodeCount).map { _ in
            tiesLikely ? UInt8.random(in: 99...101, using: &random) : UInt8.random(in: 1...254, using: &random)
        }
        let owner: Int? = Int.random(in: 0..<8, using: &random) == 0 ? Int.random(in: 0..<nodeCount, using: &random) : nil
        if let owner { priorities[owner] = 255 }
        let scriptWeights = (0..<nodeCount).map { _ in
            Int.random(in: 0..<3, using: &random) == 0 ? 0 : Int.random(in: -60...60, using: &random)
        }
        let latency = VRRPDuration(microseconds: Int64.random(in: 50...(interval.microseconds / 50), using: &random))
        let jitter = VRRPDuration(microseconds: Int64.random(in: 0...(interval.microseconds / 50), using: &random))
        var scenario = Scenario(
            seed: seed,
            nodeCount: nodeCount,
            version: version,
            family: family,
            unicast: Bool.random(using: &random),
            interval: interval,
            syncGroup: Int.random(in: 0..<5, using: &random) == 0,
            nopreempt: Int.random(in: 0..<10, using: &random) == 0,
            preemptDelay: Int.random(in: 0..<10, using: &random) == 0 ? interval * 2 : .zero,
            priorities: priorities,
            owner: owner,
            scriptWeights: scriptWeights,
            latency: latency,
            jitter: jitter,
            clockRates: (0..<nodeCount).map { _ in 1 + Double(Int.random(in: -1000...1000, using: &random)) / 1_000_000 },
            clockOffsets: (0..<nodeCount).map { _ in Int64.random(in: 0...1_000_000_000, using: &random) },
            chaosEnd: 0,
            disruptions: []
        )
        if scenario.nopreempt { scenario.preemptDelay = .zero }
        scenario.planChaos(&random)
        return scenario
    }

    /// A handful of disruptions spread over about ten Master_Down_Intervals.
    private mutating func planChaos(_ random: inout SeededGenerator) {
        let down = VRRPTimers.masterDownInterval(version: version, priority: 1, masterAdvertisementInterval: interval).microseconds
        chaosEnd = down * Int64.random(in: 4...10, using: &random)
        func time() -> Int64 { Int64.random(in: 0..<chaosEnd, using: &random) }
        for _ in 0..<Int.random(in: 0...8, using: &random) {
            let at = time()
            let node = Int.random(in: 0..<nodeCount, using: &random)
            let later = min(chaosEnd, at + Int64.random(in: 1...(2 * down), using: &random))
            switch Int.random(in: 0..<8, using: &random) {
            case 0:
                let side = (0..<nodeCount).filter { _ in Bool.random(using: &random) }
                disruptions.append((at, .partition(side: side)))
                disruptions.append((later, .heal))
            case 1:
                disruptions.append((at, .loss(Double.random(in: 0.05...0.5, using: &random))))
                disruptions.append((later, .loss(0)))
            case 2:
                disruptions.append((at, .duplication(Double.random(in: 0.05...0.3, using: &random))))
            case 3:
                disruptions.append((at, .crash(node)))
                disruptions.append((later, .restart(node)))
            case 4:
                disruptions.append((at, .shutdown(node)))
                disruptions.append((later, .restart(node)))
            case 5:
                disruptions.append((at, .interface(node, up: false)))
                disruptions.append((later, .interface(node, up: true)))
            default:
                disruptions.append((at, .script(node, up: false)))
                if Bool.random(using: &random) { disruptions.append((later, .script(node, up: true))) }
            }
        }
        disruptions.sort { $0.time < $1.time }
    }

    func address(of node: Int) -> IPAddress {
        family == .ipv4 ? IPAddress(192, 0, 2, UInt8(10 + node)) : .v6(0x2001_0DB8_0000_0000, UInt64(10 + node))
    }

    func virtualAddress(for vrid: UInt8) -> VirtualAddress {
        family == .ipv4
            ? VirtualAddress(IPAddress(192, 0, 2, 100 + vrid), prefixLength: 24)
            : VirtualAddress(.v6(0x2001_0DB8_0000_0000, 0x100 + UInt64(vrid)), prefixLength: 64)
    }

    static let script = TrackerKey(.script, "chk")

    func configuration(of node: Int) -> (instances: [InstanceConfiguration], groups: [SyncGroupConfiguration]) {
        let peers = (0..<nodeCount).filter { $0 != node }.map { UnicastPeer(address(of: $0)) }
        let instances = virtualRouterIDs.map { vrid in
            InstanceConfiguration(
                name: "VI_\(vrid)",
                virtualRouterID: vrid,
                version: version,
                priority: priorities[node],
                advertisementInterval: interval,
                initialStateMaster: owner == node,
                sourceAddress: address(of: node),
                unicastPeers: unicast ? peers : [],
                virtualAddresses: [virtualAddress(for: vrid)],
                nopreempt: nopreempt && owner != node,
                preemptDelay: owner == node ? .zero : preemptDelay,
                trackers: [TrackerConfiguration(Self.script, weight: scriptWeights[node])]
            )
        }
        let groups = syncGroup
            ? [SyncGroupConfiguration(name: "G", members: instances.map(\.name), trackingWeight: true)]
            : []
        return (instances, groups)
    }

    var description: String {
        "seed \(seed): \(nodeCount) nodes, \(version) \(family) \(unicast ? "unicast" : "multicast"), advert_int \(interval)"
            + (syncGroup ? ", sync group" : "") + (nopreempt ? ", nopreempt" : "")
            + (preemptDelay > .zero ? ", preempt_delay \(preemptDelay)" : "")
            + ", priorities \(priorities), script weights \(scriptWeights), latency \(latency)+\(jitter)"
            + ", chaos until \(VRRPDuration(microseconds: chaosEnd)): "
            + disruptions.map { "\(VRRPDuration(microseconds: $0.time)) \($0.disruption)" }.joined(separator: ", ")
    }
}
