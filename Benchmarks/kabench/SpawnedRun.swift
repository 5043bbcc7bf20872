#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One process run as a user starts it: wall time from posix_spawn to its reaping, and its peak
/// resident set.
///
/// The peak comes from GNU time (`/usr/bin/time -f %M`), not from wait4's rusage of a process
/// kabench spawned itself: Linux keeps a process's ru_maxrss across exec, and a child spawned with
/// posix_spawn (vfork) or fork starts from its parent's resident set, so wait4 reported kabench's
/// own size (22-38 MB, holding the generated config) whenever the tool stayed below it. time is a
/// small process, so its child starts from a few hundred kilobytes. posix_spawn and wait4, not
/// Foundation's Process: `waitUntilExit` notices the exit only at its run loop's next 50 ms poll.
struct SpawnedRun {
    var seconds: Double
    /// Peak RSS in bytes (0 when GNU time is not installed: `apt-get install time`).
    var peakBytes: Int
    var status: Int32

    static let gnuTime = "/usr/bin/time"

    static func measure(_ executable: String, _ arguments: [String]) -> SpawnedRun {
        let report = "/tmp/kabench-rss-\(getpid())"
        let timed = access(gnuTime, X_OK) == 0
        let argv = timed ? [gnuTime, "-f", "%M", "-o", report, executable] + arguments : [executable] + arguments
        let run = spawnAndWait(argv)
        guard timed else { return run }
        defer { unlink(report) }
        var result = run
        result.peakBytes = (readKilobytes(report) ?? 0) * 1024
        return result
    }

    /// Runs argv[0] with stdout and stderr discarded; wall time and exit status (-1 when killed
    /// or not started).
    static func spawnAndWait(_ arguments: [String]) -> SpawnedRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = monotonicSeconds()
        guard posix_spawn(&pid, arguments[0], &actions, nil, argv, environ) == 0 else {
            return SpawnedRun(seconds: .nan, peakBytes: 0, status: -1)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return SpawnedRun(seconds: .nan, peakBytes: 0, status: -1) }
        }
        let seconds = monotonicSeconds() - start
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        return SpawnedRun(seconds: seconds, peakBytes: 0, status: status & 0x7f == 0 ? (status >> 8) & 0xff : -1)
    }

    /// The last number in the file time wrote (it may write "Command exited with non-zero
    /// status N" first).
    static func readKilobytes(_ path: String) -> Int? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var value: Int?
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let word = text.split(whereSeparator: \.isWhitespace).last, let number = Int(word) { value = number }
        }
        return value
    }
}
