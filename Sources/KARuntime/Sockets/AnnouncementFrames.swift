import KAVRRP

/// The Ethernet frames a new master sends so neighbours move its virtual addresses to it:
/// gratuitous ARP for IPv4 (RFC 5227 §3 style announcement) and unsolicited Neighbor
/// Advertisements for IPv6 (RFC 4861 §7.2.6). Pure builders; `AnnouncementSender` sends them.
///
/// The builders return nil for input they cannot encode (a hardware address that is not 6
/// bytes, an address of the other family), so a daemon skips such an interface instead of trapping.
public enum AnnouncementFrames {
    public static let broadcastMAC: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
    /// 33:33 + the low 32 bits of ff02::1 (all-nodes).
    public static let allNodesMAC: [UInt8] = [0x33, 0x33, 0x00, 0x00, 0x00, 0x01]
    public static let allNodes: [UInt8] = [0xFF, 0x02] + Array(repeating: 0, count: 13) + [0x01]
    static let etherTypeARP: [UInt8] = [0x08, 0x06]
    static let etherTypeIPv6: [UInt8] = [0x86, 0xDD]

    /// Ethernet 14 + ARP 28.
    public static let gratuitousARPLength = 42
    /// Ethernet 14 + IPv6 40 + NA 24 + target link-layer address option 8.
    public static let unsolicitedNALength = 86

    /// A broadcast ARP **request** (op 1) announcing `address` at `senderMAC`: sender and target
    /// protocol address are both `address`, the target hardware address is ff:ff:ff:ff:ff:ff
    /// (keepalived's choice; RFC 5227 announcements use zeros, and neighbours accept both).
    public static func gratuitousARP(senderMAC: [UInt8], address: IPAddress) -> [UInt8]? {
        guard senderMAC.count == 6, address.family == .ipv4 else { return nil }
        let ip = address.bytes
        var frame: [UInt8] = []
        frame.reserveCapacity(gratuitousARPLength)
        frame += broadcastMAC
        frame += senderMAC
        frame += etherTypeARP
        frame += [0x00, 0x01] // hardware type: Ethernet
        frame += [0x08, 0x00] // protocol type: IPv4
        frame += [6, 4] // address lengths
        frame += [0x00, 0x01] // operation: request
        frame += senderMAC
        frame += ip
        frame += broadcastMAC
        frame += ip
        return frame
    }

    /// An unsolicited Neighbor Advertisement for `source` (the virtual address, also the target)
    /// to all nodes: Ethernet to 33:33:00:00:00:01, IPv6 to ff02::1 with hop limit 255, ICMPv6
    /// type 136 with Override set, Router set when `router` (the interface forwards), Solicited
    /// clear, and a Target Link-Layer Address option carrying `senderMAC`.
    public static func unsolicitedNA(senderMAC: [UInt8], source: IPAddress, router: Bool) -> [UInt8]? {
        guard senderMAC.count == 6, source.family == .ipv6 else { return nil }
        let target = source.bytes
        var icmp: [UInt8] = []
        icmp.reserveCapacity(32)
        icmp += [136, 0, 0, 0] // type, code, checksum (filled below)
        icmp += [(router ? 0x80 : 0) | 0x20, 0, 0, 0] // R, S=0, O=1, reserved
        icmp += target
        icmp += [2, 1] // option: target link-layer address, 1 × 8 bytes
        icmp += senderMAC
        let checksum = icmpv6Checksum(source: target, destination: allNodes, message: icmp)
        icmp[2] = UInt8(checksum >> 8)
        icmp[3] = UInt8(truncatingIfNeeded: checksum)

        var frame: [UInt8] = []
        frame.reserveCapacity(unsolicitedNALength)
        frame += allNodesMAC
        frame += senderMAC
        frame += etherTypeIPv6
        frame += [0x60, 0, 0, 0] // version 6, traffic class 0, flow label 0
        frame += [UInt8(icmp.count >> 8), UInt8(truncatingIfNeeded: icmp.count)]
        frame += [58, 255] // next header ICMPv6, hop limit 255 (RFC 4861 §7.1.2)
        frame += target
        frame += allNodes
        frame += icmp
        return frame
    }

    /// RFC 4443 §2.3: the ones' complement sum over the IPv6 pseudo-header (source, destination,
    /// upper-layer length, next header 58) and the message with its checksum field as it is.
    /// Returns the value for a zeroed field, or 0 when verifying a correct message.
    public static func icmpv6Checksum(source: [UInt8], destination: [UInt8], message: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        func add(_ bytes: [UInt8]) {
            var index = 0
            while index + 1 < bytes.count {
                sum &+= UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
                index += 2
            }
            if index < bytes.count { sum &+= UInt32(bytes[index]) << 8 }
            sum = (sum & 0xFFFF) &+ (sum >> 16)
        }
        add(source)
        add(destination)
        let length = UInt32(message.count)
        add([UInt8(length >> 24), UInt8(truncatingIfNeeded: length >> 16), UInt8(truncatingIfNeeded: length >> 8), UInt8(truncatingIfNeeded: length)])
        add([0, 0, 0, 58])
        add(message)
        while sum > 0xFFFF { sum = (sum & 0xFFFF) &+ (sum >> 16) }
        return ~UInt16(sum)
    }
}
