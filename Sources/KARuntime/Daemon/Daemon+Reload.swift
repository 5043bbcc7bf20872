import KAConfig
import KAVRRP

extension Daemon {
    /// SIGHUP: re-read and check the configuration; refuse a broken one (the running one goes on);
    /// otherwise keep unchanged instances running with their state and timers, start new ones,
    /// stop removed ones (the engine matches instances by name and diffs their addresses).
    func reload() {
        guard !stopping else { return }
        systemd.reloading()
        // Every master advertises first: reading and checking a large configuration takes a
        // while, and no backup's down timer may run out meanwhile.
        let masters = router.instances.filter { $0.state == .master && $0.isUp }.count
        handle(.advertiseMasters)
        logger.info("Reloading configuration \(options.configPath) (\(masters) master(s) advertised first)")
        defer { systemd.ready(status: "\(plan.instances.count) VRRP instance(s)") }
        let newCheck = ConfigurationCheck.run(path: options.configPath, configID: options.configID)
        guard newCheck.passed else {
            logger.error("new configuration refused, the running one stays:\n\(newCheck.rendered)")
            return
        }
        if !newCheck.rendered.isEmpty { logger.warning("configuration findings:\n\(newCheck.rendered)") }
        var newPlan = ModelAdapter(configuration: newCheck.model, host: NetlinkHostFacts(netlink: netlink)).plan()
        guard newPlan.errors.isEmpty else {
            logger.error("new configuration refused, the running one stays:\n\(newPlan.errors.map(\.description).joined(separator: "\n"))")
            return
        }
        do {
            _ = try VRRPRouter(instances: newPlan.instances, syncGroups: newPlan.syncGroups)
        } catch {
            logger.error("new configuration refused, the running one stays: \(error)")
            return
        }
        for issue in newPlan.issues where issue.severity == .warning { logger.warning("\(issue)") }

        let oldPlan = plan
        let oldNames = Set(oldPlan.instances.map(\.name))
        let newNames = Set(newPlan.instances.map(\.name))
        // Removed instances still need their old shell facts while the engine releases them.
        for (name, shell) in oldPlan.instancePlans where !newNames.contains(name) { newPlan.instancePlans[name] = shell }
        newPlan.notifyCommands.merge(oldPlan.notifyCommands) { new, _ in new }
        plan = newPlan
        releaseAnalysisMemory()
        applyScheduling()
        watchLateness()
        advertPackets.removeAll()
        do {
            try setUpInstances(newPlan.instances, isNew: { !oldNames.contains($0) })
        } catch {
            logger.error("reload: \(error)")
        }
        // The engine renumbers its instances: the loop timers follow before any action arms one.
        handle(.reload(instances: newPlan.instances, syncGroups: newPlan.syncGroups), between: renumberLoopTimers)

        for name in oldNames.subtracting(newNames) {
            sockets.detach(name)
            if let vmac = oldPlan.instancePlans[name]?.vmac, let index = vmacs.removeValue(forKey: vmac.name) {
                try? netlink.deleteLink(index: index)
            }
            plan.instancePlans[name] = nil
        }
        configureTrackers()
        // Interfaces newly tracked have no reported state yet: reported here.
        reportLinkStates(initial: false)
        runSelfCheck(readsFirewall: false)
        recheckFirewall()
        logger.info("Reload done: \(newNames.subtracting(oldNames).count) new, \(oldNames.subtracting(newNames).count) removed, \(newNames.intersection(oldNames).count) kept")
    }
}
