import KAVRRP

/// The wire packet of each instance's advert per destination (the group, or each unicast peer),
/// made once and sent again for as long as the engine asks for the same advert: at steady state a
/// master's adverts differ in nothing, so encoding, checksum and IP header are work done once.
///
/// An entry is reused only when the engine's advert equals the one it was made from in every field
/// (instance, priority, version, interval, addresses, authentication, source, destination, hop
/// limit, checksum style), so a change of priority, state (priority 0 on shutdown), VIPs, interval
/// or peers makes a new packet the next time, without anyone having to say so. Entries sit in a row
/// per instance slot (`OutgoingAdvertisement.slot`): finding one hashes nothing, and after a reload
/// renumbered, an entry left at a slot simply fails the comparison and is replaced.
struct AdvertisementWireCache {
    struct Entry {
        var advert: OutgoingAdvertisement
        var packet: WirePacket
    }

    /// By instance slot: one entry per destination, in the order the instance first sent to them.
    private var rows: [[Entry]] = []
    /// Packets made (not found here): what the cache saves is the adverts sent minus these.
    private(set) var packetsMade = 0

    var isEmpty: Bool { rows.allSatisfy(\.isEmpty) }

    /// The packet for `advert`: the kept one when it was made from an equal advert, else a new one
    /// (kept in its place). An advert without slot (from an instance a reload removed) is not kept.
    mutating func packet(for advert: OutgoingAdvertisement) throws -> WirePacket {
        guard let slot = advert.slot, slot >= 0 else {
            packetsMade += 1
            return try WirePacket(advert: advert)
        }
        if slot < rows.count, let column = rows[slot].firstIndex(where: { $0.advert.destination == advert.destination }) {
            if rows[slot][column].advert == advert { return rows[slot][column].packet }
            let packet = try WirePacket(advert: advert)
            packetsMade += 1
            rows[slot][column] = Entry(advert: advert, packet: packet)
            return packet
        }
        let packet = try WirePacket(advert: advert)
        packetsMade += 1
        if slot >= rows.count { rows.append(contentsOf: repeatElement([], count: slot + 1 - rows.count)) }
        rows[slot].append(Entry(advert: advert, packet: packet))
        return packet
    }

    /// Drops every entry (on reload: instances and peers may be gone).
    mutating func removeAll() {
        rows.removeAll()
    }
}
