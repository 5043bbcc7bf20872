#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CKARuntime

/// Signals delivered through a signalfd watched by the event loop, never by an async handler.
///
/// `block` must run before any other thread starts (threads inherit the mask), so the executable
/// calls it first thing; then `SignalSource` reads them one by one on the loop's thread.
public final class SignalSource {
    private let fd: Int32
    private unowned let loop: EventLoop

    /// Blocks `signals` for the calling thread (and the threads it starts later).
    public static func block(_ signals: [Int32]) {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Restores the default mask in a child (spawned scripts must not inherit blocked signals):
    /// see `ProcessSpawner`, which resets it with posix_spawnattr_setsigmask.
    public init(loop: EventLoop, signals: [Int32], handler: @escaping (Int32) -> Void) throws {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        fd = signalfd(-1, &set, Int32(SFD_NONBLOCK | SFD_CLOEXEC))
        guard fd >= 0 else { throw SystemError("signalfd") }
        self.loop = loop
        try loop.watch(fd: fd) { [fd] _ in
            var info = signalfd_siginfo()
            while read(fd, &info, MemoryLayout<signalfd_siginfo>.size) == MemoryLayout<signalfd_siginfo>.size {
                handler(Int32(info.ssi_signo))
            }
        }
    }

    deinit {
        loop.unwatch(fd: fd)
        close(fd)
    }
}
