extension VRRPInstance {
    /// keepalived's `vrrp_check_packet` after decoding, in its order. Address-list problems are
    /// returned separately: they reject only under `AddressListMismatchPolicy.discard`.
    func check(_ advertisement: VRRPAdvertisement, from packet: ReceivedPacket, checkAddresses: Bool)
        -> (rejection: AdvertisementRejection?, anomaly: AdvertisementRejection?)
    {
        let config = configuration
        if !config.isUnicast, let hopLimit = packet.hopLimit, hopLimit != 255 {
            return (.hopLimit(received: hopLimit), nil)
        }
        if advertisement.version != config.version {
            return (.versionMismatch(received: advertisement.version, expected: config.version), nil)
        }
        if config.version == .v2 {
            let expectedType = config.authentication.typeCode
            if advertisement.authentication.typeCode != expectedType {
                return (.authenticationTypeMismatch(received: advertisement.authentication.typeCode, expected: expectedType), nil)
            }
            if case .simplePassword(let ours) = config.authentication, advertisement.authentication.data != ours {
                return (.authenticationFailure, nil)
            }
            // RFC 3768 §7.1 and keepalived: a v2 interval other than ours is dropped.
            if advertisement.advertisementInterval != config.advertisementIntervalField {
                return (.intervalMismatch(received: advertisement.advertisementInterval, expected: config.advertisementIntervalField), nil)
            }
        }
        var anomaly: AdvertisementRejection?
        if checkAddresses, advertisement.addresses.count != config.virtualAddresses.count {
            anomaly = .addressCountMismatch(received: advertisement.addresses.count, expected: config.virtualAddresses.count)
        }
        if packet.destination.isMulticast == config.isUnicast {
            return (.unexpectedDestination(multicast: packet.destination.isMulticast), nil)
        }
        if checkAddresses {
            if anomaly == nil, let missing = config.virtualAddresses.first(where: { !advertisement.addresses.contains($0.address) }) {
                anomaly = .addressListMismatch(missing: missing.address)
            }
            if config.isUnicast, config.checkUnicastSource {
                guard let peer = config.unicastPeers.first(where: { $0.address == packet.source }) else {
                    return (.sourceNotPeer(packet.source), anomaly)
                }
                if let hopLimit = packet.hopLimit, !peer.acceptedTTL.contains(hopLimit) {
                    return (.hopLimitOutOfPeerRange(received: hopLimit, accepted: peer.acceptedTTL), anomaly)
                }
            }
        }
        if config.ownerIgnoresAdverts, basePriority == 255 { return (.ownerIgnoresAdverts, anomaly) }
        if let anomaly, config.addressListMismatch == .discard { return (anomaly, nil) }
        return (nil, anomaly)
    }

    /// An advertisement for our VRID (already decoded by the router).
    mutating func receive(
        _ advertisement: VRRPAdvertisement,
        from packet: ReceivedPacket,
        at now: VRRPInstant,
        _ actions: inout [VRRPAction]
    ) {
        guard state == .backup || state == .master else {
            // keepalived ignores everything in FAULT and INIT.
            reject(.notListening(state), from: packet.source, &actions)
            return
        }
        // keepalived: with skip_check_adv_addr, a backup re-checks the address list only when
        // the advert comes from another master than the last one.
        let checkAddresses = state == .master || !configuration.skipCheckAdvertAddresses || masterAddress != packet.source
        let (rejection, anomaly) = check(advertisement, from: packet, checkAddresses: checkAddresses)
        if let anomaly {
            statistics.count(anomaly)
            if rejection == nil { actions.append(.log(.addressListAnomaly(instance: name, from: packet.source, anomaly))) }
        }
        if let rejection {
            reject(rejection, from: packet.source, &actions)
            return
        }
        statistics.advertisementsReceived += 1
        if advertisement.priority == 0 { statistics.priorityZeroReceived += 1 }
        if state == .backup {
            backupReceived(advertisement, from: packet.source, at: now, &actions)
        } else {
            masterReceived(advertisement, from: packet.source, at: now, &actions)
        }
    }

    mutating func reject(_ rejection: AdvertisementRejection, from source: IPAddress, _ actions: inout [VRRPAction]) {
        if case .notListening = rejection {} else { statistics.count(rejection) }
        actions.append(.log(.advertisementRejected(instance: name, from: source, rejection)))
    }

    /// keepalived's `vrrp_state_backup`.
    private mutating func backupReceived(_ advertisement: VRRPAdvertisement, from source: IPAddress, at now: VRRPInstant, _ actions: inout [VRRPAction]) {
        if advertisement.priority == 0 {
            // RFC 5798 §6.4.2: the master is leaving; take over after Skew_Time.
            arm(.masterDown, at: now + skewTime, &actions)
            return
        }
        let preemptDelayRunning = configuration.preemptDelay > .zero && (preemptTime.map { $0 > now } ?? true)
        if configuration.nopreempt || advertisement.priority >= effectivePriority || preemptDelayRunning {
            if configuration.version == .v3 {
                // RFC 5798 §6.4.2: learn the master's interval.
                masterAdvertisementInterval = advertisement.interval
            }
            masterAddress = source
            if configuration.preemptDelay > .zero {
                if advertisement.priority >= effectivePriority {
                    preemptTime = nil
                } else if preemptTime == nil {
                    preemptTime = now + configuration.preemptDelay
                }
            }
            wantsMaster = false
            arm(.masterDown, at: now + masterDownInterval, &actions)
        } else {
            // keepalived: a lower priority is ignored (the down timer keeps running), so we take
            // over when it expires. RFC 5798 says the same with "Preempt_Mode True".
            masterAddress = source
            actions.append(.log(.backupDiscardedLowerPriority(instance: name, priority: advertisement.priority, from: source)))
        }
    }

    /// keepalived's `vrrp_state_master_rx`.
    private mutating func masterReceived(_ advertisement: VRRPAdvertisement, from source: IPAddress, at now: VRRPInstant, _ actions: inout [VRRPAction]) {
        let ours = effectivePriority
        let theirs = advertisement.priority
        let addressOrder: Int = source == configuration.sourceAddress ? 0 : (source > configuration.sourceAddress ? 1 : -1)
        let theyWin = theirs > ours || (theirs == ours && addressOrder > 0)

        if theirs == 0 || (configuration.higherPrioritySendAdvert && theyWin) {
            // A leaving master, or (higher_prio_send_advert) one last advert before yielding.
            sendAdvertisement(priority: ours, &actions)
            arm(.advertisement, at: now + configuration.effectiveAdvertisementInterval, &actions)
            if theirs == 0 { return }
        }

        if theirs == ours {
            if addressOrder == 0 {
                actions.append(.log(.equalPriorityFromOwnAddress(instance: name)))
            } else if ours == 255 {
                // keepalived: two owners is a configuration error; it lowers its own priority to 254
                // (base and effective) so that the address order decides.
                actions.append(.log(.addressOwnerConflict(instance: name)))
                basePriority = 254
                evaluatePriority()
            }
        }

        let current = effectivePriority
        // RFC 5798 §6.4.3 discards a lower-priority advert. keepalived answers it with an advert
        // at once ("forcing new election", unless lower_prio_no_advert), can re-send GARPs
        // (garp_lower_prio_repeat) and runs notify_master_rx_lower_pri.
        if theirs < current || (theirs == current && addressOrder < 0) {
            let forcing = !configuration.lowerPriorityNoAdvert
            actions.append(.log(.masterReceivedLowerPriority(instance: name, from: source, priority: theirs, ours: current, forcingElection: forcing)))
            if forcing {
                sendAdvertisement(priority: current, &actions)
                arm(.advertisement, at: now + configuration.effectiveAdvertisementInterval, &actions)
            }
            let garp = configuration.gratuitousARP
            if garp.lowerPriorityRepeat > 0 {
                announce(repeatCount: garp.lowerPriorityRepeat, &actions)
                if garp.lowerPriorityDelay > .zero { arm(.lowerPriorityGratuitousDelay, at: now + garp.lowerPriorityDelay, &actions) }
            }
            if let script = configuration.notify.masterReceivedLowerPriority {
                actions.append(.runNotify(NotifyInvocation(command: script, arguments: [], subject: "INSTANCE \(name)")))
            }
            return
        }

        if theirs > current || (theirs == current && addressOrder > 0) {
            if theirs > current {
                actions.append(.log(.masterReceivedHigherPriority(instance: name, from: source, priority: theirs, ours: current)))
            } else {
                actions.append(.log(.masterReceivedEqualPriorityHigherAddress(instance: name, from: source, priority: theirs)))
            }
            if configuration.version == .v3 { masterAdvertisementInterval = advertisement.interval }
            masterAddress = source
            leaveMaster(to: .backup, at: now, &actions)
        }
    }

    /// A timer the shell reports; stale or early reports (not our current deadline) are ignored.
    mutating func timerFired(_ kind: InstanceTimer, at now: VRRPInstant, sync: SyncPermission, _ actions: inout [VRRPAction]) {
        guard let deadline = deadlines[kind], now >= deadline else { return }
        deadlines[kind] = nil
        switch (kind, state) {
        case (.masterDown, .backup):
            if sync.mayBecomeMaster {
                becomeMaster(at: now, &actions)
            } else {
                // keepalived (`vrrp_sync_can_goto_master`): wait for the other members, wanting MASTER.
                wantsMaster = true
                arm(.masterDown, at: now + masterDownInterval, &actions)
            }
        case (.advertisement, .master):
            sendAdvertisement(priority: effectivePriority, &actions)
            arm(.advertisement, at: now + configuration.effectiveAdvertisementInterval, &actions)
        case (.gratuitousDelay, .master):
            announce(repeatCount: configuration.gratuitousARP.masterRepeat, &actions)
        case (.gratuitousRefresh, .master):
            announce(repeatCount: configuration.gratuitousARP.masterRefreshRepeat, &actions)
            arm(.gratuitousRefresh, at: now + configuration.gratuitousARP.masterRefresh, &actions)
        case (.lowerPriorityGratuitousDelay, .master):
            announce(repeatCount: configuration.gratuitousARP.lowerPriorityRepeat, &actions)
        default:
            break
        }
    }

    /// Tracker results and interface states, recorded before `reevaluate`.
    mutating func record(_ key: TrackerKey, _ status: TrackerStatus) -> Bool {
        guard configuration.trackers.contains(where: { $0.key == key }) else { return false }
        trackerStatus[key] = status
        return true
    }

    mutating func recordInterface(_ interface: String, up: Bool) -> Bool {
        var relevant = record(TrackerKey(.interface, interface), up ? .up : .down)
        if interface == configuration.interface {
            interfaceUp = up
            relevant = true
        }
        return relevant
    }
}
