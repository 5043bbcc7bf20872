#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The shell around `LanguageServer`: one thread, `poll(2)` on standard input with the time to
/// the next debounced lint as its timeout. Everything readable is read before the server handles
/// it, so cancellations that queued while it was busy are seen. Ends on `exit` or end of input.
public enum StdioTransport {
    /// Runs the server until the client exits; returns the process exit status.
    public static func run(input: Int32 = 0, output: Int32 = 1) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        var server = LanguageServer()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var inputOpen = true
        while server.exitCode == nil, inputOpen {
            guard write(server.idle(now: milliseconds()), to: output) else { return 1 }
            let timeout = server.nextDeadline.map { Int32(clamping: max(0, $0 - milliseconds())) } ?? -1
            guard wait(input, timeout: timeout) else { continue }
            var batch: [UInt8] = []
            repeat {
                let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 {
                    inputOpen = false
                    break
                }
                batch += chunk[0..<count]
            } while batch.count < 1 << 22 && wait(input, timeout: 0)
            guard write(server.receive(batch, now: milliseconds()), to: output) else { return 1 }
        }
        return server.exitCode ?? 1
    }

    /// True when `descriptor` is readable (or at its end) within `timeout` milliseconds (-1: forever).
    static func wait(_ descriptor: Int32, timeout: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&request, 1, timeout)
        return ready > 0
    }

    /// Writes everything (short writes and interrupts retried); false when the client is gone.
    static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                #if canImport(Glibc)
                    Glibc.write(descriptor, buffer.baseAddress, buffer.count)
                #elseif canImport(Musl)
                    Musl.write(descriptor, buffer.baseAddress, buffer.count)
                #else
                    Darwin.write(descriptor, buffer.baseAddress, buffer.count)
                #endif
            }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }
}
