import Testing
@testable import KAConfig
@testable import KALint

@Suite struct FirewallAddressTests {
    @Test(arguments: [
        ("192.0.2.1", "192.0.2.1"),
        ("2001:DB8:0:0:0:0:0:1", "2001:db8::1"),
        ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
        ("fe80::1%eth0", "fe80::1"),
        ("ff02::12", "ff02::12"),
        ("::", "::"),
        ("::ffff:192.0.2.1", "::ffff:c000:201"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2:3:4:5:6"),
    ])
    func parsesAndPrintsCanonically(input: String, printed: String) {
        #expect(FirewallAddress.parse(input)?.description == printed)
    }

    @Test(arguments: ["256.0.0.1", "1.2.3", "1.2.3.4.5", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "", "eth0", ":::", "1.2.3.-4"])
    func rejectsMalformedAddresses(input: String) {
        #expect(FirewallAddress.parse(input) == nil)
    }

    @Test func prefixesMasksAndRangesContainTheRightAddresses() throws {
        let net = try #require(FirewallAddressRange.parse("192.0.2.77/24"))
        #expect(net.description == "192.0.2.0/24")
        #expect(net.contains(try #require(FirewallAddress.parse("192.0.2.255"))))
        #expect(!net.contains(try #require(FirewallAddress.parse("192.0.3.0"))))
        #expect(FirewallAddressRange.parse("10.1.2.3/255.0.0.0")?.description == "10.0.0.0/8")
        #expect(FirewallAddressRange.parse("10.0.0.0/255.0.255.0") == nil)
        #expect(FirewallAddressRange.parse("10.0.0.0/33") == nil)
        let span = try #require(FirewallAddressRange.parse("192.0.2.10-192.0.2.20"))
        #expect(span.contains(try #require(FirewallAddress.parse("192.0.2.20"))))
        #expect(!span.contains(try #require(FirewallAddress.parse("192.0.2.21"))))
        #expect(FirewallAddressRange.parse("192.0.2.20-192.0.2.10") == nil)
        let v6 = try #require(FirewallAddressRange.parse("2001:db8::/32"))
        #expect(v6.contains(try #require(FirewallAddress.parse("2001:db8:ffff::1"))))
        #expect(!v6.contains(try #require(FirewallAddress.parse("2001:db9::"))))
        let all6 = try #require(FirewallAddressRange.parse("::/0"))
        #expect(all6.contains(try #require(FirewallAddress.parse("ff02::12"))))
        #expect(!all6.contains(try #require(FirewallAddress.parse("224.0.0.18"))))
        #expect(FirewallAddressRange.parse("fe80::/10")?.contains(try #require(FirewallAddress.parse("febf::1"))) == true)
    }

    @Test func multicastAddressesAreRecognised() {
        #expect(FirewallAddress.parse("224.0.0.18")?.isMulticast == true)
        #expect(FirewallAddress.parse("239.255.255.250")?.isMulticast == true)
        #expect(FirewallAddress.parse("192.0.2.1")?.isMulticast == false)
        #expect(FirewallAddress.parse("ff02::12")?.isMulticast == true)
        #expect(FirewallAddress.parse("2001:db8::1")?.isMulticast == false)
    }
}
