#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KAConfig
import Synchronization

/// After a reload karun reads the live firewall again, off the loop's thread: the dumps
/// (`nft list ruleset`, `iptables-save`) may take up to their timeout each, and the loop must keep
/// sending adverts meanwhile. A thread runs the dumps and wakes the loop through a pipe; the loop
/// then checks the rulesets against the plan it holds at that moment. One read at a time: a
/// reload while one runs asks for another when it ends.
final class FirewallRereader {
    typealias Rulesets = [(command: String, text: String)]

    private let loop: EventLoop
    private let wake: WakePipe
    private let onRulesets: (Rulesets) -> Void
    private var reading = false
    private var again = false
    private let commandTimeout: Double

    init(loop: EventLoop, commandTimeout: Double = 2.0, onRulesets: @escaping (Rulesets) -> Void) throws {
        self.loop = loop
        self.commandTimeout = commandTimeout
        self.onRulesets = onRulesets
        wake = try WakePipe()
        try loop.watch(fd: wake.readEnd) { [unowned self] _ in self.finished() }
    }

    deinit { loop.unwatch(fd: wake.readEnd) }

    /// Starts a read unless one is running (then one more follows it).
    func request() {
        guard !reading else { again = true; return }
        reading = true
        let wake = self.wake
        let timeout = commandTimeout
        // A new thread of the loop's thread inherits its network namespace (karun --namespace).
        startDetachedThread(stackSize: 1 << 20) {
            wake.post(LiveHostReadings.firewallRulesets(timeout: timeout))
        }
    }

    private func finished() {
        guard let rulesets = wake.take() else { return }
        reading = false
        onRulesets(rulesets)
        if again {
            again = false
            request()
        }
    }
}

/// The pipe and the mailbox between the reading thread and the loop. The thread holds a reference
/// until it has written, so the descriptors outlive any read in flight.
private final class WakePipe: Sendable {
    let readEnd: Int32
    private let writeEnd: Int32
    private let mailbox = Mutex<[(command: String, text: String)]?>(nil)

    init() throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw SystemError("pipe") }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// On the reading thread.
    func post(_ rulesets: [(command: String, text: String)]) {
        mailbox.withLock { $0 = rulesets }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// On the loop: drains the wake-up bytes and takes what was posted.
    func take() -> [(command: String, text: String)]? {
        var buffer = [UInt8](repeating: 0, count: 16)
        while buffer.withUnsafeMutableBytes({ read(readEnd, $0.baseAddress, $0.count) }) > 0 {}
        return mailbox.withLock { value in
            defer { value = nil }
            return value
        }
    }
}
