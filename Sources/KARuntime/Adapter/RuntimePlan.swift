import KAConfig
import KAVRRP

/// Everything karun runs for one configuration: the engine's configuration plus what only the
/// shell needs (interfaces, VMACs, scripts, command lines), and the problems found on the way.
public struct RuntimePlan: Sendable {
    public var instances: [InstanceConfiguration] = []
    public var syncGroups: [SyncGroupConfiguration] = []
    /// Shell-side facts per instance name.
    public var instancePlans: [String: InstancePlan] = [:]
    /// The `vrrp_script`s some instance or sync group tracks (unreferenced ones are not run).
    public var scripts: [ScriptPlan] = []
    public var trackFiles: [TrackedFile] = []
    /// The `vrrp_track_process`es some instance or sync group tracks.
    public var trackedProcesses: [TrackedProcess] = []
    /// Notify command lines as the engine names them → the command to run (with its user).
    public var notifyCommands: [String: ScriptCommand] = [:]
    public var global = GlobalPlan()
    public var issues: [PlanIssue] = []

    public var errors: [PlanIssue] { issues.filter { $0.severity == .error } }
}

public struct GlobalPlan: Hashable, Sendable {
    /// `vrrp_garp_interval` / `vrrp_gna_interval`: pause between two messages on one interface.
    public var garpInterval: VRRPDuration = .zero
    public var gnaInterval: VRRPDuration = .zero
    /// `script_user USER [GROUP]`: who runs scripts that name no user (keepalived: keepalived_script, else root).
    public var scriptUser: String?
    public var scriptGroup: String?
    public var enableScriptSecurity = false
    public var routerID: String?
    /// vrrp_priority, vrrp_rt_priority, vrrp_no_swap, vrrp_cpu_affinity, max_auto_priority...
    public var scheduling = ProcessScheduling()
}

/// The shell's view of one instance.
public struct InstancePlan: Hashable, Sendable {
    public var name: String
    /// `interface`; nil for a unicast instance without one (keepalived ≥ 2.1).
    public var interface: String?
    /// `use_vmac`: the macvlan to create on `interface`.
    public var vmac: VMACPlan?
    public var family: AddressFamily
    /// Where adverts are sent and received: the interface, the VMAC (without `vmac_xmit_base`), or
    /// nil (unicast without interface: not bound to a device).
    public var advertInterface: String?
    /// Interface of VIPs written without `dev`: the VMAC when there is one, else `interface`.
    public var defaultAddressDevice: String?
    /// The model's entries that carry more than address, prefix and device (brd, scope, label,
    /// flags...), for the netlink calls, by engine address; a plain entry has none.
    public var addressDetails: [KAVRRP.VirtualAddress: KAConfig.VirtualAddress] = [:]
    public var routeDetails: [VirtualRoute: RouteEntry] = [:]
    public var ruleDetails: [VirtualRoute: RuleEntry] = [:]
}

public struct VMACPlan: Hashable, Sendable {
    public var name: String
    public var mac: [UInt8]
    /// `vmac_xmit_base`: adverts on the parent, ARP from the VMAC.
    public var transmitOnBase: Bool

    /// keepalived's default: 00:00:5e:00:01:VRID (IPv4) or 00:00:5e:00:02:VRID (IPv6).
    public static func defaultMAC(family: AddressFamily, virtualRouterID: UInt8) -> [UInt8] {
        [0x00, 0x00, 0x5E, 0x00, family == .ipv4 ? 0x01 : 0x02, virtualRouterID]
    }
}

/// A `vrrp_script` to run.
public struct ScriptPlan: Hashable, Sendable {
    public var name: String
    public var command: ScriptCommand
    public var interval: VRRPDuration
    public var timeout: VRRPDuration
    public var rise: Int
    public var fall: Int
    public var initFail: Bool
}

public struct PlanIssue: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable { case error, warning }
    public var severity: Severity
    /// The instance, sync group or script concerned, if any.
    public var subject: String?
    public var message: String

    public init(_ severity: Severity, _ subject: String?, _ message: String) {
        self.severity = severity
        self.subject = subject
        self.message = message
    }

    public var description: String { "\(severity): " + (subject.map { "(\($0)) " } ?? "") + message }
}
