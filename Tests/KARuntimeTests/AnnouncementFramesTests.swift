import Testing
import KAVRRP
@testable import KARuntime

@Suite struct AnnouncementFramesTests {
    let mac: [UInt8] = [0x02, 0x00, 0x5E, 0x00, 0x01, 0x07]

    @Test func gratuitousARPIsABroadcastRequestForTheAddressItself() throws {
        let frame = try #require(AnnouncementFrames.gratuitousARP(senderMAC: mac, address: "192.0.2.100"))
        let vip: [UInt8] = [192, 0, 2, 100]
        let broadcast: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
        #expect(frame.count == 42)
        // Ethernet: destination, source, EtherType 0x0806.
        #expect(Array(frame[0..<6]) == broadcast)
        #expect(Array(frame[6..<12]) == mac)
        #expect(Array(frame[12..<14]) == [0x08, 0x06])
        // ARP (RFC 826): htype 1, ptype 0x0800, hlen 6, plen 4, op 1 (request).
        #expect(Array(frame[14..<16]) == [0x00, 0x01])
        #expect(Array(frame[16..<18]) == [0x08, 0x00])
        #expect(frame[18] == 6)
        #expect(frame[19] == 4)
        #expect(Array(frame[20..<22]) == [0x00, 0x01])
        // Sender hardware / protocol address, target hardware / protocol address.
        #expect(Array(frame[22..<28]) == mac)
        #expect(Array(frame[28..<32]) == vip)
        #expect(Array(frame[32..<38]) == broadcast)
        #expect(Array(frame[38..<42]) == vip)
    }

    @Test func unsolicitedNAMatchesTheRFC4861Layout() throws {
        let vip: IPAddress = "2001:db8::100"
        let frame = try #require(AnnouncementFrames.unsolicitedNA(senderMAC: mac, source: vip, router: false))
        let allNodes: [UInt8] = [0xFF, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01]
        #expect(frame.count == 86)
        // Ethernet to the all-nodes multicast MAC, EtherType IPv6.
        #expect(Array(frame[0..<6]) == [0x33, 0x33, 0x00, 0x00, 0x00, 0x01])
        #expect(Array(frame[6..<12]) == mac)
        #expect(Array(frame[12..<14]) == [0x86, 0xDD])
        // IPv6: version 6, class/flow 0, payload 32, next header 58, hop limit 255, VIP -> ff02::1.
        #expect(Array(frame[14..<18]) == [0x60, 0, 0, 0])
        #expect(Array(frame[18..<20]) == [0, 32])
        #expect(frame[20] == 58)
        #expect(frame[21] == 255)
        #expect(Array(frame[22..<38]) == vip.bytes)
        #expect(Array(frame[38..<54]) == allNodes)
        // ICMPv6 NA: type 136, code 0, flags O only (R=0, S=0), reserved, target, TLLA option.
        #expect(frame[54] == 136)
        #expect(frame[55] == 0)
        #expect(frame[58] == 0x20)
        #expect(Array(frame[59..<62]) == [0, 0, 0])
        #expect(Array(frame[62..<78]) == vip.bytes)
        #expect(Array(frame[78..<80]) == [2, 1])
        #expect(Array(frame[80..<86]) == mac)
        // The checksum verifies: recomputed by hand over pseudo-header + message it sums to 0xFFFF.
        #expect(Self.referenceChecksumSum(source: vip.bytes, destination: allNodes, message: Array(frame[54...])) == 0xFFFF)
        #expect(AnnouncementFrames.icmpv6Checksum(source: vip.bytes, destination: allNodes, message: Array(frame[54...])) == 0)
    }

    @Test func routerFlagFollowsForwarding() throws {
        let vip: IPAddress = "fe80::1"
        let router = try #require(AnnouncementFrames.unsolicitedNA(senderMAC: mac, source: vip, router: true))
        let host = try #require(AnnouncementFrames.unsolicitedNA(senderMAC: mac, source: vip, router: false))
        #expect(router[58] == 0xA0)
        #expect(host[58] == 0x20)
        // Only the flags and the checksum differ.
        let differing = (0..<router.count).filter { router[$0] != host[$0] }
        #expect(Set(differing).isSubset(of: [56, 57, 58]))
        let allNodes = Array(router[38..<54])
        #expect(Self.referenceChecksumSum(source: vip.bytes, destination: allNodes, message: Array(router[54...])) == 0xFFFF)
    }

    @Test func naChecksumMatchesAHandComputedValue() throws {
        // Worked by hand for target/source 2001:db8::100, MAC 02:00:5e:00:01:07, flags O.
        // 16-bit words: source 2001+0db8+0100 = 0x2eb9; destination ff02+0001 = 0xff03;
        // length 0x0020; next header 0x003a; message (checksum field 0) 8800+2000+2001+0db8
        // +0100+0201+0200+5e00+0107 = 0x139c1. Total 0x267d7, folded 0x67d9, complement 0x9826.
        let frame = try #require(AnnouncementFrames.unsolicitedNA(senderMAC: mac, source: "2001:db8::100", router: false))
        #expect(Array(frame[56..<58]) == [0x98, 0x26])
    }

    @Test func buildersRefuseWhatTheyCannotEncode() {
        #expect(AnnouncementFrames.gratuitousARP(senderMAC: [1, 2, 3], address: "192.0.2.1") == nil)
        #expect(AnnouncementFrames.gratuitousARP(senderMAC: mac, address: "2001:db8::1") == nil)
        #expect(AnnouncementFrames.unsolicitedNA(senderMAC: Array(repeating: 0, count: 20), source: "2001:db8::1", router: false) == nil)
        #expect(AnnouncementFrames.unsolicitedNA(senderMAC: mac, source: "192.0.2.1", router: true) == nil)
    }

    @Test func forwardingOfAMissingInterfaceIsFalse() {
        #expect(!AnnouncementSender.isForwarding(interface: "no-such-if0", family: .ipv4))
        #expect(!AnnouncementSender.isForwarding(interface: "../../ipv4", family: .ipv6))
        #expect(!AnnouncementSender.isForwarding(interface: "", family: .ipv6))
    }

    /// An independent ones' complement sum (32-bit words of the pseudo-header as RFC 2460 §8.1
    /// draws it), returned before complementing: 0xFFFF means the message verifies.
    static func referenceChecksumSum(source: [UInt8], destination: [UInt8], message: [UInt8]) -> UInt16 {
        var pseudo = source + destination
        pseudo += [0, 0, UInt8(message.count >> 8), UInt8(message.count & 0xFF)]
        pseudo += [0, 0, 0, 58]
        let all = pseudo + message + (message.count % 2 == 1 ? [0] : [])
        var total = 0
        for index in stride(from: 0, to: all.count, by: 2) { total += Int(all[index]) * 256 + Int(all[index + 1]) }
        while total > 0xFFFF { total = (total >> 16) + (total & 0xFFFF) }
        return UInt16(total)
    }
}
