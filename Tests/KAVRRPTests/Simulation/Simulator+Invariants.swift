import KAVRRP

/// The properties every scenario must have once the network is whole again.
extension Simulator {
    /// The network heals, loss and duplication stop, crashed nodes restart and interfaces come
    /// back; tracker results stay as they are. The bounds below all follow from the timers:
    /// convergence within one advert interval + Master_Down_Interval (+ preempt_delay), stretched by
    /// the slowest clock, plus two one-way latencies (an advert must travel, and its answer).
    mutating func startCalm() {
        calmSince = now
        trace?.append("\(VRRPDuration(microseconds: now)) calm")
        disrupt(.heal)
        loss = 0
        duplication = 0
        updateWholeness()
        for node in nodes.indices where !nodes[node].interfaceUp { disrupt(.interface(node, up: true)) }
        for node in nodes.indices where !nodes[node].isRunning { boot(node) }
        let latency = scenario.maximumLatency.microseconds
        convergenceBound = scaled(scenario.interval.microseconds + masterDownMaximum + scenario.preemptDelay.microseconds) + 2 * latency + 2_000
        queue.push(.control(.checkConverged(stage: 0)), at: now + convergenceBound)
    }

    var masterDownMaximum: Int64 {
        VRRPTimers.masterDownInterval(version: scenario.version, priority: 1, masterAdvertisementInterval: scenario.interval).microseconds
    }

    /// A duration measured on the slowest local clock, in global time.
    func scaled(_ microseconds: Int64) -> Int64 {
        Int64(Double(microseconds) / nodes.map(\.clockRate).min()!) + 1
    }

    mutating func checkConverged(stage: Int) {
        if let problem = masterProblem() {
            violations.append("not converged \(VRRPDuration(microseconds: convergenceBound)) after stage \(stage): \(problem)")
        }
        stable = true
        let next: Control = switch stage {
        case 0: .crashMaster
        case 1: .releaseMaster
        default: .end
        }
        queue.push(.control(next), at: now + 2 * scenario.interval.microseconds)
    }

    /// Between disruptions of the calm phase nothing may change: one master, the right one.
    mutating func checkStable() {
        if let problem = masterProblem() {
            violations.append("unstable at \(VRRPDuration(microseconds: now)): \(problem)")
            stable = false
        }
    }

    /// nil when every VRID has exactly one master (none if no node can be master) and, with
    /// preemption, the master has the highest effective priority. Equal priorities are decided by
    /// the address only between two masters (RFC 5798 §6.4.3); a backup of equal priority does not
    /// preempt (§6.4.2), so any node of the highest priority is a correct master.
    func masterProblem() -> String? {
        let candidates = eligible(excluding: nil)
        // A sync group is never split across nodes: both VRIDs are mastered on the same node.
        let masterNodes = Set(scenario.virtualRouterIDs.map { vrid in nodes.indices.filter { state(of: $0, vrid) == .master } })
        if masterNodes.count > 1 { return "sync group split across nodes: masters \(masterNodes)" }
        for vrid in scenario.virtualRouterIDs {
            let masters = nodes.indices.filter { state(of: $0, vrid) == .master }
            guard masters.count == (candidates.isEmpty ? 0 : 1) else { return "VRID \(vrid) has masters \(masters)" }
            guard !scenario.nopreempt, let master = masters.first else { continue }
            if let best = candidates.max(by: { rank($0) < rank($1) }), rank(best).priority != rank(master).priority {
                return "VRID \(vrid) master is node\(master) \(rank(master)) but node\(best) \(rank(best)) should win"
            }
        }
        return nil
    }

    func instance(of node: Int, _ vrid: UInt8) -> VRRPInstance? {
        nodes[node].router?.instance(named: vrid == 51 ? "VI_51" : "VI_52")
    }

    func state(of node: Int, _ vrid: UInt8) -> InstanceState? { instance(of: node, vrid)?.state }

    /// Running nodes that can be master: interface up, no fault, not waiting for trackers.
    func eligible(excluding excluded: Int?) -> [Int] {
        nodes.indices.filter { node in
            guard node != excluded, nodes[node].interfaceUp, let instance = instance(of: node, scenario.virtualRouterIDs[0]) else { return false }
            return (instance.state == .backup || instance.state == .master) && instance.isUp && instance.pending.isEmpty
        }
    }

    func rank(_ node: Int) -> Rank {
        Rank(priority: instance(of: node, scenario.virtualRouterIDs[0])?.effectivePriority ?? 0, address: nodes[node].address)
    }

    func currentMaster() -> Int? { nodes.indices.first { state(of: $0, scenario.virtualRouterIDs[0]) == .master } }

    /// Members of a node's sync group are always in the same state after an event.
    mutating func checkSyncGroups(_ node: Int) {
        guard scenario.syncGroup, nodes[node].isRunning else { return }
        let states = scenario.virtualRouterIDs.map { state(of: node, $0) }
        if Set(states).count > 1 {
            violations.append("sync group split on node\(node) at \(VRRPDuration(microseconds: now)): \(states.map { $0?.description ?? "-" })")
        }
    }

    /// Tracks who holds each VRID's addresses. While the network is whole (no partition, no
    /// loss: from the heal on, in the chaos phase too), two holders may coexist for at most one
    /// advert interval plus latency: the time for the stronger master's next advert to arrive.
    mutating func hold(_ vrid: UInt8, _ node: Int, _ holding: Bool) {
        if holding { holders[vrid, default: []].insert(node) } else { holders[vrid]?.remove(node) }
        let count = holders[vrid]?.count ?? 0
        if count > 1, overlapSince[vrid] == nil {
            overlapSince[vrid] = now
        } else if count <= 1, let since = overlapSince.removeValue(forKey: vrid) {
            checkOverlap(vrid, since: since)
        }
    }

    /// The network is whole when nobody is partitioned off and nothing is lost.
    mutating func updateWholeness() {
        let whole = loss == 0 && Set(component).count == 1
        if !whole {
            wholeSince = nil
        } else if wholeSince == nil {
            wholeSince = now
        }
    }

    mutating func closeOverlaps() {
        for (vrid, since) in overlapSince { checkOverlap(vrid, since: since) }
        overlapSince = [:]
    }

    mutating func checkOverlap(_ vrid: UInt8, since: Int64) {
        guard let wholeSince else { return }
        let start = max(since, wholeSince)
        let duration = now - start
        if duration > overlapAllowance {
            violations.append("VRID \(vrid) addresses held twice for \(VRRPDuration(microseconds: duration)) from \(VRRPDuration(microseconds: start)), allowed \(VRRPDuration(microseconds: overlapAllowance))")
        }
    }
}

/// Election order: effective priority, then primary address.
struct Rank: Comparable, CustomStringConvertible {
    var priority: UInt8
    var address: IPAddress
    static func < (lhs: Rank, rhs: Rank) -> Bool { (lhs.priority, lhs.address) < (rhs.priority, rhs.address) }
    var description: String { "(\(priority), \(address))" }
}
