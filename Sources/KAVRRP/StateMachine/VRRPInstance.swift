/// The state machine of one `vrrp_instance` (RFC 3768/5798 §6 with keepalived 2.2.7's choices).
///
/// A value: every input is a method taking the current time and appending actions. Sync-group
/// coordination is done by `VRRPRouter`, which passes what the group allows in.
///
/// Where keepalived and the RFCs differ, we follow keepalived; each difference is marked
/// "keepalived:" and has a test in `InstanceBehaviourTests`.
public struct VRRPInstance: Sendable {
    public internal(set) var configuration: InstanceConfiguration {
        didSet { advertisedAddresses = configuration.virtualAddresses.map(\.address) }
    }
    /// Where the router keeps it (`VRRPRouter.instances[slot]`), carried by its timers and adverts
    /// so the shell's per-instance tables are arrays; nil outside a router. A reload renumbers.
    public internal(set) var slot: Int?
    public internal(set) var state: InstanceState = .initialize
    /// Base priority after adjustments (drops to 254 on an owner conflict, as keepalived does).
    public internal(set) var basePriority: UInt8
    /// Base + tracker weights, kept in 1...254 (255 for an owner).
    public internal(set) var effectivePriority: UInt8
    /// The interval our down timer uses: ours, or (v3) the one the master advertises.
    public internal(set) var masterAdvertisementInterval: VRRPDuration
    /// keepalived's `wantstate == MASTER`: what a sync group asks before moving all members.
    public internal(set) var wantsMaster = false
    /// The VIPs, routes and rules are installed (keepalived's `vipset`).
    public internal(set) var holdsAddresses = false
    public internal(set) var statistics = InstanceStatistics()
    /// Source of the last advert we accepted from a master.
    public internal(set) var masterAddress: IPAddress?
    /// Unweighted trackers failing, or the own interface down: the instance belongs in FAULT.
    public internal(set) var faults: [TrackerKey] = []
    /// Unweighted trackers that have not reported: the instance waits in INIT.
    public internal(set) var pending: [TrackerKey] = []

    var trackerStatus: [TrackerKey: TrackerStatus] = [:]
    var interfaceUp = true
    var deadlines = TimerDeadlines()
    /// The VIPs an advert lists, made once per configuration rather than once per advert.
    private(set) var advertisedAddresses: [IPAddress]
    /// keepalived's `preempt_time`: a lower-priority master may be preempted after this.
    var preemptTime: VRRPInstant?

    public init(configuration: InstanceConfiguration) {
        self.configuration = configuration
        advertisedAddresses = configuration.virtualAddresses.map(\.address)
        basePriority = configuration.priority
        effectivePriority = configuration.priority
        masterAdvertisementInterval = configuration.effectiveAdvertisementInterval
        wantsMaster = configuration.initialStateMaster
        evaluatePriority()
    }

    public var name: String { configuration.name }

    /// The deadline of an armed timer.
    public func deadline(of timer: InstanceTimer) -> VRRPInstant? { deadlines[timer] }

    /// No fault: the instance may run as BACKUP or MASTER.
    public var isUp: Bool { faults.isEmpty }

    /// Skew_Time with the current priority and master interval (keepalived: 255 for an owner).
    public var skewTime: VRRPDuration {
        VRRPTimers.skewTime(version: configuration.version, priority: effectivePriority, masterAdvertisementInterval: masterAdvertisementInterval)
    }

    /// Master_Down_Interval with the current priority and master interval.
    public var masterDownInterval: VRRPDuration {
        VRRPTimers.masterDownInterval(
            version: configuration.version,
            priority: effectivePriority,
            masterAdvertisementInterval: masterAdvertisementInterval,
            downTimerAdverts: configuration.downTimerAdverts
        )
    }

    /// Recomputes effective priority, faults and pending trackers from the current results.
    mutating func evaluatePriority() {
        let status = trackerStatus
        let evaluation = PriorityEvaluation.evaluate(
            basePriority: basePriority,
            trackers: configuration.trackers
        ) { status[$0] ?? .unknown }
        effectivePriority = evaluation.effectivePriority
        faults = evaluation.faults
        if !interfaceUp, !configuration.dontTrackPrimary {
            faults.append(TrackerKey(.interface, configuration.interface))
        }
        pending = evaluation.pending
    }

    // MARK: Action helpers

    func timerID(_ kind: InstanceTimer) -> TimerID { TimerID(instance: configuration.name, kind: kind, slot: slot) }

    mutating func arm(_ kind: InstanceTimer, at deadline: VRRPInstant, _ actions: inout [VRRPAction]) {
        deadlines[kind] = deadline
        actions.append(.armTimer(timerID(kind), at: deadline))
    }

    mutating func cancel(_ kind: InstanceTimer, _ actions: inout [VRRPAction]) {
        if deadlines.removeValue(forKey: kind) != nil { actions.append(.cancelTimer(timerID(kind))) }
    }

    mutating func cancelAllTimers(_ actions: inout [VRRPAction]) {
        for kind in InstanceTimer.allCases { cancel(kind, &actions) }
    }

    /// Sends one advertisement (to the group, or to each unicast peer) with `priority`.
    mutating func sendAdvertisement(priority: UInt8, _ actions: inout [VRRPAction]) {
        let advertisement = VRRPAdvertisement(
            version: configuration.version,
            virtualRouterID: configuration.virtualRouterID,
            priority: priority,
            advertisementInterval: configuration.advertisementIntervalField,
            addresses: advertisedAddresses,
            authentication: configuration.version == .v2 ? configuration.authentication : .none
        )
        statistics.advertisementsSent += 1
        if priority == 0 { statistics.priorityZeroSent += 1 }
        if configuration.isUnicast {
            for peer in configuration.unicastPeers {
                actions.append(.sendAdvertisement(outgoing(advertisement, to: peer.address, hopLimit: configuration.unicastTTL ?? 255)))
            }
        } else {
            let group = configuration.multicastGroup ?? .vrrpMulticastGroup(for: configuration.family)
            actions.append(.sendAdvertisement(outgoing(advertisement, to: group, hopLimit: 255)))
        }
    }

    private func outgoing(_ advertisement: VRRPAdvertisement, to destination: IPAddress, hopLimit: UInt8) -> OutgoingAdvertisement {
        OutgoingAdvertisement(
            instance: configuration.name,
            advertisement: advertisement,
            source: configuration.sourceAddress,
            destination: destination,
            hopLimit: hopLimit,
            checksumStyle: configuration.checksumStyle,
            slot: slot
        )
    }

    /// VIPs then excluded VIPs: everything a master holds.
    var allVirtualAddresses: [VirtualAddress] { configuration.virtualAddresses + configuration.excludedVirtualAddresses }

    mutating func announce(repeatCount: Int, _ actions: inout [VRRPAction]) {
        let addresses = allVirtualAddresses
        guard repeatCount > 0, !addresses.isEmpty else { return }
        actions.append(.announce(GratuitousAnnouncement(instance: configuration.name, addresses: addresses, repeatCount: repeatCount)))
    }

    mutating func setState(_ newState: InstanceState, _ actions: inout [VRRPAction]) {
        guard newState != state else { return }
        actions.append(.stateChanged(instance: configuration.name, from: state, to: newState))
        state = newState
    }

    /// keepalived's `send_instance_notifies`: the state's own script, then the generic `notify`.
    /// DELETED is reported as FAULT unless `notify_deleted` is configured.
    func notify(_ actions: inout [VRRPAction]) {
        let scripts = configuration.notify
        var reported = state
        if reported == .deleted, scripts.deleted == nil { reported = .fault }
        let specific: String? = switch reported {
        case .master: scripts.master
        case .backup: scripts.backup
        case .fault: scripts.fault
        case .stopped: scripts.stop
        case .deleted: scripts.deleted
        case .initialize: nil
        }
        if let specific, !specific.isEmpty { actions.append(.runNotify(NotifyInvocation(command: specific, arguments: [], subject: "INSTANCE \(configuration.name)"))) }
        if let generic = scripts.generic {
            actions.append(.runNotify(NotifyInvocation(
                command: generic,
                arguments: ["INSTANCE", configuration.name, reported.description, String(effectivePriority)],
                subject: "INSTANCE \(configuration.name)"
            )))
        }
    }
}
