import KAVRRP

/// One simulated machine: its router (nil while crashed or stopped), its clock and its timers.
/// A class so that the simulator's per-event accesses never copy a router.
final class SimulatedNode {
    let index: Int
    let address: IPAddress
    let instances: [InstanceConfiguration]
    let groups: [SyncGroupConfiguration]
    var router: VRRPRouter?
    /// Local time = offset + rate × global time (clock skew and drift).
    let clockRate: Double
    let clockOffset: Int64
    /// Armed timers by local deadline; a queued timer whose deadline no longer matches is stale.
    var timers: [TimerID: Int64] = [:]
    var scriptUp = true
    var interfaceUp = true

    init(index: Int, address: IPAddress, instances: [InstanceConfiguration], groups: [SyncGroupConfiguration], clockRate: Double, clockOffset: Int64) {
        self.index = index
        self.address = address
        self.instances = instances
        self.groups = groups
        self.clockRate = clockRate
        self.clockOffset = clockOffset
    }

    func localTime(at global: Int64) -> Int64 { clockOffset + Int64((Double(global) * clockRate).rounded(.down)) }

    func globalTime(ofLocal local: Int64) -> Int64 { Int64((Double(local - clockOffset) / clockRate).rounded(.up)) }

    var isRunning: Bool { router != nil }

    func vrid(of instance: String) -> UInt8? { instances.first { $0.name == instance }?.virtualRouterID }
}
