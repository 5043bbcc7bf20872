/// A point on a monotonic clock, in microseconds since an arbitrary origin chosen by the caller.
///
/// The engine never reads a clock: every event carries the current time as one of these values, so
/// the same code runs against the kernel's clock in karun and against virtual time in a simulator.
public struct VRRPInstant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var microseconds: Int64

    public init(microseconds: Int64) { self.microseconds = microseconds }

    public static let zero = VRRPInstant(microseconds: 0)

    public static func < (lhs: VRRPInstant, rhs: VRRPInstant) -> Bool { lhs.microseconds < rhs.microseconds }

    public static func + (lhs: VRRPInstant, rhs: VRRPDuration) -> VRRPInstant {
        VRRPInstant(microseconds: lhs.microseconds &+ rhs.microseconds)
    }

    public static func - (lhs: VRRPInstant, rhs: VRRPDuration) -> VRRPInstant {
        VRRPInstant(microseconds: lhs.microseconds &- rhs.microseconds)
    }

    public static func - (lhs: VRRPInstant, rhs: VRRPInstant) -> VRRPDuration {
        VRRPDuration(microseconds: lhs.microseconds &- rhs.microseconds)
    }

    public var description: String { VRRPDuration(microseconds: microseconds).description }
}

/// A length of time in microseconds (keepalived's `TIMER_HZ` resolution).
public struct VRRPDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var microseconds: Int64

    public init(microseconds: Int64) { self.microseconds = microseconds }

    public static let zero = VRRPDuration(microseconds: 0)

    public static func seconds(_ value: Int64) -> VRRPDuration { VRRPDuration(microseconds: value * 1_000_000) }
    public static func milliseconds(_ value: Int64) -> VRRPDuration { VRRPDuration(microseconds: value * 1_000) }
    /// VRRPv3 carries its interval in centiseconds (keepalived's `TIMER_CENTI_HZ`).
    public static func centiseconds(_ value: Int64) -> VRRPDuration { VRRPDuration(microseconds: value * 10_000) }

    public static func < (lhs: VRRPDuration, rhs: VRRPDuration) -> Bool { lhs.microseconds < rhs.microseconds }
    public static func + (lhs: VRRPDuration, rhs: VRRPDuration) -> VRRPDuration {
        VRRPDuration(microseconds: lhs.microseconds &+ rhs.microseconds)
    }
    public static func - (lhs: VRRPDuration, rhs: VRRPDuration) -> VRRPDuration {
        VRRPDuration(microseconds: lhs.microseconds &- rhs.microseconds)
    }
    public static func * (lhs: VRRPDuration, rhs: Int64) -> VRRPDuration {
        VRRPDuration(microseconds: lhs.microseconds &* rhs)
    }

    /// Whole centiseconds, rounded down (the unit of the VRRPv3 interval field).
    public var centiseconds: Int64 { microseconds / 10_000 }

    /// Seconds with microsecond precision, e.g. `3.5s`, `0.01s`.
    public var description: String {
        let sign = microseconds < 0 ? "-" : ""
        let magnitude = microseconds.magnitude
        let whole = magnitude / 1_000_000
        var fraction = String(magnitude % 1_000_000)
        if fraction == "0" { return "\(sign)\(whole)s" }
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(whole).\(fraction)s"
    }
}
