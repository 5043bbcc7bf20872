#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CKARuntime
import KAVRRP

/// Who a script runs as: keepalived's `user USERNAME [GROUPNAME]` (vrrp_script, notify lines) and
/// `script_user` (global_defs), resolved once with getpwnam/getgrnam/getgrouplist.
public struct ScriptIdentity: Hashable, Sendable, CustomStringConvertible {
    public var uid: uid_t
    public var gid: gid_t
    /// Supplementary groups (the user's, from getgrouplist; empty when a group was named).
    public var groups: [gid_t]
    /// The names as configured, for logs.
    public var userName: String?
    public var groupName: String?

    public init(uid: uid_t, gid: gid_t, groups: [gid_t] = [], userName: String? = nil, groupName: String? = nil) {
        self.uid = uid
        self.gid = gid
        self.groups = groups
        self.userName = userName
        self.groupName = groupName
    }

    /// The daemon's own identity: scripts run without any switch.
    public static var current: ScriptIdentity { ScriptIdentity(uid: geteuid(), gid: getegid()) }

    public var description: String { "\(userName ?? String(uid)):\(groupName ?? String(gid))" }

    public enum LookupError: Error, Hashable, Sendable, CustomStringConvertible {
        case unknownUser(String)
        case unknownGroup(String)

        public var description: String {
            switch self {
            case .unknownUser(let name): "unknown user \(name)"
            case .unknownGroup(let name): "unknown group \(name)"
            }
        }
    }

    /// `user [group]`: the group defaults to the user's primary group, and then the user's
    /// supplementary groups apply too (keepalived's `set_uid_gid`).
    public static func lookup(user: String, group: String? = nil) -> Result<ScriptIdentity, LookupError> {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getpwnam_r(user, &entry, &buffer, buffer.count, &result) == 0, result != nil else {
            return .failure(.unknownUser(user))
        }
        var identity = ScriptIdentity(uid: entry.pw_uid, gid: entry.pw_gid, userName: user, groupName: group)
        if let group {
            var groupEntry = group_t()
            var groupResult: UnsafeMutablePointer<group_t>?
            guard getgrnam_r(group, &groupEntry, &buffer, buffer.count, &groupResult) == 0, groupResult != nil else {
                return .failure(.unknownGroup(group))
            }
            identity.gid = groupEntry.gr_gid
        } else {
            var count: Int32 = 64
            var groups = [gid_t](repeating: 0, count: Int(count))
            if getgrouplist(user, entry.pw_gid, &groups, &count) < 0 {
                groups = [gid_t](repeating: 0, count: Int(count))
                _ = getgrouplist(user, entry.pw_gid, &groups, &count)
            }
            identity.groups = Array(groups.prefix(Int(max(0, count))))
        }
        return .success(identity)
    }

    /// keepalived's default script user: `script_user` when configured, else `keepalived_script`
    /// when that user exists, else the daemon's own identity.
    public static func defaultScriptUser(user: String?, group: String?) -> Result<ScriptIdentity, LookupError> {
        if let user { return lookup(user: user, group: group) }
        if case .success(let identity) = lookup(user: "keepalived_script") { return .success(identity) }
        return .success(.current)
    }

    /// Whether running as this identity needs a switch: another uid or gid, or (as root) a named
    /// user whose supplementary groups replace the daemon's.
    var differsFromCurrent: Bool {
        uid != geteuid() || gid != getegid() || (geteuid() == 0 && userName != nil)
    }
}

typealias group_t = group

/// Starts scripts the way keepalived does, without blocking the loop for longer than fork+exec.
///
/// Each child gets its own process group (so a timeout kills everything it started), stdin,
/// stdout and stderr on /dev/null, an empty signal mask and default dispositions (the daemon
/// blocks signals for its signalfd; masks survive exec), PR_SET_PDEATHSIG(SIGTERM), the
/// daemon's environment minus `IFS`, `LD_PRELOAD` and `LD_LIBRARY_PATH`, and, when asked, another
/// uid/gid/groups.
///
/// Why a small C fork+exec (`ckaruntime_spawn_script`) rather than posix_spawn: posix_spawn cannot
/// change the identity or set the parent-death signal, and running `setpriv` would add a second
/// exec to every run (and depend on util-linux). The child only makes async-signal-safe calls and
/// switches identity with raw setgroups/setresgid/setresuid system calls, so glibc's setxid
/// broadcast never runs in the forked child. The parent does not wait for the exec (under CPU
/// pressure that wait is the child's scheduling delay); a CLOEXEC pipe, read when the child has
/// ended, tells an exec failure (ENOENT, EACCES, EPERM from the identity switch) from exit 127.
public final class ProcessSpawner {
    private unowned let children: ChildWatcher
    /// How long fork+exec held the loop's thread: the only part of a script run that does.
    public private(set) var statistics = SpawnStatistics()
    /// The environment scripts get (computed once).
    public let environment: [String]

    public init(children: ChildWatcher, environment: [String]? = nil) {
        self.children = children
        self.environment = environment ?? ProcessSpawner.scriptEnvironment()
    }

    /// The daemon's environment without the variables keepalived drops before exec.
    public static func scriptEnvironment() -> [String] {
        var result: [String] = []
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            let name = text.split(separator: "=", maxSplits: 1).first.map(String.init) ?? text
            if !["IFS", "LD_PRELOAD", "LD_LIBRARY_PATH"].contains(name) { result.append(text) }
            cursor += 1
        }
        return result
    }

    /// Starts `argv` (`path` is the file to exec, normally the resolved argv[0]) and calls `onExit`
    /// on the loop's thread when it ends, with the error of the step before the exec (identity
    /// switch, exec itself) when it never ran. Returns the pid, which is also the process group id.
    /// Only fork happens on the caller's thread: the exec is not waited for.
    @discardableResult
    public func spawn(
        path: String? = nil, argv: [String], identity: ScriptIdentity? = nil,
        onExit: @escaping (_ exit: ChildExit, _ startError: SystemError?) -> Void
    ) throws -> pid_t {
        guard let first = argv.first else { throw SystemError("spawn (empty command)", code: EINVAL) }
        let began = MonotonicClock.now()
        defer { statistics.record((MonotonicClock.now() - began).microseconds) }
        let executable = path ?? first
        let (pid, report) = try ProcessSpawner.start(path: executable, argv: argv, environment: environment, identity: identity)
        do {
            try children.watch(pid: pid) { exit in
                let code = ckaruntime_spawn_error(report)
                close(report)
                onExit(exit, code == 0 ? nil : SystemError("exec \(executable)", code: code))
            }
        } catch {
            // Without a pidfd nobody would reap it: kill and reap now.
            _ = kill(-pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
            close(report)
            throw error
        }
        return pid
    }

    /// fork only (no watching): the caller reaps the pid and reads, then closes, the report fd.
    static func start(
        path: String, argv: [String], environment: [String], identity: ScriptIdentity?
    ) throws -> (pid: pid_t, report: Int32) {
        var cArgv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cEnv: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer {
            cArgv.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid: pid_t = 0
        var report: Int32 = -1
        let switching = identity.map { $0.differsFromCurrent } ?? false
        let groups = identity?.groups ?? []
        let code = groups.withUnsafeBufferPointer { groupBuffer in
            ckaruntime_spawn_script(
                path, &cArgv, &cEnv, switching ? 1 : 0,
                identity?.uid ?? 0, identity?.gid ?? 0, groupBuffer.baseAddress, Int32(groupBuffer.count),
                &pid, &report)
        }
        guard code == 0 else { throw SystemError("spawn \(path)", code: code) }
        return (pid, report)
    }

    /// Sends `signal` to the whole process group `pid` leads; false when nothing was left to signal.
    @discardableResult
    public static func signalGroup(_ pid: pid_t, _ signal: Int32) -> Bool {
        kill(-pid, signal) == 0
    }

    /// Whether the child has already ended (a zombie the loop has not reaped yet).
    static func hasEnded(_ pid: pid_t) -> Bool {
        ckaruntime_child_has_ended(pid) == 1
    }
}

/// fork+exec times, for the status output and to show that scripts do not stall the loop.
public struct SpawnStatistics: Hashable, Sendable {
    public private(set) var count = 0
    public private(set) var totalMicroseconds: Int64 = 0
    public private(set) var worstMicroseconds: Int64 = 0

    mutating func record(_ microseconds: Int64) {
        count += 1
        totalMicroseconds += microseconds
        worstMicroseconds = max(worstMicroseconds, microseconds)
    }
}
