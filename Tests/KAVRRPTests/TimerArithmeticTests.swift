import Testing
import KAVRRP

@Suite("Skew_Time and Master_Down_Interval")
struct TimerArithmeticTests {
    @Test func v2ManPageExample() {
        // keepalived.conf(5): advert_int 1, priority 128 → 3.5 s before taking over.
        let down = VRRPTimers.masterDownInterval(version: .v2, priority: 128, masterAdvertisementInterval: .seconds(1))
        #expect(down == .milliseconds(3500))
        #expect(VRRPTimers.skewTime(version: .v2, priority: 128, masterAdvertisementInterval: .seconds(1)) == .milliseconds(500))
    }

    @Test func v2SkewIgnoresTheInterval() {
        // RFC 3768: (256 − priority) / 256 s, whatever the interval.
        let one = VRRPTimers.skewTime(version: .v2, priority: 100, masterAdvertisementInterval: .seconds(1))
        let five = VRRPTimers.skewTime(version: .v2, priority: 100, masterAdvertisementInterval: .seconds(5))
        #expect(one == five)
        #expect(one == VRRPDuration(microseconds: 609_375))
        #expect(VRRPTimers.masterDownInterval(version: .v2, priority: 100, masterAdvertisementInterval: .seconds(5)) == VRRPDuration(microseconds: 15_609_375))
    }

    @Test func v3SkewScalesWithTheMasterInterval() {
        // RFC 5798: ((256 − priority) × Master_Adver_Interval) / 256, interval in centiseconds.
        #expect(VRRPTimers.skewTime(version: .v3, priority: 100, masterAdvertisementInterval: .centiseconds(100)) == VRRPDuration(microseconds: 609_375))
        #expect(VRRPTimers.skewTime(version: .v3, priority: 100, masterAdvertisementInterval: .centiseconds(50)) == VRRPDuration(microseconds: 304_687))
        #expect(VRRPTimers.skewTime(version: .v3, priority: 200, masterAdvertisementInterval: .centiseconds(1)) == VRRPDuration(microseconds: 2_187))
        #expect(VRRPTimers.masterDownInterval(version: .v3, priority: 100, masterAdvertisementInterval: .centiseconds(50)) == VRRPDuration(microseconds: 1_804_687))
    }

    @Test func downTimerAdvertsReplacesTheThree() {
        let down = VRRPTimers.masterDownInterval(version: .v3, priority: 254, masterAdvertisementInterval: .centiseconds(10), downTimerAdverts: 5)
        #expect(down == .milliseconds(500) + VRRPDuration(microseconds: 2 * 10 * 625 / 16))
    }

    @Test func ownerSkewIsTheMinimum() {
        #expect(VRRPTimers.skewTime(version: .v2, priority: 255, masterAdvertisementInterval: .seconds(1))
            == VRRPTimers.minimumSkew(version: .v2, masterAdvertisementInterval: .seconds(1)))
        #expect(VRRPTimers.minimumSkew(version: .v2, masterAdvertisementInterval: .seconds(1)) == VRRPDuration(microseconds: 3_906))
    }

    @Test func intervalFieldRounding() {
        var configuration = Sample.instance(version: .v2)
        configuration.advertisementInterval = .milliseconds(1400)
        #expect(configuration.advertisementIntervalField == 1)
        configuration.advertisementInterval = .milliseconds(300)
        #expect(configuration.advertisementIntervalField == 1)
        configuration.version = .v3
        configuration.advertisementInterval = .milliseconds(1234)
        #expect(configuration.advertisementIntervalField == 123)
        configuration.advertisementInterval = .seconds(50)
        #expect(configuration.advertisementIntervalField == 4095)
        #expect(configuration.effectiveAdvertisementInterval == .milliseconds(40950))
    }
}
