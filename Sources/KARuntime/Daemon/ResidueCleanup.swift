import Logging

/// `karun cleanup CONFIG` (and `karun --cleanup CONFIG`), for systemd's ExecStopPost: removes what
/// a killed run of CONFIG left (ResidueSweep), VMACs included. A configuration that cannot be
/// read names no interfaces: tagged addresses are then removed from every interface.
public enum ResidueCleanup {
    /// The exit status: 0 when everything found was removed (or nothing was found), 1 otherwise.
    public static func run(configPath: String, configID: String?, logger: Logger) -> Int32 {
        let netlink: RouteNetlink
        do {
            netlink = try RouteNetlink()
        } catch {
            logger.error("cleanup: \(error)")
            return 1
        }
        let check = ConfigurationCheck.run(path: configPath, configID: configID)
        var plan = RuntimePlan()
        var interfaces: Set<String>?
        if check.passed {
            plan = ModelAdapter(configuration: check.model, host: NetlinkHostFacts(netlink: netlink)).plan()
            interfaces = ResidueSweep(netlink: netlink, plan: plan, logger: logger).interfaces
        } else {
            logger.warning("cleanup: \(configPath) cannot be read; tagged addresses are removed from every interface")
        }
        let outcome = ResidueSweep(netlink: netlink, plan: plan, logger: logger)
            .run(interfaces: interfaces, configured: true, removeVMACs: true)
        logger.info("cleanup: \(outcome.removed) leftover(s) removed\(outcome.failures > 0 ? ", \(outcome.failures) could not be" : "")")
        return outcome.failures == 0 ? 0 : 1
    }
}
