import Testing
@testable import KAVRRP
@Test func placeholder() { #expect(KAVRRPInfo.placeholder) }
