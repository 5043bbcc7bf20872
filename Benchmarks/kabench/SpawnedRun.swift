#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One process run as a user starts it: wall time from posix_spawn to its reaping, and its peak
/// resident set (wait4's rusage: the process and the children it reaped; `ip netns exec` execs
/// its command in place, so that is the command's). posix_spawn and wait4, not Foundation's
/// Process: `waitUntilExit` notices the exit only at its run loop's next 50 ms poll, which rounded
/// keepalived's times up to a multiple of it.
struct SpawnedRun {
    var seconds: Double
    /// Peak RSS in bytes.
    var peakBytes: Int
    var status: Int32

    static func measure(_ executable: String, _ arguments: [String]) -> SpawnedRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = monotonicSeconds()
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
            return SpawnedRun(seconds: .nan, peakBytes: 0, status: -1)
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { return SpawnedRun(seconds: .nan, peakBytes: 0, status: -1) }
        }
        let seconds = monotonicSeconds() - start
        // ru_maxrss is in kilobytes on Linux.
        return SpawnedRun(seconds: seconds, peakBytes: Int(usage.ru_maxrss) * 1024, status: status & 0x7f == 0 ? (status >> 8) & 0xff : -1)
    }
}
