#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The signals keepalived 2.2.7 answers, by the names `keepalived --signum=NAME` takes, with the
/// numbers it prints on this libc. The real-time ones are computed from SIGRTMIN/SIGRTMAX at run
/// time (glibc reserves a few real-time signals for itself, so the numbers depend on the libc):
/// on glibc JSON is 36 and STATS_CLEAR 63.
public enum KeepalivedSignal: String, CaseIterable, Sendable {
    case stop = "STOP"
    case reload = "RELOAD"
    case data = "DATA"
    case stats = "STATS"
    case statsClear = "STATS_CLEAR"
    case json = "JSON"

    public var number: Int32 {
        switch self {
        case .stop: SIGTERM
        case .reload: SIGHUP
        case .data: SIGUSR1
        case .stats: SIGUSR2
        case .statsClear: __libc_current_sigrtmax() - 1
        case .json: __libc_current_sigrtmin() + 2
        }
    }

    /// `NAME` as keepalived's `--signum` takes it (case-insensitive, `SIG` prefix allowed).
    public init?(name: String) {
        var upper = name.uppercased()
        if upper.hasPrefix("SIG") { upper.removeFirst(3) }
        self.init(rawValue: upper)
    }

    /// The status signal with this number, if any (STOP and RELOAD are the daemon's own business).
    public init?(statusSignal number: Int32) {
        guard let match = [Self.data, .stats, .statsClear, .json].first(where: { $0.number == number }) else { return nil }
        self = match
    }

    /// The real-time signals karun must block and read besides the classic ones.
    public static var realTimeNumbers: [Int32] { [json.number, statsClear.number] }
}

extension Daemon {
    /// `--pid-file`: the PID exporters signal (keepalived's `/run/keepalived.pid`, which
    /// mehdy/keepalived-exporter reads through `--ka.pid-path`). Written at start, removed at stop.
    func writePidFile() {
        guard let path = options.pidFile else { return }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        switch StatusFile.replace(directory: directory, name: name, "\(getpid())\n") {
        case .success: chmod(path, 0o644)
        case .failure(let error): logger.warning("pid file \(path): \(error)")
        }
    }

    /// Removes the PID file only while it still names this process (another karun may own it now).
    func removePidFile() {
        guard let path = options.pidFile else { return }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard count > 0, String(decoding: buffer[0..<count], as: UTF8.self) == "\(getpid())\n" else { return }
        unlink(path)
    }
}
