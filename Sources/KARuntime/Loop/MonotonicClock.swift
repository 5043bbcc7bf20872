#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KAVRRP

/// CLOCK_MONOTONIC as the engine's time values: the shell reads the clock, the engine never does.
public enum MonotonicClock {
    public static func now() -> VRRPInstant {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return VRRPInstant(microseconds: Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1_000)
    }

    /// Wall-clock seconds since the epoch (for status output: last transition times).
    public static func wallClockSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

/// An errno-carrying failure of a system call, with what was being done.
public struct SystemError: Error, CustomStringConvertible, Sendable {
    public var operation: String
    public var code: Int32

    public init(_ operation: String, code: Int32 = errno) {
        self.operation = operation
        self.code = code
    }

    public var description: String { "\(operation): \(String(cString: strerror(code))) (errno \(code))" }
}
