import ArgumentParser
import KAVRRP

/// `kabench vrrp`: how fast the VRRP engine runs.
///
/// Two nodes share `--instances` instances (half on each), one VRID per instance pair, VRRPv3 with
/// `--interval-ms` adverts and 100 µs latency, for `--seconds` of virtual time. Prints state-machine
/// events per second and simulated instance-seconds per wall second (> 1 = faster than real time).
struct VRRPBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vrrp",
        abstract: "VRRP engine: codec and state-machine events per second, simulated instance-seconds per wall second.")

    @Option(help: "Instances in total (split over two nodes).")
    var instances = 1_000

    @Option(name: .customLong("interval-ms"), help: "Advertisement interval in milliseconds (multiple of 10).")
    var intervalMilliseconds = 10

    @Option(help: "Virtual seconds to simulate.")
    var seconds = 10.0

    func run() throws {
        let codec = try Self.codecRate()
        print("codec: \(Self.format(codec.encode)) encodes/s, \(Self.format(codec.decode)) decodes/s (v3 IPv4, 1 address)")
        var run = try PairSimulation(instances: max(2, instances), interval: .milliseconds(Int64(intervalMilliseconds)))
        let clock = ContinuousClock()
        let start = clock.now
        run.simulate(until: Int64(seconds * 1_000_000))
        let wall = Self.seconds(clock.now - start)
        let instanceSeconds = Double(run.instanceCount) * seconds
        print("simulated \(run.instanceCount) instances at \(intervalMilliseconds) ms for \(seconds) s: \(run.events) events, \(run.packets) adverts, masters \(run.masters)/\(run.instanceCount / 2)")
        print("state-machine events/s: \(Self.format(Double(run.events) / wall))")
        print("instance-seconds per wall second: \(Self.format(instanceSeconds / wall)) (\(instanceSeconds / wall >= Double(run.instanceCount) ? "faster" : "slower") than real time for \(run.instanceCount) instances)")
    }

    static func codecRate() throws -> (encode: Double, decode: Double) {
        let advertisement = VRRPAdvertisement(version: .v3, virtualRouterID: 51, priority: 100, advertisementInterval: 1, addresses: ["192.0.2.100"])
        let addressing = PacketAddressing(source: "192.0.2.1", destination: .vrrpMulticastIPv4)
        let rounds = 200_000
        let clock = ContinuousClock()
        var start = clock.now
        var bytes: [UInt8] = []
        for _ in 0..<rounds { bytes = try AdvertisementCodec.encode(advertisement, addressing: addressing) }
        let encode = Double(rounds) / seconds(clock.now - start)
        start = clock.now
        var priorities = 0
        for _ in 0..<rounds { priorities &+= Int(try AdvertisementCodec.decode(bytes, addressing: addressing).priority) }
        let decode = Double(rounds) / seconds(clock.now - start)
        precondition(priorities == 100 * rounds)
        return (encode, decode)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    static func format(_ value: Double) -> String {
        if value >= 1e6 { return String(Double(Int(value / 1e4)) / 100) + "M" }
        if value >= 1e3 { return String(Double(Int(value / 10)) / 100) + "k" }
        return String(Double(Int(value * 100)) / 100)
    }
}

/// Two routers, each with half of the instances; node 0 has the higher priority everywhere.
private struct PairSimulation {
    enum Event {
        case deliver(node: Int, ReceivedPacket)
        case timer(node: Int, TimerID, deadline: Int64)
    }

    var routers: [VRRPRouter]
    var timers: [[TimerID: Int64]] = [[:], [:]]
    var queue = EventQueue<Event>()
    var now: Int64 = 0
    var events = 0
    var packets = 0
    let instanceCount: Int
    let latency: Int64 = 100
    /// Instance name → interface, to tag deliveries the way a socket per interface would.
    var interfaces: [String: String] = [:]

    init(instances: Int, interval: VRRPDuration) throws {
        instanceCount = instances / 2 * 2
        let addresses: [IPAddress] = ["192.0.2.1", "192.0.2.2"]
        routers = try (0..<2).map { node in
            let configurations = (0..<(instances / 2)).map { index in
                InstanceConfiguration(
                    name: "VI_\(index)",
                    virtualRouterID: UInt8(index % 255 + 1),
                    version: .v3,
                    priority: node == 0 ? 200 : 100,
                    advertisementInterval: interval,
                    sourceAddress: addresses[node],
                    interface: "eth\(index / 255)",
                    virtualAddresses: [VirtualAddress(.v4(UInt32(0xC633_6400) + UInt32(index % 65_536)))])
            }
            return try VRRPRouter(instances: configurations)
        }
        for instance in routers[0].instances { interfaces[instance.name] = instance.configuration.interface }
        for node in 0..<2 { handle(.start, node) }
    }

    var masters: Int { routers[0].instances.filter { $0.state == .master }.count }

    mutating func simulate(until end: Int64) {
        while let (time, event) = queue.pop(), time <= end {
            now = time
            switch event {
            case .deliver(let node, let packet):
                handle(.advertisementReceived(packet), node)
            case .timer(let node, let id, let deadline):
                guard timers[node][id] == deadline else { continue }
                timers[node][id] = nil
                handle(.timerFired(id), node)
            }
        }
    }

    mutating func handle(_ event: VRRPEvent, _ node: Int) {
        events += 1
        let actions = routers[node].handle(event, at: VRRPInstant(microseconds: now))
        for action in actions {
            switch action {
            case .sendAdvertisement(let advert):
                guard let payload = try? advert.encoded() else { continue }
                packets += 1
                let packet = ReceivedPacket(
                    payload: payload, source: advert.source, destination: advert.destination,
                    hopLimit: advert.hopLimit, interface: interfaces[advert.instance])
                queue.push(.deliver(node: 1 - node, packet), at: now + latency)
            case .armTimer(let id, let at):
                timers[node][id] = at.microseconds
                queue.push(.timer(node: node, id, deadline: at.microseconds), at: at.microseconds)
            case .cancelTimer(let id):
                timers[node][id] = nil
            default:
                break
            }
        }
    }
}
