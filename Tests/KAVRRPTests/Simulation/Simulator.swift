import KAVRRP

/// A deterministic discrete-event simulation of N nodes running `VRRPRouter` on one segment, in
/// virtual time, with latency, jitter, loss, duplication, partitions, crashes, restarts, clock
/// skew and failing track scripts; then a calm phase in which the invariants are checked.
struct Simulator {
    enum Control {
        case disruption(Disruption)
        case calmStart
        case checkConverged(stage: Int)
        case crashMaster
        case releaseMaster
        case checkTakeover(since: Int64, what: String)
        case end
    }

    enum Event {
        case deliver(node: Int, ReceivedPacket)
        case timer(node: Int, TimerID, localDeadline: Int64)
        case control(Control)
    }

    let scenario: Scenario
    var nodes: [SimulatedNode]
    var queue = EventQueue<Event>()
    var random: SeededGenerator
    var now: Int64 = 0
    var finished = false

    // Network state.
    var component: [Int]
    var loss = 0.0
    var duplication = 0.0
    /// Drops every packet without telling the checks (a broken network or engine): only to show
    /// that the checks can fail.
    var sabotaged = false
    /// Last delivery time per (sender, receiver): one Ethernet segment delays but never reorders.
    var linkClear: [Int64]

    // Observations.
    var violations: [String] = []
    var trace: [String]? = nil
    var eventsHandled = 0
    var packetsSent = 0
    /// Nodes holding each VRID's addresses.
    var holders: [UInt8: Set<Int>] = [:]
    var overlapSince: [UInt8: Int64] = [:]
    /// Since when the network has had no partition and no loss (nil while it has); overlapping
    /// address holders are only a violation in such a period.
    var wholeSince: Int64? = 0
    var lastMasterEntry: [UInt8: Int64] = [:]

    // Calm phase.
    var calmSince: Int64?
    /// While set, every event is followed by the "one master, the right one" check.
    var stable = false
    /// A state changed since the last stability check (nothing else can change who is master
    /// in the calm phase, so only then is the check worth running).
    var statesChanged = false
    var convergenceBound: Int64 = 0
    var overlapAllowance: Int64 = 0

    init(scenario: Scenario, tracing: Bool = false) {
        self.scenario = scenario
        random = SeededGenerator(seed: scenario.seed)
        component = Array(repeating: 0, count: scenario.nodeCount)
        linkClear = Array(repeating: 0, count: scenario.nodeCount * scenario.nodeCount)
        nodes = (0..<scenario.nodeCount).map { index in
            let (instances, groups) = scenario.configuration(of: index)
            return SimulatedNode(
                index: index, address: scenario.address(of: index), instances: instances, groups: groups,
                clockRate: scenario.clockRates[index], clockOffset: scenario.clockOffsets[index])
        }
        if tracing { trace = [] }
        overlapAllowance = scaled(scenario.interval.microseconds) + scenario.maximumLatency.microseconds + 2_000
    }

    // MARK: Running

    mutating func run() {
        for index in nodes.indices { boot(index) }
        for (time, disruption) in scenario.disruptions { queue.push(.control(.disruption(disruption)), at: time) }
        queue.push(.control(.calmStart), at: scenario.chaosEnd)
        while !finished, let (time, event) = queue.pop() {
            now = time
            eventsHandled += 1
            switch event {
            case .deliver(let node, let packet):
                guard nodes[node].interfaceUp else { continue }
                handle(.advertisementReceived(packet), on: node)
            case .timer(let node, let id, let deadline):
                guard nodes[node].timers[id] == deadline else { continue }
                nodes[node].timers[id] = nil
                handle(.timerFired(id), on: node, notBefore: deadline)
            case .control(let control):
                perform(control)
            }
            if stable, statesChanged { checkStable() }
            statesChanged = false
        }
    }

    /// Hands an event to a node's router at the node's local time and carries out the actions.
    mutating func handle(_ event: VRRPEvent, on node: Int, notBefore: Int64? = nil) {
        guard nodes[node].router != nil else { return }
        let local = max(nodes[node].localTime(at: now), notBefore ?? .min)
        let actions = nodes[node].router!.handle(event, at: VRRPInstant(microseconds: local))
        apply(actions, from: node)
        checkSyncGroups(node)
    }

    mutating func apply(_ actions: [VRRPAction], from node: Int) {
        for action in actions {
            switch action {
            case .sendAdvertisement(let advert):
                send(advert, from: node)
            case .addAddresses(let instance, _):
                if let vrid = nodes[node].vrid(of: instance) { hold(vrid, node, true) }
            case .removeAddresses(let instance, _):
                if let vrid = nodes[node].vrid(of: instance) { hold(vrid, node, false) }
            case .armTimer(let id, let at):
                nodes[node].timers[id] = at.microseconds
                let global = max(now, nodes[node].globalTime(ofLocal: at.microseconds))
                queue.push(.timer(node: node, id, localDeadline: at.microseconds), at: global)
            case .cancelTimer(let id):
                nodes[node].timers[id] = nil
            case .stateChanged(let instance, let from, let to):
                statesChanged = true
                if to == .master, let vrid = nodes[node].vrid(of: instance) { lastMasterEntry[vrid] = now }
                trace?.append("\(VRRPDuration(microseconds: now)) node\(node) \(instance) \(from) -> \(to)")
            case .log(let event):
                if trace != nil {
                    trace?.append("\(VRRPDuration(microseconds: now)) node\(node) \(event)")
                }
            case .addRoutes, .removeRoutes, .addRules, .removeRules, .announce, .runNotify:
                break
            }
        }
    }

    mutating func send(_ advert: OutgoingAdvertisement, from node: Int) {
        guard nodes[node].interfaceUp, !sabotaged else { return }
        let payload: [UInt8]
        do {
            payload = try advert.encoded()
        } catch {
            violations.append("node\(node) could not encode its advert: \(error)")
            return
        }
        packetsSent += 1
        let packet = ReceivedPacket(payload: payload, source: advert.source, destination: advert.destination, hopLimit: advert.hopLimit)
        for target in nodes.indices where target != node && component[target] == component[node] {
            guard advert.destination.isMulticast || nodes[target].address == advert.destination else { continue }
            if loss > 0, Double.random(in: 0..<1, using: &random) < loss { continue }
            let copies = duplication > 0 && Double.random(in: 0..<1, using: &random) < duplication ? 2 : 1
            for _ in 0..<copies {
                let delay = scenario.latency.microseconds + Int64.random(in: 0...scenario.jitter.microseconds, using: &random)
                let link = node * nodes.count + target
                let arrival = max(now + delay, linkClear[link])
                linkClear[link] = arrival
                queue.push(.deliver(node: target, packet), at: arrival)
            }
        }
    }

    // MARK: Node life cycle

    mutating func boot(_ node: Int) {
        do {
            nodes[node].router = try VRRPRouter(instances: nodes[node].instances, syncGroups: nodes[node].groups)
        } catch {
            violations.append("node\(node) configuration refused: \(error)")
            return
        }
        handle(.start, on: node)
        // The shell reports the script's current result and the interface state right away.
        handle(.trackerChanged(Scenario.script, nodes[node].scriptUp ? .up : .down), on: node)
        if !nodes[node].interfaceUp { handle(.interfaceChanged(name: "eth0", up: false), on: node) }
    }

    mutating func crash(_ node: Int) {
        guard nodes[node].isRunning else { return }
        nodes[node].router = nil
        nodes[node].timers = [:]
        statesChanged = true
        for vrid in scenario.virtualRouterIDs { hold(vrid, node, false) }
        trace?.append("\(VRRPDuration(microseconds: now)) node\(node) crashed")
    }

    mutating func shutdown(_ node: Int) {
        handle(.shutdown, on: node)
        crash(node)
    }

    mutating func perform(_ control: Control) {
        switch control {
        case .disruption(let disruption):
            trace?.append("\(VRRPDuration(microseconds: now)) \(disruption)")
            disrupt(disruption)
        case .calmStart:
            startCalm()
        case .checkConverged(let stage):
            checkConverged(stage: stage)
        case .crashMaster:
            stable = false
            guard let master = currentMaster(), eligible(excluding: master).count > 0 else {
                queue.push(.control(.checkConverged(stage: 1)), at: now + convergenceBound)
                return
            }
            crash(master)
            let deadline = scaled(masterDownMaximum) + scenario.maximumLatency.microseconds + 1_000
            queue.push(.control(.checkTakeover(since: now, what: "crashed master node\(master)")), at: now + deadline)
            queue.push(.control(.checkConverged(stage: 1)), at: now + convergenceBound)
        case .releaseMaster:
            stable = false
            guard let master = currentMaster() else {
                queue.push(.control(.checkConverged(stage: 2)), at: now + convergenceBound)
                return
            }
            let backups = eligible(excluding: master)
            guard let best = backups.max(by: { rank($0) < rank($1) }) else {
                queue.push(.control(.checkConverged(stage: 2)), at: now + convergenceBound)
                return
            }
            let skew = VRRPTimers.skewTime(version: scenario.version, priority: rank(best).priority, masterAdvertisementInterval: scenario.interval)
            shutdown(master)
            let deadline = scaled(skew.microseconds) + scenario.maximumLatency.microseconds + 1_000
            queue.push(.control(.checkTakeover(since: now, what: "priority-0 release by node\(master)")), at: now + deadline)
            queue.push(.control(.checkConverged(stage: 2)), at: now + convergenceBound)
        case .checkTakeover(let since, let what):
            for vrid in scenario.virtualRouterIDs where (lastMasterEntry[vrid] ?? .min) < since {
                violations.append("VRID \(vrid): nobody took over after the \(what) within \(VRRPDuration(microseconds: now - since))")
            }
        case .end:
            closeOverlaps()
            finished = true
        }
    }

    mutating func disrupt(_ disruption: Disruption) {
        switch disruption {
        case .partition(let side):
            component = nodes.indices.map { side.contains($0) ? 1 : 0 }
            updateWholeness()
        case .heal:
            component = Array(repeating: 0, count: nodes.count)
            updateWholeness()
        case .loss(let rate):
            loss = rate
            updateWholeness()
        case .duplication(let rate):
            duplication = rate
        case .crash(let node):
            crash(node)
        case .restart(let node):
            if !nodes[node].isRunning { boot(node) }
        case .shutdown(let node):
            shutdown(node)
        case .script(let node, let up):
            nodes[node].scriptUp = up
            handle(.trackerChanged(Scenario.script, up ? .up : .down), on: node)
        case .interface(let node, let up):
            nodes[node].interfaceUp = up
            handle(.interfaceChanged(name: "eth0", up: up), on: node)
        }
    }
}
