/// The timer arithmetic of RFC 3768 §6.1 / RFC 5798 §6.1 as keepalived computes it
/// (`VRRP_TIMER_SKEW`, `VRRP_MS_DOWN_TIMER` in include/vrrp.h).
public enum VRRPTimers {
    /// Skew_Time. v2: (256 − priority) / 256 s, independent of the interval (RFC 3768).
    /// v3: (256 − priority) × Master_Adver_Interval / 256, with the interval in whole centiseconds
    /// (keepalived: `pri × cs × 625 / 16` µs, integer arithmetic).
    public static func skewTime(version: VRRPVersion, priority: UInt8, masterAdvertisementInterval: VRRPDuration) -> VRRPDuration {
        skew(version: version, factor: 256 - Int64(priority), masterAdvertisementInterval: masterAdvertisementInterval)
    }

    /// keepalived's `VRRP_TIMER_SKEW_MIN`: the skew of priority 255 (one 256th).
    public static func minimumSkew(version: VRRPVersion, masterAdvertisementInterval: VRRPDuration) -> VRRPDuration {
        skew(version: version, factor: 1, masterAdvertisementInterval: masterAdvertisementInterval)
    }

    /// Master_Down_Interval = down_timer_adverts × Master_Adver_Interval + Skew_Time
    /// (RFC: 3 × interval; keepalived makes the 3 configurable).
    public static func masterDownInterval(
        version: VRRPVersion,
        priority: UInt8,
        masterAdvertisementInterval: VRRPDuration,
        downTimerAdverts: Int = 3
    ) -> VRRPDuration {
        masterAdvertisementInterval * Int64(downTimerAdverts)
            + skewTime(version: version, priority: priority, masterAdvertisementInterval: masterAdvertisementInterval)
    }

    private static func skew(version: VRRPVersion, factor: Int64, masterAdvertisementInterval: VRRPDuration) -> VRRPDuration {
        switch version {
        case .v2:
            VRRPDuration(microseconds: factor * 1_000_000 / 256)
        case .v3:
            VRRPDuration(microseconds: factor * masterAdvertisementInterval.centiseconds * 625 / 16)
        }
    }
}
