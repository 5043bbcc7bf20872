import KAConfig
import KAVRRP
import Logging

extension Daemon {
    /// Carries out the engine's actions in order. A failing action is logged and counted; it never
    /// stops the loop (a VIP that cannot be added must not keep the adverts from going out).
    func execute(_ actions: [VRRPAction]) {
        for action in actions {
            switch action {
            case .sendAdvertisement(let outgoing):
                send(outgoing)
            case .addAddresses(let instance, let addresses):
                for address in addresses { changeAddress(address, instance: instance, add: true) }
            case .removeAddresses(let instance, let addresses):
                for address in addresses { changeAddress(address, instance: instance, add: false) }
            case .addRoutes(let instance, let routes):
                for route in routes { changeRoute(route, instance: instance, add: true) }
            case .removeRoutes(let instance, let routes):
                for route in routes { changeRoute(route, instance: instance, add: false) }
            case .addRules(let instance, let rules):
                for rule in rules { changeRule(rule, instance: instance, add: true) }
            case .removeRules(let instance, let rules):
                for rule in rules { changeRule(rule, instance: instance, add: false) }
            case .announce(let announcement):
                announce(announcement)
            case .runNotify(let invocation):
                runNotify(invocation)
            case .armTimer(let id, let deadline):
                if let token = loopTimer(for: id) { loop.arm(token, at: deadline) }
            case .cancelTimer(let id):
                if let token = timers.timer(for: id)?.token { loop.cancel(token) }
            case .stateChanged(let instance, let from, let to):
                recordTransition(instance: instance, from: from, to: to)
            case .log(let event):
                log(event)
            }
        }
    }

    /// The single way into the engine: the event is handled now, into the daemon's action buffer,
    /// which is reused (no array per event), then the actions are carried out. `between` runs after the engine and before
    /// the actions (a reload renumbers the loop timers there).
    func handle(_ event: VRRPEvent, between: () -> Void = {}) {
        // Taken out while in use: an action that handled another event would get a fresh buffer.
        var actions: [VRRPAction] = []
        swap(&actions, &actionBuffer)
        actions.removeAll(keepingCapacity: true)
        router.handle(event, at: loop.now, into: &actions)
        between()
        execute(actions)
        swap(&actions, &actionBuffer)
    }

    /// The loop timer of an engine timer, made the first time it is armed and re-armed after
    /// that (an advert timer is armed every advert_int: no new closure each time).
    func loopTimer(for id: TimerID) -> EventLoop.TimerToken? {
        if let token = timers.timer(for: id)?.token { return token }
        guard id.slot != nil else {
            // The engine arms only instances it has, and those have a slot.
            logger.error("(\(id.instance)) timer \(id.kind) armed without an instance slot; ignored")
            return nil
        }
        let timer = EngineTimer(id: id)
        let token = loop.makeTimer { [unowned self, timer] in self.handle(.timerFired(timer.id)) }
        timer.token = token
        if let displaced = timers.insert(timer)?.token { loop.removeTimer(displaced) }
        return token
    }

    /// After a reload: the loop timers follow their instances to their new slots; those of
    /// instances the engine no longer has end.
    func renumberLoopTimers() {
        let router = router
        for timer in timers.renumber(slotOf: { router.instance(named: $0)?.slot }) {
            if let token = timer.token { loop.removeTimer(token) }
        }
    }

    // MARK: Adverts

    func send(_ outgoing: OutgoingAdvertisement) {
        guard let socket = sockets.socket(for: outgoing.instance, slot: outgoing.slot) else { return }
        do {
            try socket.send(advertPackets.packet(for: outgoing))
            counters.sent()
        } catch {
            counters.sendFailed()
            limitedLog("send \(outgoing.instance)", "(\(outgoing.instance)) send advert error: \(error)", level: .warning)
        }
    }

    /// Reads every datagram waiting on a socket and hands each to the engine.
    func receive(from socket: VRRPSocket, key: SocketPool.Key) {
        // Bounded per wake-up so a flood on one socket cannot starve timers and other sockets.
        for _ in 0..<256 {
            guard let result = socket.receive() else { return }
            switch result {
            case .malformed(let reason, let source):
                counters.drop("malformed", instance: nil)
                limitedLog("malformed", "dropped malformed packet from \(source.map(String.init(describing:)) ?? "?"): \(reason)")
            case .datagram(let datagram):
                counters.received()
                let packet = ReceivedPacket(
                    payload: datagram.payload, source: datagram.source, destination: datagram.destination,
                    hopLimit: datagram.hopLimit, interface: key.interface)
                handle(.advertisementReceived(packet))
            }
        }
    }

    // MARK: Addresses, routes, rules

    func changeAddress(_ address: KAVRRP.VirtualAddress, instance: String, add: Bool) {
        guard let spec = plan.addressSpec(address, instance: instance, netlink: netlink) else {
            logger.error("(\(instance)) cannot \(add ? "add" : "remove") \(address): interface \(address.device ?? "?") not found")
            return
        }
        do {
            if add { try netlink.addAddress(spec) } else { try netlink.deleteAddress(spec) }
            // Debug only: `kabench failover` times "VIP added" after the decision from this line.
            logger.debug("(\(instance)) \(add ? "added" : "removed") \(address)")
        } catch {
            logger.error("(\(instance)) cannot \(add ? "add" : "remove") \(address): \(error)")
        }
    }

    func changeRoute(_ route: VirtualRoute, instance: String, add: Bool) {
        guard let entry = plan.instancePlans[instance]?.routeDetails[route] else { return }
        let device = plan.instancePlans[instance]?.defaultAddressDevice.flatMap { netlink.knownLink(named: $0)?.index }
        do {
            if add { try netlink.addRoute(entry, defaultInterface: device) } else { try netlink.deleteRoute(entry, defaultInterface: device) }
        } catch {
            logger.error("(\(instance)) cannot \(add ? "add" : "remove") route \(route.specification): \(error)")
        }
    }

    func changeRule(_ rule: VirtualRoute, instance: String, add: Bool) {
        guard let entry = plan.instancePlans[instance]?.ruleDetails[rule] else { return }
        do {
            if add { try netlink.addRule(entry) } else { try netlink.deleteRule(entry) }
        } catch {
            logger.error("(\(instance)) cannot \(add ? "add" : "remove") rule \(rule.specification): \(error)")
        }
    }

    // MARK: Gratuitous ARP / NA

    /// `repeatCount` rounds over the addresses, paced by `vrrp_garp_interval` / `vrrp_gna_interval`
    /// (all at once when zero, as keepalived does).
    func announce(_ announcement: GratuitousAnnouncement) {
        let v4Interval = plan.global.garpInterval
        let v6Interval = plan.global.gnaInterval
        for round in 0..<max(0, announcement.repeatCount) {
            for address in announcement.addresses {
                let interval = address.address.family == .ipv4 ? v4Interval : v6Interval
                if round == 0 || interval == .zero {
                    sendAnnouncement(address, instance: announcement.instance)
                } else {
                    loop.schedule(after: interval * Int64(round)) { [unowned self] in
                        // A master that lost the role meanwhile stops announcing.
                        guard self.router.instance(named: announcement.instance)?.state == .master else { return }
                        self.sendAnnouncement(address, instance: announcement.instance)
                    }
                }
            }
        }
    }

    func sendAnnouncement(_ address: KAVRRP.VirtualAddress, instance: String) {
        guard let device = address.device ?? plan.instancePlans[instance]?.defaultAddressDevice,
              let link = netlink.knownLink(named: device), !link.isNoARP else { return }
        let frame: [UInt8]?
        if address.address.family == .ipv4 {
            frame = AnnouncementFrames.gratuitousARP(senderMAC: link.mac, address: address.address)
        } else {
            let router = AnnouncementSender.isForwarding(interface: device, family: .ipv6)
            frame = AnnouncementFrames.unsolicitedNA(senderMAC: link.mac, source: address.address, router: router)
        }
        // No frame for interfaces without an Ethernet MAC (tun, IPoIB).
        guard let frame else { return }
        do {
            try announcer.send(frame, ifindex: link.index)
            counters.announced(address.address.family, instance: instance)
            logger.debug("(\(instance)) sent \(address.address.family == .ipv4 ? "gratuitous ARP" : "unsolicited NA") for \(address.address) on \(device)")
        } catch {
            limitedLog("garp \(instance)", "(\(instance)) cannot send gratuitous ARP/NA on \(device): \(error)", level: .warning)
        }
    }

    // MARK: Notify, transitions, log

    func runNotify(_ invocation: NotifyInvocation) {
        // A notify line's own `user [group]` overrides script_user.
        var identity: ScriptIdentity?
        if let user = plan.notifyCommands[invocation.command]?.user {
            switch ScriptIdentity.lookup(user: user, group: plan.notifyCommands[invocation.command]?.group) {
            case .success(let found): identity = found
            case .failure(let error):
                logger.error("notify \(invocation.command): \(error); not run")
                return
            }
        }
        // One ordered queue per instance or sync group.
        notifier.run(invocation, queue: invocation.subject ?? invocation.command, identity: identity)
    }

    func recordTransition(instance: String, from: InstanceState, to: InstanceState) {
        let reason = pendingReason.removeValue(forKey: instance) ?? defaultReason(from: from, to: to)
        counters.record(RuntimeCounters.Transition(
            instance: instance, from: from, to: to, reason: reason, time: MonotonicClock.wallClockSeconds()))
    }

    func defaultReason(from: InstanceState, to: InstanceState) -> String {
        switch (from, to) {
        case (.initialize, _): "startup"
        case (.backup, .master): "master-down-timer"
        case (_, .fault): "fault"
        case (.fault, _): "fault-cleared"
        case (_, .stopped): "shutdown"
        case (_, .deleted): "reload-removed"
        default: "other"
        }
    }

    func log(_ event: VRRPLogEvent) {
        switch event {
        case .advertisementRejected(let instance, _, let rejection):
            let reason = RuntimeCounters.reason(rejection)
            if case .notListening = rejection {
                logger.debug("\(event)")
                return
            }
            counters.drop(reason, instance: instance)
            limitedLog("reject \(instance ?? "-") \(reason)", event.description, level: .warning)
        case .addressListAnomaly:
            limitedLog("anomaly", event.description, level: .warning)
        case .masterReceivedLowerPriority(let instance, _, _, _, _):
            counters.masterHeardLowerPriority(instance: instance)
            logger.info("\(event)")
        case .masterReceivedHigherPriority(let instance, _, _, _):
            pendingReason[instance] = "higher-priority"
            logger.info("\(event)")
        case .masterReceivedEqualPriorityHigherAddress(let instance, _, _):
            pendingReason[instance] = "higher-ip-address"
            logger.info("\(event)")
        default:
            logger.info("\(event)")
        }
    }

    func limitedLog(_ key: String, _ line: String, level: Logger.Level = .info) {
        guard let text = logLimiter.admit(key, line, now: loop.now) else { return }
        logger.log(level: level, "\(text)")
    }
}
