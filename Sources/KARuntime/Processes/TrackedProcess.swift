import KAConfig
import KAVRRP

/// One `vrrp_track_process` block as karun watches it, read as keepalived 2.2.7 reads it
/// (vrrp_parser.c, core/track_process.c): the process name is compared with the kernel's name of
/// the process (`comm`, 15 characters at most) unless the command line is asked for
/// (`full_command`, parameters, `param_match`): then with argv[0] exactly, and the parameters as
/// `param_match` says. The tracker is up while quorum ≤ matching processes ≤ quorum_max.
public struct TrackedProcess: Hashable, Sendable {
    public enum ParameterMatch: String, Hashable, Sendable {
        /// Parameters are not compared.
        case none
        /// The parameters are exactly the ones written (none written: none given).
        case exact
        /// The process's parameters start with the ones written.
        case partial
        /// As partial, the last one written being a prefix of the process's parameter there.
        case initial
    }

    public var name: String
    public var process: String
    public var parameters: [String]
    public var parameterMatch: ParameterMatch
    public var fullCommand: Bool
    public var quorum: Int
    public var quorumMax: Int
    /// How long a gained quorum must last before the tracker goes up (`fork_delay`, `delay`).
    public var forkDelay: VRRPDuration
    /// How long a lost quorum must last before the tracker goes down (`terminate_delay`, `delay`).
    public var terminateDelay: VRRPDuration

    public init(
        name: String, process: String, parameters: [String] = [], parameterMatch: ParameterMatch = .none,
        fullCommand: Bool = false, quorum: Int = 1, quorumMax: Int = .max, forkDelay: VRRPDuration = .zero,
        terminateDelay: VRRPDuration = .zero
    ) {
        self.name = name
        self.process = process
        self.parameters = parameters
        self.parameterMatch = parameterMatch
        self.fullCommand = fullCommand
        self.quorum = quorum
        self.quorumMax = quorumMax
        self.forkDelay = forkDelay
        self.terminateDelay = terminateDelay
    }

    /// From the model; nil without a `process` line (keepalived drops such a block).
    public init?(_ model: TrackProcess) {
        guard let process = model.process, !process.isEmpty else { return nil }
        var match = model.paramMatch.flatMap(ParameterMatch.init(rawValue:)) ?? .none
        var fullCommand = model.fullCommand
        if !model.parameters.isEmpty {
            fullCommand = true
            if match == .none { match = .exact }
        }
        if match != .none { fullCommand = true }
        var quorum = max(model.quorum, 0)
        var quorumMax = model.quorumMax ?? .max
        if quorumMax == 0 { quorum = 0 }
        if quorumMax < quorum { quorumMax = .max }
        func duration(_ microseconds: Int?) -> VRRPDuration { microseconds.map { VRRPDuration(microseconds: Int64($0)) } ?? .zero }
        self.init(
            name: model.name, process: process, parameters: model.parameters, parameterMatch: match,
            fullCommand: fullCommand, quorum: quorum, quorumMax: quorumMax,
            forkDelay: duration(model.forkDelayMicroseconds), terminateDelay: duration(model.terminateDelayMicroseconds))
    }

    public var key: TrackerKey { TrackerKey(.process, name) }

    /// Whether a process with kernel name `comm` and command line `commandLine` (argv, as
    /// /proc/PID/cmdline splits it at its NULs) is one of these.
    public func matches(comm: String, commandLine: [String]) -> Bool {
        guard fullCommand else { return comm == process }
        guard let first = commandLine.first, first == process else { return false }
        let given = commandLine.dropFirst()
        switch parameterMatch {
        case .none:
            return true
        case .exact:
            return given.elementsEqual(parameters)
        case .partial:
            return given.count >= parameters.count && given.prefix(parameters.count).elementsEqual(parameters)
        case .initial:
            guard let last = parameters.last else { return true }
            guard given.count >= parameters.count else { return false }
            let head = parameters.dropLast()
            return given.prefix(head.count).elementsEqual(head) && given[given.startIndex + head.count].hasPrefix(last)
        }
    }
}
