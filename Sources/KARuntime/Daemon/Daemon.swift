#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KAConfig
import KAJSON
import KAVRRP
import Logging

/// karun's daemon: KAConfig's model, KAVRRP's engine and the real network, on one event loop.
///
/// Everything runs on the thread that calls `run()`: packets, timers, netlink events, script
/// results and signals are events on the loop; the engine answers each with actions that the
/// daemon carries out in order (`Daemon+Actions.swift`).
public final class Daemon {
    let options: DaemonOptions
    let loop: EventLoop
    var logger: Logger
    let systemd = SystemdNotifier()

    // The checked model is not kept: the plan holds what the daemon needs, and a reload reads
    // the file again (the model of 500 instances is most of the heap).
    var plan: RuntimePlan
    var router: VRRPRouter

    let netlink: RouteNetlink
    var monitor: NetlinkMonitor?
    let sockets = SocketPool()
    let announcer: AnnouncementSender
    let children: ChildWatcher
    let scripts: ScriptTracker
    let notifier: NotifyRunner
    var trackFiles: TrackFileWatcher?
    var trackProcesses: ProcessWatcher?
    var signals: SignalSource?
    var control: ControlSocket?
    /// `--metrics`: Prometheus text over HTTP on the loop (Status/MetricsServer.swift).
    var metrics: MetricsServer?
    /// Reads the firewall again after each reload, off the loop (SelfCheck).
    var firewallRereader: FirewallRereader?
    /// vrrp_priority, vrrp_rt_priority, vrrp_no_swap, vrrp_cpu_affinity, max_auto_priority.
    let scheduling = SchedulingControl()
    /// What keepalived's files subtract after STATS_CLEAR (Status/KeepalivedStatusFiles.swift).
    var keepalivedBaseline = KeepalivedStatsBaseline()

    /// Each instance's advert as last sent, per destination (re-made when the advert changes).
    var advertPackets = AdvertisementWireCache()
    /// Engine timers → loop timers, by instance slot.
    var timers = EngineTimerTable()
    /// The engine appends each event's actions here (emptied and reused: `handle(_:between:)`).
    var actionBuffer: [VRRPAction] = []
    /// VMACs karun created (name → ifindex), removed on stop.
    var vmacs: [String: Int32] = [:]
    var sysctlChanges: [SysctlChange] = []
    /// Link state last reported to the engine, by interface name (up = admin up and carrier).
    var linkStates: [String: Bool] = [:]
    var counters = RuntimeCounters()
    /// Why the next transition of an instance happens, when a log event told us first.
    var pendingReason: [String: String] = [:]
    var logLimiter = LogRateLimiter()
    var startedAt = MonotonicClock.now()
    var stopping = false
    public private(set) var exitStatus: Int32 = 0

    /// The signals karun handles; the executable blocks them before anything else runs. Besides
    /// keepalived's DATA/STATS (SIGUSR1/SIGUSR2): its real-time JSON and STATS_CLEAR signals.
    public static let handledSignals: [Int32] = [SIGTERM, SIGINT, SIGHUP, SIGUSR1, SIGUSR2, SIGPIPE, SIGXCPU] + KeepalivedSignal.realTimeNumbers

    /// Reads and checks the configuration, builds the plan against this host; throws
    /// `DaemonStartError` (with what to print) when karun must not start.
    public init(options: DaemonOptions, logger: Logger) throws {
        self.options = options
        self.logger = logger
        let check = ConfigurationCheck.run(path: options.configPath, configID: options.configID)
        if !check.passed { throw DaemonStartError.configuration(check.rendered) }
        if !check.rendered.isEmpty { logger.warning("configuration findings:\n\(check.rendered)") }
        loop = try EventLoop()
        netlink = try RouteNetlink()
        plan = ModelAdapter(configuration: check.model, host: NetlinkHostFacts(netlink: netlink)).plan()
        for issue in plan.issues where issue.severity == .warning { logger.warning("\(issue)") }
        guard plan.errors.isEmpty else {
            throw DaemonStartError.plan(plan.errors.map(\.description).joined(separator: "\n"))
        }
        do {
            router = try VRRPRouter(instances: plan.instances, syncGroups: plan.syncGroups)
        } catch {
            throw DaemonStartError.plan("\(error)")
        }
        announcer = try AnnouncementSender()
        children = ChildWatcher(loop: loop)
        scripts = ScriptTracker(loop: loop, children: children, log: { [logger] in logger.info("\($0)") })
        notifier = NotifyRunner(loop: loop, children: children, log: { [logger] in logger.info("\($0)") })
    }

    /// Sets up the network, starts the engine and runs until SIGTERM/SIGINT; returns the exit status.
    public func run() -> Int32 {
        do {
            try start()
        } catch {
            logger.critical("cannot start: \(error)")
            cleanUp()
            return 1
        }
        loop.run()
        cleanUp()
        return exitStatus
    }

    func start() throws {
        logger.info("Starting karun (VRRP) with \(plan.instances.count) instance(s) from \(options.configPath)")
        releaseAnalysisMemory()
        applyScheduling()
        signals = try SignalSource(loop: loop, signals: Self.handledSignals) { [unowned self] in self.signalReceived($0) }
        monitor = try NetlinkMonitor(loop: loop) { [unowned self] in self.netlinkEvent($0) }
        // What a killed run left: the configured VIPs, tagged addresses on our interfaces, routes
        // and rules of protocol 18 (ResidueSweep).
        let sweep = ResidueSweep(netlink: netlink, plan: plan, logger: logger)
        _ = sweep.run(interfaces: sweep.interfaces, configured: true, removeVMACs: false)
        try setUpInstances(plan.instances, isNew: { _ in false })
        configureTrackers()
        control = try openControlSocket()
        metrics = openMetricsServer()
        watchLateness()
        writePidFile()

        runSelfCheck()

        handle(.start)
        reportLinkStates(initial: true)
        systemd.ready(status: "\(plan.instances.count) VRRP instance(s)")
    }

    /// Host settings that would keep the instances from working (SelfCheck), each logged as a
    /// warning with its fix: at start, once VMACs and their sysctls are in place, and after each
    /// reload (the firewall then by `recheckFirewall`, whose dumps run off the loop).
    func runSelfCheck(readsFirewall: Bool = true) {
        for warning in SelfCheck.run(plan: plan, host: LiveHostReadings(netlink: netlink, readsFirewall: readsFirewall)) {
            logger.warning("\(warning)")
        }
    }

    /// After a reload: the firewall part of the self-check, once the dumps (run on a thread) are in,
    /// against the plan of that moment.
    func recheckFirewall() {
        if firewallRereader == nil {
            do {
                firewallRereader = try FirewallRereader(loop: loop) { [unowned self] rulesets in
                    var seen = Set<SelfCheckWarning>()
                    for warning in FirewallSelfCheck.run(plan: plan, rulesets: rulesets) where seen.insert(warning).inserted {
                        logger.warning("\(warning)")
                    }
                }
            } catch {
                logger.warning("self-check: the firewall is not read again after this reload: \(error)")
                return
            }
        }
        firewallRereader?.request()
    }

    func openControlSocket() throws -> ControlSocket? {
        let directory = options.statusSocketPath.split(separator: "/").dropLast().joined(separator: "/")
        if !directory.isEmpty { mkdir("/" + directory, 0o755) }
        do {
            return try ControlSocket(path: options.statusSocketPath, loop: loop) { [unowned self] in
                self.statusReport().text(pretty: true)
            }
        } catch {
            logger.warning("status socket \(options.statusSocketPath) unavailable: \(error)")
            return nil
        }
    }

    /// VMACs, residue removal and sockets for `instances` (at start, where the sweep removed the
    /// residue already, and on reload, where instances the running configuration did not have
    /// are cleaned of residue).
    func setUpInstances(_ instances: [InstanceConfiguration], isNew: (String) -> Bool) throws {
        sockets.onRetire = { [unowned self] entry in
            self.loop.unwatch(fd: entry.socket.receiveFD)
            entry.socket.close()
        }
        // One address dump for all instances (not one per instance: 500 instances, 500 dumps).
        let held = Set(netlink.addresses(ifindex: nil).map { "\($0.ifindex) \($0.address)" })
        for instance in instances {
            guard let shell = plan.instancePlans[instance.name] else { continue }
            if let vmac = shell.vmac, vmacs[vmac.name] == nil {
                try createVMAC(vmac, on: shell.interface, family: instance.family, for: instance.name)
            }
            if isNew(instance.name) { removeResidue(instance, held: held) }
            try sockets.attach(instance, plan: shell, open: openSocket, opened: { [unowned self] key, entry in
                try self.loop.watch(fd: entry.socket.receiveFD) { [unowned self] _ in self.receive(from: entry.socket, key: key) }
            })
        }
    }

    func openSocket(_ key: SocketPool.Key) throws -> VRRPSocket {
        var interface: (name: String, index: Int32)?
        if let name = key.interface {
            guard let link = netlink.link(named: name) else { throw DaemonStartError.plan("interface \(name) not found") }
            interface = (name, link.index)
        }
        return try VRRPSocket(family: key.family, interface: interface, unicastSource: key.unicastSource)
    }

    func createVMAC(_ vmac: VMACPlan, on base: String?, family: AddressFamily, for instance: String) throws {
        guard let base, let parent = netlink.link(named: base) else {
            throw DaemonStartError.plan("(\(instance)) use_vmac: interface \(base ?? "-") not found")
        }
        let index = try netlink.createMACVLAN(name: vmac.name, parentIndex: parent.index, mac: vmac.mac)
        vmacs[vmac.name] = index
        sysctlChanges += (try? InterfaceSettings.applyVMAC(vmac: vmac.name, base: base, ipv6: family == .ipv6)) ?? []
        logger.info("(\(instance)) VMAC \(vmac.name) (\(Self.macText(vmac.mac))) on \(base)")
    }

    /// keepalived's `vrrp_restore_interface` for an instance a reload added: a VIP left behind is
    /// removed, so a BACKUP never answers for it (the engine adds it back if it becomes MASTER).
    func removeResidue(_ instance: InstanceConfiguration, held: Set<String>) {
        for address in instance.virtualAddresses + instance.excludedVirtualAddresses {
            guard let spec = plan.addressSpec(address, instance: instance.name, netlink: netlink),
                  held.contains("\(spec.ifindex) \(spec.address)") else { continue }
            do {
                try netlink.deleteAddress(spec)
                logger.info("(\(instance.name)) removed \(address) left by an earlier run")
            } catch {
                logger.warning("(\(instance.name)) cannot remove leftover \(address): \(error)")
            }
        }
    }

    func configureTrackers() {
        // The user lookup only when something runs scripts: it loads the NSS modules (libnss_systemd
        // and what it links, 0.3 MB resident for the life of the daemon).
        if !plan.scripts.isEmpty || !plan.notifyCommands.isEmpty {
            switch ScriptIdentity.defaultScriptUser(user: plan.global.scriptUser, group: plan.global.scriptGroup) {
            case .success(let identity):
                scripts.defaultIdentity = identity
                notifier.defaultIdentity = identity
            case .failure(let error):
                logger.warning("script_user: \(error); scripts run as karun's own user")
            }
        }
        let security = ScriptSecurity(enabled: plan.global.enableScriptSecurity)
        scripts.security = security
        notifier.security = security
        notifier.timeout = VRRPDuration(microseconds: Int64(options.notifyTimeout * 1_000_000))
        scripts.onChange = { [unowned self] key, status in self.handle(.trackerChanged(key, status)) }
        scripts.configure(plan.scripts.map { script in
            TrackedScript(
                name: script.name, argv: script.command.argv, interval: script.interval, timeout: script.timeout,
                rise: script.rise, fall: script.fall, user: script.command.user, group: script.command.group,
                initFail: script.initFail)
        })
        if !plan.trackFiles.isEmpty, trackFiles == nil {
            do {
                trackFiles = try TrackFileWatcher(loop: loop) { [logger] in logger.info("\($0)") }
            } catch {
                logger.error("track_file: cannot watch files: \(error)")
            }
        }
        trackFiles?.onChange = { [unowned self] key, status in self.handle(.trackerChanged(key, status)) }
        trackFiles?.configure(plan.trackFiles)
        if !plan.trackedProcesses.isEmpty, trackProcesses == nil {
            trackProcesses = ProcessWatcher(loop: loop) { [logger] in logger.info("\($0)") }
        }
        trackProcesses?.onChange = { [unowned self] key, status in self.handle(.trackerChanged(key, status)) }
        trackProcesses?.configure(plan.trackedProcesses)
    }

    // MARK: Events

    func signalReceived(_ signal: Int32) {
        switch signal {
        case SIGTERM, SIGINT:
            shutdown()
        case SIGHUP:
            reload()
        case SIGXCPU:
            realtimeLimitReached()
        default:
            // keepalived's status signals: keepalived.data / .stats / .json.
            answerStatusSignal(signal)
        }
    }

    /// Link and address changes from the kernel (no polling): carrier loss drives FAULT and
    /// `track_interface`.
    func netlinkEvent(_ event: NetlinkEvent) {
        // A link event also ends what RouteNetlink.knownLink kept.
        switch event {
        case .linkChanged(let link):
            netlink.forgetLinks()
            report(link: link.name, up: link.isUp && link.hasCarrier)
        case .linkRemoved(_, let name):
            netlink.forgetLinks()
            report(link: name, up: false)
        case .resynchronize:
            netlink.forgetLinks()
            reportLinkStates(initial: false)
        case .addressAdded, .addressRemoved:
            break
        }
    }

    func report(link name: String, up: Bool) {
        guard linkStates[name] != up, interestingInterfaces.contains(name) else { return }
        linkStates[name] = up
        logger.info("Netlink reports \(name) \(up ? "up" : "down")")
        handle(.interfaceChanged(name: name, up: up))
    }

    /// Every interface an instance sends on or tracks.
    var interestingInterfaces: Set<String> {
        var names = Set<String>()
        for instance in plan.instances {
            if !instance.interface.isEmpty { names.insert(instance.interface) }
            if let base = plan.instancePlans[instance.name]?.interface { names.insert(base) }
            for tracker in instance.trackers where tracker.key.kind == .interface { names.insert(tracker.key.name) }
        }
        for group in plan.syncGroups {
            for tracker in group.trackers where tracker.key.kind == .interface { names.insert(tracker.key.name) }
        }
        return names
    }

    /// Tells the engine the state of every interface it cares about (tracked interfaces start
    /// unknown, and a weight-0 tracker holds its instance in INIT until reported).
    func reportLinkStates(initial: Bool) {
        for name in interestingInterfaces.sorted() {
            let link = netlink.link(named: name)
            let up = link.map { $0.isUp && $0.hasCarrier } ?? false
            if initial || linkStates[name] != up {
                linkStates[name] = up
                if !up { logger.info("Interface \(name) is \(link == nil ? "missing" : "down") at start") }
                handle(.interfaceChanged(name: name, up: up))
            }
        }
    }

    // MARK: Stop

    func shutdown() {
        guard !stopping else { return }
        stopping = true
        systemd.stopping()
        logger.info("Stopping (SIGTERM): priority 0 adverts, addresses released")
        scripts.stop()
        trackFiles?.stop()
        handle(.shutdown)
        // notify_stop scripts get a moment; the loop ends when they are done or the grace is over.
        let deadline = loop.now + VRRPDuration(microseconds: Int64(options.shutdownGrace * 1_000_000))
        func waitForNotifies() {
            if notifier.isIdle || loop.now >= deadline {
                loop.stop()
            } else {
                loop.schedule(after: .milliseconds(20)) { waitForNotifies() }
            }
        }
        waitForNotifies()
    }

    /// Undoes what karun set up: VMACs, interface settings, the status socket.
    func cleanUp() {
        for (name, index) in vmacs {
            do {
                try netlink.deleteLink(index: index)
            } catch {
                logger.warning("cannot remove VMAC \(name): \(error)")
            }
        }
        vmacs.removeAll()
        InterfaceSettings.restore(sysctlChanges)
        sysctlChanges.removeAll()
        // Components that unwatch their descriptors in deinit go before the loop does.
        control = nil
        metrics = nil
        removePidFile()
        signals = nil
        monitor = nil
        trackFiles = nil
        trackProcesses = nil
        logger.info("Stopped")
    }

    static func macText(_ mac: [UInt8]) -> String {
        mac.map { byte in byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined(separator: ":")
    }
}

/// Why karun does not start; the executable prints it and exits 1.
public enum DaemonStartError: Error, CustomStringConvertible {
    /// kalint found errors: its rendering, ready to print.
    case configuration(String)
    /// The configuration cannot run on this host (missing interface, no source address, ...).
    case plan(String)

    public var description: String {
        switch self {
        case .configuration(let text): text
        case .plan(let text): text
        }
    }
}
