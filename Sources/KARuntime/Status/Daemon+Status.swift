#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KAJSON
import KAVRRP

extension Daemon {
    /// Everything `karun status` prints: instances, sync groups, scripts, drops and timer lateness.
    func statusReport() -> JSONValue {
        let now = loop.now
        var instances: [JSONValue] = []
        for configuration in plan.instances {
            guard let instance = router.instance(named: configuration.name) else { continue }
            instances.append(instanceStatus(instance, now: now))
        }
        let groups: [JSONValue] = plan.syncGroups.map { group in
            .object([
                ("name", .string(group.name)),
                ("state", .string(router.syncGroupState(named: group.name)?.description ?? "INIT")),
                ("members", .array(group.members.map { .string($0) })),
            ])
        }
        let lateness = loop.lateness
        return .object([
            ("version", .int(1)),
            ("pid", .int(Int(getpid()))),
            ("config", .string(options.configPath)),
            ("uptime_seconds", .double(Double((now - startedAt).microseconds) / 1e6)),
            ("instances", .array(instances)),
            ("sync_groups", .array(groups)),
            ("scripts", .array(scriptStatus())),
            ("packets", .object([
                ("received", .int(counters.packetsReceived)),
                ("sent", .int(counters.packetsSent)),
                ("send_errors", .int(counters.sendErrors)),
                ("unknown_vrid", .int(router.unknownVirtualRouterIDs)),
                ("malformed_short", .int(router.malformedPackets)),
            ])),
            ("drops", .object(counters.drops.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("timer_lateness", .object([
                ("samples", .int(lateness.samples)),
                ("worst_us", .int(Int(lateness.worstMicroseconds))),
                ("mean_us", .int(lateness.samples == 0 ? 0 : Int(lateness.totalMicroseconds) / lateness.samples)),
                ("buckets_us", .array(zip(LatenessRecorder.bounds.map(String.init) + ["+Inf"], lateness.counts).map {
                    .object([("le", .string($0.0)), ("count", .int($0.1))])
                })),
            ])),
        ])
    }

    func scriptStatus() -> [JSONValue] {
        scripts.statistics.sorted { $0.key < $1.key }.map { name, statistics in
            let result: String = switch statistics.result {
            case .unknown: "INIT"
            case .up: "GOOD"
            case .down: "BAD"
            case .value(let value): value == 0 ? "GOOD" : "BAD"
            }
            return .object([
                ("name", .string(name)),
                ("result", .string(result)),
                ("runs", .int(statistics.runs)),
                ("running", .bool(statistics.running)),
                ("last_exit", statistics.lastExit.map { .string($0.description) } ?? .null),
                ("last_duration_us", statistics.lastDuration.map { .int(Int($0.microseconds)) } ?? .null),
                ("timeouts", .int(statistics.timeouts)),
                ("skipped", .int(statistics.skipped)),
                ("spawn_failures", .int(statistics.spawnFailures)),
                ("disabled", statistics.disabledReason.map { .string($0) } ?? .null),
            ])
        }
    }

    func instanceStatus(_ instance: VRRPInstance, now: VRRPInstant) -> JSONValue {
        let configuration = instance.configuration
        let statistics = instance.statistics
        let shell = plan.instancePlans[instance.name]
        let transition = counters.lastTransition[instance.name]
        var pairs: [(String, JSONValue)] = [
            ("name", .string(instance.name)),
            ("state", .string(instance.state.description)),
            ("wanted_state", .string(instance.wantsMaster ? "MASTER" : instance.state == .fault ? "FAULT" : "BACKUP")),
            ("vrid", .int(Int(configuration.virtualRouterID))),
            ("version", .int(configuration.version == .v2 ? 2 : 3)),
            ("family", .string(configuration.family == .ipv4 ? "ipv4" : "ipv6")),
            ("interface", shell?.interface.map { .string($0) } ?? .null),
            ("vmac", shell?.vmac.map { .string($0.name) } ?? .null),
            ("source", .string(configuration.sourceAddress.description)),
            ("base_priority", .int(Int(instance.basePriority))),
            ("effective_priority", .int(Int(instance.effectivePriority))),
            ("master_address", instance.state == .master
                ? .string(configuration.sourceAddress.description)
                : instance.masterAddress.map { .string($0.description) } ?? .null),
            ("advert_interval_us", .int(Int(configuration.effectiveAdvertisementInterval.microseconds))),
            ("master_advert_interval_us", .int(Int(instance.masterAdvertisementInterval.microseconds))),
            ("vips", .array(configuration.virtualAddresses.map { .string($0.description) })),
            ("holds_vips", .bool(instance.holdsAddresses)),
            ("last_transition", transition.map { transition in
                .object([
                    ("from", .string(transition.from.description)), ("to", .string(transition.to.description)),
                    ("reason", .string(transition.reason)), ("time", .double(transition.time)),
                ])
            } ?? .null),
        ]
        pairs.append(("stats", .object([
            ("advert_rcvd", .int(statistics.advertisementsReceived)),
            ("advert_sent", .int(statistics.advertisementsSent)),
            ("become_master", .int(statistics.becameMaster)),
            ("release_master", .int(statistics.releasedMaster)),
            ("pri_zero_rcvd", .int(statistics.priorityZeroReceived)),
            ("pri_zero_sent", .int(statistics.priorityZeroSent)),
            ("packet_len_err", .int(statistics.malformedPackets)),
            ("ip_ttl_err", .int(statistics.hopLimitErrors)),
            ("version_err", .int(statistics.versionErrors)),
            ("authtype_mismatch", .int(statistics.authenticationTypeMismatches)),
            ("auth_failure", .int(statistics.authenticationFailures)),
            ("advert_interval_err", .int(statistics.intervalErrors)),
            ("addr_list_err", .int(statistics.addressListErrors)),
            ("other_rejected", .int(statistics.otherRejections)),
            ("garp_sent", .int(counters.garpSent[instance.name] ?? 0)),
            ("na_sent", .int(counters.naSent[instance.name] ?? 0)),
            ("lower_priority_while_master", .int(counters.lowerPriorityWhileMaster[instance.name] ?? 0)),
        ])))
        pairs.append(("drops", .object((counters.instanceDrops[instance.name] ?? [:]).sorted { $0.key < $1.key }
            .map { ($0.key, .int($0.value)) })))
        pairs.append(("trackers", .array(configuration.trackers.map { tracker in
            .object([
                ("kind", .string(tracker.key.kind.rawValue)), ("name", .string(tracker.key.name)),
                ("weight", .int(tracker.weight)), ("reverse", .bool(tracker.reverse)),
            ])
        })))
        return .object(pairs)
    }
}
