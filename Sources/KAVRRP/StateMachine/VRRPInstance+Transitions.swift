/// What a sync group lets an instance do right now (all true for an instance outside a group).
public struct SyncPermission: Hashable, Sendable {
    /// The group is MASTER already, or every other member wants MASTER too.
    public var mayBecomeMaster: Bool
    /// No other member has a fault of its own.
    public var mayLeaveFault: Bool
    /// The group's state at startup, if the instance is in one.
    public var groupState: InstanceState?

    public static let unrestricted = SyncPermission(mayBecomeMaster: true, mayLeaveFault: true, groupState: nil)

    public init(mayBecomeMaster: Bool, mayLeaveFault: Bool, groupState: InstanceState?) {
        self.mayBecomeMaster = mayBecomeMaster
        self.mayLeaveFault = mayLeaveFault
        self.groupState = groupState
    }
}

extension VRRPInstance {
    /// keepalived's `vrrp_init_state` for one instance.
    mutating func start(at now: VRRPInstant, sync: SyncPermission, _ actions: inout [VRRPAction]) {
        evaluatePriority()
        if !isUp || sync.groupState == .fault {
            setState(.fault, &actions)
            actions.append(.log(.enteringState(instance: name, .fault, atStartup: true)))
            notify(&actions)
            return
        }
        guard pending.isEmpty else { return }
        leaveInitialState(at: now, sync: sync, &actions)
    }

    /// From INIT (startup, or the last pending tracker reported) to BACKUP, or straight to MASTER
    /// for an address owner configured `state MASTER`.
    mutating func leaveInitialState(at now: VRRPInstant, sync: SyncPermission, _ actions: inout [VRRPAction]) {
        let groupMaster = sync.groupState.map { $0 == .master } ?? configuration.initialStateMaster
        if groupMaster, configuration.initialStateMaster, basePriority == 255 {
            // keepalived times out of BACKUP after 1 µs; we go to MASTER at once (same result).
            becomeMaster(at: now, &actions)
            return
        }
        setState(.backup, &actions)
        actions.append(.log(.enteringState(instance: name, .backup, atStartup: true)))
        notify(&actions)
        let wait: VRRPDuration
        if sync.groupState != nil, configuration.initialStateMaster {
            // keepalived: a `state MASTER` member held back by its group waits one interval + a
            // minimum skew, "to ensure there is no other master".
            wait = masterAdvertisementInterval
                + VRRPTimers.minimumSkew(version: configuration.version, masterAdvertisementInterval: masterAdvertisementInterval)
        } else {
            wait = masterDownInterval
        }
        arm(.masterDown, at: now + wait, &actions)
    }

    /// keepalived's `vrrp_state_goto_master` + `vrrp_state_master_tx` + `vrrp_state_become_master`:
    /// advert first (so the old master lets go before our GARPs), then addresses, routes and rules,
    /// the first GARP/NA burst, and the notifies.
    mutating func becomeMaster(at now: VRRPInstant, _ actions: inout [VRRPAction]) {
        wantsMaster = true
        cancel(.masterDown, &actions)
        preemptTime = nil
        // RFC 5798 §6.4.3: a master advertises its own interval.
        masterAdvertisementInterval = configuration.effectiveAdvertisementInterval
        setState(.master, &actions)
        sendAdvertisement(priority: effectivePriority, &actions)
        actions.append(.log(.enteringState(instance: name, .master, atStartup: false)))
        installAddresses(&actions)
        statistics.becameMaster += 1
        let garp = configuration.gratuitousARP
        announce(repeatCount: garp.masterRepeat, &actions)
        // keepalived checks the refresh deadline only when an advert is due, so its refresh comes
        // up to one interval late; a timer of its own sends it on time.
        if garp.masterRefresh > .zero { arm(.gratuitousRefresh, at: now + garp.masterRefresh, &actions) }
        notify(&actions)
        if garp.masterDelay > .zero { arm(.gratuitousDelay, at: now + garp.masterDelay, &actions) }
        arm(.advertisement, at: now + configuration.effectiveAdvertisementInterval, &actions)
    }

    mutating func installAddresses(_ actions: inout [VRRPAction]) {
        let addresses = allVirtualAddresses
        if !addresses.isEmpty { actions.append(.addAddresses(instance: name, addresses)) }
        if !configuration.virtualRoutes.isEmpty { actions.append(.addRoutes(instance: name, configuration.virtualRoutes)) }
        if !configuration.virtualRules.isEmpty { actions.append(.addRules(instance: name, configuration.virtualRules)) }
        holdsAddresses = true
    }

    /// keepalived's `vrrp_restore_interface`: rules, then routes, then addresses are removed.
    mutating func releaseAddresses(_ actions: inout [VRRPAction]) {
        cancel(.gratuitousDelay, &actions)
        cancel(.gratuitousRefresh, &actions)
        cancel(.lowerPriorityGratuitousDelay, &actions)
        guard holdsAddresses else { return }
        if !configuration.virtualRules.isEmpty { actions.append(.removeRules(instance: name, configuration.virtualRules)) }
        if !configuration.virtualRoutes.isEmpty { actions.append(.removeRoutes(instance: name, configuration.virtualRoutes)) }
        let addresses = allVirtualAddresses
        if !addresses.isEmpty { actions.append(.removeAddresses(instance: name, addresses)) }
        holdsAddresses = false
    }

    /// keepalived's `vrrp_state_leave_master`, to BACKUP (a higher priority was heard, or the sync
    /// group moved) or to FAULT (which first sends a priority-0 advert).
    ///
    /// keepalived: going to FAULT from `down_instance` sends the priority-0 advert twice (once in
    /// `vrrp_state_leave_master`, once in `vrrp_restore_interface`); we send it once.
    mutating func leaveMaster(to target: InstanceState, at now: VRRPInstant, _ actions: inout [VRRPAction]) {
        cancel(.advertisement, &actions)
        if target == .fault {
            wantsMaster = false
            actions.append(.log(.enteringState(instance: name, .fault, atStartup: false)))
            sendAdvertisement(priority: 0, &actions)
            actions.append(.log(.sentPriorityZero(instance: name)))
        } else {
            wantsMaster = false
            preemptTime = nil
            actions.append(.log(.enteringState(instance: name, .backup, atStartup: false)))
        }
        releaseAddresses(&actions)
        statistics.releasedMaster += 1
        setState(target, &actions)
        notify(&actions)
        if target == .backup { arm(.masterDown, at: now + masterDownInterval, &actions) }
    }

    /// keepalived's `down_instance`: any state to FAULT.
    mutating func enterFault(at now: VRRPInstant, _ actions: inout [VRRPAction]) {
        switch state {
        case .fault, .stopped, .deleted:
            return
        case .master:
            leaveMaster(to: .fault, at: now, &actions)
        case .backup, .initialize:
            wantsMaster = false
            cancelAllTimers(&actions)
            actions.append(.log(.enteringState(instance: name, .fault, atStartup: false)))
            setState(.fault, &actions)
            notify(&actions)
        }
        masterAdvertisementInterval = configuration.effectiveAdvertisementInterval
    }

    /// keepalived's `try_up_instance` + `vrrp_state_leave_fault`: FAULT to BACKUP (or MASTER for an
    /// owner configured `state MASTER`), once no fault is left here or in the sync group.
    mutating func leaveFault(at now: VRRPInstant, sync: SyncPermission, _ actions: inout [VRRPAction]) {
        guard state == .fault, isUp, pending.isEmpty, sync.mayLeaveFault else { return }
        masterAdvertisementInterval = configuration.effectiveAdvertisementInterval
        if configuration.initialStateMaster, basePriority == 255, sync.mayBecomeMaster {
            becomeMaster(at: now, &actions)
            return
        }
        moveToBackup(at: now, &actions)
    }

    /// FAULT or INIT to BACKUP with a full Master_Down_Interval (also used by sync groups).
    mutating func moveToBackup(at now: VRRPInstant, _ actions: inout [VRRPAction]) {
        wantsMaster = false
        preemptTime = nil
        masterAdvertisementInterval = configuration.effectiveAdvertisementInterval
        actions.append(.log(.enteringState(instance: name, .backup, atStartup: false)))
        setState(.backup, &actions)
        notify(&actions)
        arm(.masterDown, at: now + masterDownInterval, &actions)
    }

    /// After a tracker or interface change: new priority (shifting a running down timer by the
    /// change in Master_Down_Interval, as keepalived does), then FAULT / recovery / leaving INIT.
    mutating func reevaluate(at now: VRRPInstant, sync: SyncPermission, _ actions: inout [VRRPAction]) {
        guard state != .stopped, state != .deleted else { return }
        let oldPriority = effectivePriority
        let oldDownInterval = masterDownInterval
        evaluatePriority()
        if effectivePriority != oldPriority {
            actions.append(.log(.effectivePriorityChanged(instance: name, from: oldPriority, to: effectivePriority)))
            if state == .backup, let deadline = deadlines[.masterDown] {
                arm(.masterDown, at: deadline + (masterDownInterval - oldDownInterval), &actions)
            }
        }
        if !isUp {
            enterFault(at: now, &actions)
        } else if state == .fault {
            leaveFault(at: now, sync: sync, &actions)
        } else if state == .initialize, pending.isEmpty {
            leaveInitialState(at: now, sync: sync, &actions)
        }
    }

    /// Shutdown: a master sends priority 0 and releases everything; every instance reports STOP.
    mutating func stop(at now: VRRPInstant, _ actions: inout [VRRPAction]) {
        guard state != .stopped, state != .deleted else { return }
        cancelAllTimers(&actions)
        if state == .master {
            sendAdvertisement(priority: 0, &actions)
            actions.append(.log(.sentPriorityZero(instance: name)))
            statistics.releasedMaster += 1
        }
        releaseAddresses(&actions)
        wantsMaster = false
        setState(.stopped, &actions)
        notify(&actions)
    }

    /// Removed by a reload: like a stop, reported as DELETED (or FAULT without `notify_deleted`).
    mutating func delete(at now: VRRPInstant, _ actions: inout [VRRPAction]) {
        guard state != .stopped, state != .deleted else { return }
        cancelAllTimers(&actions)
        if state == .master {
            sendAdvertisement(priority: 0, &actions)
            actions.append(.log(.sentPriorityZero(instance: name)))
        }
        releaseAddresses(&actions)
        setState(.deleted, &actions)
        notify(&actions)
    }

    /// A reload kept this instance (same name): new settings, same state where possible.
    /// A master adjusts its addresses to the new lists and advertises at once (keepalived's
    /// `reload_master`); a backup restarts its down timer.
    mutating func reload(_ newConfiguration: InstanceConfiguration, at now: VRRPInstant, sync: SyncPermission, _ actions: inout [VRRPAction]) {
        let old = configuration
        configuration = newConfiguration
        basePriority = newConfiguration.priority
        if newConfiguration.version == .v2 || state != .backup {
            masterAdvertisementInterval = newConfiguration.effectiveAdvertisementInterval
        }
        evaluatePriority()
        switch state {
        case .master where isUp:
            if holdsAddresses {
                let oldAddresses = old.virtualAddresses + old.excludedVirtualAddresses
                let newAddresses = allVirtualAddresses
                let removed = oldAddresses.filter { !newAddresses.contains($0) }
                let added = newAddresses.filter { !oldAddresses.contains($0) }
                if !removed.isEmpty { actions.append(.removeAddresses(instance: name, removed)) }
                if old.virtualRoutes != newConfiguration.virtualRoutes {
                    if !old.virtualRoutes.isEmpty { actions.append(.removeRoutes(instance: name, old.virtualRoutes)) }
                    if !newConfiguration.virtualRoutes.isEmpty { actions.append(.addRoutes(instance: name, newConfiguration.virtualRoutes)) }
                }
                if old.virtualRules != newConfiguration.virtualRules {
                    if !old.virtualRules.isEmpty { actions.append(.removeRules(instance: name, old.virtualRules)) }
                    if !newConfiguration.virtualRules.isEmpty { actions.append(.addRules(instance: name, newConfiguration.virtualRules)) }
                }
                if !added.isEmpty {
                    actions.append(.addAddresses(instance: name, added))
                    actions.append(.announce(GratuitousAnnouncement(
                        instance: name, addresses: added, repeatCount: newConfiguration.gratuitousARP.masterRepeat)))
                }
            }
            sendAdvertisement(priority: effectivePriority, &actions)
            arm(.advertisement, at: now + newConfiguration.effectiveAdvertisementInterval, &actions)
        case .backup where isUp:
            arm(.masterDown, at: now + masterDownInterval, &actions)
        default:
            break
        }
        reevaluate(at: now, sync: sync, &actions)
    }
}
