/// All VRRP instances and sync groups of one node (one keepalived VRRP process), driven by events.
///
/// `handle(_:at:)` is the only entry point: it routes the event to the instances concerned,
/// applies keepalived's sync-group rules (one member to MASTER → all; to BACKUP → all; to FAULT →
/// all), and returns the actions for the shell, in order.
public struct VRRPRouter: Sendable {
    public private(set) var instances: [VRRPInstance] = []
    var groups: [SyncGroupRuntime] = []
    var groupOfInstance: [Int?] = []
    var indexByName: [String: Int] = [:]
    /// Instances by VRID, so a received packet costs the same with 1 or 1,000 instances.
    var indicesByVirtualRouterID: [[Int]] = Array(repeating: [], count: 256)
    /// Adverts for a VRID no instance here uses.
    public private(set) var unknownVirtualRouterIDs = 0
    /// Packets too short to name a VRID.
    public private(set) var malformedPackets = 0

    public init(instances: [InstanceConfiguration], syncGroups: [SyncGroupConfiguration] = []) throws(VRRPConfigurationError) {
        try configure(instances: instances, syncGroups: syncGroups, keeping: [:])
    }

    public func instance(named name: String) -> VRRPInstance? {
        indexByName[name].map { instances[$0] }
    }

    public func syncGroupState(named name: String) -> InstanceState? {
        groups.first { $0.configuration.name == name }?.state
    }

    public mutating func handle(_ event: VRRPEvent, at now: VRRPInstant) -> [VRRPAction] {
        var actions: [VRRPAction] = []
        // An advert timer asks for one send per peer and a re-arm: room for those without regrowing.
        actions.reserveCapacity(4)
        handle(event, at: now, into: &actions)
        return actions
    }

    /// `handle(_:at:)` appending to `actions`: a shell that empties and passes the same buffer
    /// each time allocates no array per event (karun does, one advert per instance per second).
    public mutating func handle(_ event: VRRPEvent, at now: VRRPInstant, into actions: inout [VRRPAction]) {
        switch event {
        case .start:
            start(at: now, &actions)
        case .advertisementReceived(let packet):
            receive(packet, at: now, &actions)
        case .timerFired(let id):
            guard let index = index(of: id) else { break }
            let previous = instances[index].state
            instances[index].timerFired(id.kind, at: now, sync: permission(for: index), &actions)
            synchronize(after: index, was: previous, at: now, &actions)
        case .trackerChanged(let key, let status):
            for index in instances.indices where instances[index].record(key, status) {
                reevaluate(index, at: now, &actions)
            }
        case .interfaceChanged(let name, let up):
            for index in instances.indices where instances[index].recordInterface(name, up: up) {
                reevaluate(index, at: now, &actions)
            }
        case .advertiseMasters:
            for index in instances.indices where instances[index].state == .master && instances[index].isUp {
                instances[index].sendAdvertisement(priority: instances[index].effectivePriority, &actions)
            }
        case .reload(let newInstances, let newGroups):
            reload(newInstances, newGroups, at: now, &actions)
        case .shutdown:
            for index in instances.indices { instances[index].stop(at: now, &actions) }
            for group in groups.indices where groups[group].state != .stopped {
                groups[group].state = .stopped
                notifyGroup(group, &actions)
            }
        }
    }

    /// The instance a timer belongs to: the slot it carries when the instance there has its name
    /// (no hashing on the advert path), else the name's (a timer armed before a reload renumbered).
    private func index(of id: TimerID) -> Int? {
        if let slot = id.slot, instances.indices.contains(slot), instances[slot].configuration.name == id.instance { return slot }
        return indexByName[id.instance]
    }

    // MARK: Configuration

    private mutating func configure(
        instances configurations: [InstanceConfiguration],
        syncGroups: [SyncGroupConfiguration],
        keeping previous: [String: VRRPInstance]
    ) throws(VRRPConfigurationError) {
        var names: [String: Int] = [:]
        for (index, configuration) in configurations.enumerated() {
            if names[configuration.name] != nil { throw .duplicateInstanceName(configuration.name) }
            if let problem = configuration.validationProblem() { throw .invalidInstance(configuration.name, reason: problem) }
            for other in configurations[..<index] where other.conflicts(with: configuration) {
                throw .virtualRouterIDConflict(first: other.name, second: configuration.name, virtualRouterID: configuration.virtualRouterID)
            }
            names[configuration.name] = index
        }
        var groupOf = [Int?](repeating: nil, count: configurations.count)
        var runtimes: [SyncGroupRuntime] = []
        for group in syncGroups {
            if runtimes.contains(where: { $0.configuration.name == group.name }) { throw .duplicateSyncGroupName(group.name) }
            var members: [Int] = []
            for member in group.members {
                guard let index = names[member] else { throw .unknownSyncGroupMember(group: group.name, member: member) }
                if let other = groupOf[index] {
                    throw .instanceInSeveralSyncGroups(instance: member, groups: [runtimes[other].configuration.name, group.name])
                }
                groupOf[index] = runtimes.count
                members.append(index)
            }
            runtimes.append(SyncGroupRuntime(configuration: group, members: members, state: .backup))
        }
        instances = configurations.enumerated().map { index, configuration in
            let normalized = configuration.normalizedForTracking(group: groupOf[index].map { runtimes[$0].configuration })
            var instance = previous[configuration.name] ?? VRRPInstance(configuration: normalized)
            instance.slot = index
            return instance
        }
        groups = runtimes
        groupOfInstance = groupOf
        indexByName = names
        indicesByVirtualRouterID = Array(repeating: [], count: 256)
        for (index, configuration) in configurations.enumerated() {
            indicesByVirtualRouterID[Int(configuration.virtualRouterID)].append(index)
        }
    }

    // MARK: Events

    private mutating func start(at now: VRRPInstant, _ actions: inout [VRRPAction]) {
        for group in groups.indices { groups[group].state = initialState(of: group) }
        for group in groups.indices where groups[group].state != .master { notifyGroup(group, &actions) }
        for index in instances.indices where instances[index].state == .initialize {
            let previous = instances[index].state
            instances[index].start(at: now, sync: permission(for: index), &actions)
            synchronize(after: index, was: previous, at: now, &actions)
        }
    }

    /// keepalived's `vrrp_sync_set_group`: FAULT if a member is, MASTER if every member is an owner
    /// configured `state MASTER`, BACKUP otherwise.
    private func initialState(of group: Int) -> InstanceState {
        let members = groups[group].members.map { instances[$0] }
        if members.contains(where: { !$0.isUp }) { return .fault }
        let allOwners = members.allSatisfy { $0.configuration.initialStateMaster && $0.basePriority == 255 }
        return allOwners ? .master : .backup
    }

    private mutating func receive(_ packet: ReceivedPacket, at now: VRRPInstant, _ actions: inout [VRRPAction]) {
        guard packet.payload.count >= 2 else {
            malformedPackets += 1
            let error = VRRPPacketError.truncated(length: packet.payload.count, minimum: AdvertisementCodec.headerLength)
            actions.append(.log(.advertisementRejected(instance: nil, from: packet.source, .malformed(error))))
            return
        }
        let vrid = packet.payload[packet.payload.startIndex + 1]
        guard let index = instanceIndex(for: vrid, packet: packet) else {
            unknownVirtualRouterIDs += 1
            actions.append(.log(.advertisementRejected(instance: nil, from: packet.source, .unknownVirtualRouterID(vrid))))
            return
        }
        let addressing = PacketAddressing(source: packet.source, destination: packet.destination)
        let advertisement: VRRPAdvertisement
        do {
            advertisement = try AdvertisementCodec.decode(packet.payload, addressing: addressing, checksum: instances[index].configuration.checksumStyle)
        } catch {
            instances[index].reject(.malformed(error), from: packet.source, &actions)
            return
        }
        let previous = instances[index].state
        instances[index].receive(advertisement, from: packet, at: now, &actions)
        synchronize(after: index, was: previous, at: now, &actions)
    }

    /// The instance answering a VRID: same family and interface, preferring the one whose
    /// multicast/unicast kind matches the destination.
    private func instanceIndex(for vrid: UInt8, packet: ReceivedPacket) -> Int? {
        var fallback: Int?
        for index in indicesByVirtualRouterID[Int(vrid)] {
            let configuration = instances[index].configuration
            guard configuration.family == packet.source.family,
                  packet.interface.map({ $0 == configuration.interface }) ?? true else { continue }
            if configuration.isUnicast != packet.destination.isMulticast { return index }
            fallback = fallback ?? index
        }
        return fallback
    }

    private mutating func reevaluate(_ index: Int, at now: VRRPInstant, _ actions: inout [VRRPAction]) {
        let previous = instances[index].state
        instances[index].reevaluate(at: now, sync: permission(for: index), &actions)
        synchronize(after: index, was: previous, at: now, &actions)
    }

    private mutating func reload(
        _ configurations: [InstanceConfiguration],
        _ syncGroups: [SyncGroupConfiguration],
        at now: VRRPInstant,
        _ actions: inout [VRRPAction]
    ) {
        var old: [String: VRRPInstance] = [:]
        for instance in instances { old[instance.name] = instance }
        let oldGroupStates = Dictionary(groups.map { ($0.configuration.name, $0.state) }, uniquingKeysWith: { first, _ in first })
        let snapshot = self
        do {
            try configure(instances: configurations, syncGroups: syncGroups, keeping: old)
        } catch {
            // keepalived keeps running the old configuration when the new one is unusable.
            self = snapshot
            return
        }
        let kept = Set(configurations.map(\.name))
        for (name, instance) in old where !kept.contains(name) {
            var removed = instance
            // Its slot may be another instance's now: what it sends and cancels goes by name.
            removed.slot = nil
            removed.delete(at: now, &actions)
        }
        for group in groups.indices {
            groups[group].state = oldGroupStates[groups[group].configuration.name] ?? initialState(of: group)
        }
        for index in instances.indices {
            let configuration = configurations[index].normalizedForTracking(group: groupOfInstance[index].map { groups[$0].configuration })
            let previous = instances[index].state
            if old[configuration.name] != nil {
                instances[index].reload(configuration, at: now, sync: permission(for: index), &actions)
            } else {
                instances[index].start(at: now, sync: permission(for: index), &actions)
            }
            synchronize(after: index, was: previous, at: now, &actions)
        }
    }

    // MARK: Sync groups

    /// What the instance's sync group allows it now.
    func permission(for index: Int) -> SyncPermission {
        guard let group = groupOfInstance[index] else { return .unrestricted }
        let others = groups[group].members.filter { $0 != index }.map { instances[$0] }
        return SyncPermission(
            mayBecomeMaster: groups[group].state == .master || others.allSatisfy(\.wantsMaster),
            mayLeaveFault: others.allSatisfy { $0.isUp && $0.pending.isEmpty },
            groupState: groups[group].state
        )
    }

    /// keepalived's `VRRP_TSM` table plus `down_instance`/`try_up_instance`: after an instance
    /// moved, move the rest of its group the same way.
    private mutating func synchronize(after index: Int, was previous: InstanceState, at now: VRRPInstant, _ actions: inout [VRRPAction]) {
        guard let group = groupOfInstance[index] else { return }
        let current = instances[index].state
        guard current != previous || current == .master else { return }
        switch current {
        case .master:
            syncMaster(group, from: index, at: now, &actions)
        case .backup where previous == .master || previous == .fault:
            syncBackup(group, from: index, at: now, &actions)
        case .fault:
            syncFault(group, from: index, at: now, &actions)
        default:
            break
        }
    }

    private mutating func syncMaster(_ group: Int, from origin: Int, at now: VRRPInstant, _ actions: inout [VRRPAction]) {
        guard groups[group].state != .master else { return }
        actions.append(.log(.syncGroupTransition(group: groups[group].configuration.name, .master)))
        for member in groups[group].members where member != origin && instances[member].state == .backup {
            instances[member].becomeMaster(at: now, &actions)
        }
        groups[group].state = .master
        notifyGroup(group, &actions)
    }

    private mutating func syncBackup(_ group: Int, from origin: Int, at now: VRRPInstant, _ actions: inout [VRRPAction]) {
        guard groups[group].state != .backup else { return }
        actions.append(.log(.syncGroupTransition(group: groups[group].configuration.name, .backup)))
        for member in groups[group].members where member != origin {
            switch instances[member].state {
            case .master:
                instances[member].leaveMaster(to: .backup, at: now, &actions)
            case .fault where instances[member].isUp, .initialize where instances[member].pending.isEmpty:
                instances[member].moveToBackup(at: now, &actions)
            default:
                break
            }
        }
        groups[group].state = .backup
        notifyGroup(group, &actions)
    }

    private mutating func syncFault(_ group: Int, from origin: Int, at now: VRRPInstant, _ actions: inout [VRRPAction]) {
        guard groups[group].state != .fault else { return }
        actions.append(.log(.syncGroupTransition(group: groups[group].configuration.name, .fault)))
        for member in groups[group].members where member != origin {
            instances[member].enterFault(at: now, &actions)
        }
        groups[group].state = .fault
        notifyGroup(group, &actions)
    }

    /// keepalived's `send_group_notifies`: the state's script, then `notify` with `GROUP name state 0`.
    private func notifyGroup(_ group: Int, _ actions: inout [VRRPAction]) {
        let runtime = groups[group]
        let scripts = runtime.configuration.notify
        let specific: String? = switch runtime.state {
        case .master: scripts.master
        case .backup: scripts.backup
        case .fault: scripts.fault
        case .stopped: scripts.stop
        default: nil
        }
        let subject = "GROUP \(runtime.configuration.name)"
        if let specific { actions.append(.runNotify(NotifyInvocation(command: specific, arguments: [], subject: subject))) }
        if let generic = scripts.generic {
            actions.append(.runNotify(NotifyInvocation(
                command: generic, arguments: ["GROUP", runtime.configuration.name, runtime.state.description, "0"], subject: subject)))
        }
    }
}
