#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CKARuntime

/// How a child process ended.
public enum ChildExit: Hashable, Sendable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)

    public var description: String {
        switch self {
        case .exited(let code): "exit \(code)"
        case .signaled(let signal): "signal \(signal)"
        }
    }

    /// The process exited with status 0.
    public var succeeded: Bool { self == .exited(0) }
}

/// Tells the loop's thread when a child ends, through a pidfd per child (Linux ≥ 5.3): no SIGCHLD
/// handler, no polling, and no race with other code that reaps its own children.
public final class ChildWatcher {
    private unowned let loop: EventLoop

    public init(loop: EventLoop) { self.loop = loop }

    /// Calls `handler` once, on the loop's thread, when `pid` has ended (and reaps it).
    public func watch(pid: pid_t, _ handler: @escaping (ChildExit) -> Void) throws {
        let fd = ckaruntime_pidfd_open(pid)
        guard fd >= 0 else { throw SystemError("pidfd_open(\(pid))") }
        try loop.watch(fd: fd) { [unowned loop] _ in
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            guard reaped == pid || reaped < 0 else { return }
            loop.unwatch(fd: fd)
            close(fd)
            handler(ChildWatcher.decode(status))
        }
    }

    static func decode(_ status: Int32) -> ChildExit {
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
        let signal = status & 0x7F
        if signal == 0 { return .exited((status >> 8) & 0xFF) }
        return .signaled(signal)
    }
}
