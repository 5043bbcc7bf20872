import KAVRRP

/// The wire packet of each instance's advert per destination (the group, or each unicast peer),
/// made once and sent again for as long as the engine asks for the same advert: at steady state a
/// master's adverts differ in nothing, so encoding, checksum and IP header are work done once.
///
/// An entry is reused only when the engine's advert equals the one it was made from in every field
/// (priority, version, interval, addresses, authentication, source, destination, hop limit,
/// checksum style), so a change of priority, state (priority 0 on shutdown), VIPs, interval or
/// peers makes a new packet the next time, without anyone having to say so.
struct AdvertisementWireCache {
    struct Key: Hashable {
        var instance: String
        var destination: IPAddress
    }

    struct Entry {
        var advert: OutgoingAdvertisement
        var packet: WirePacket
    }

    private(set) var entries: [Key: Entry] = [:]
    /// Packets made (not found here): what the cache saves is the adverts sent minus these.
    private(set) var packetsMade = 0

    /// The packet for `advert`: the kept one when it was made from an equal advert, else a new one
    /// (kept in its place).
    mutating func packet(for advert: OutgoingAdvertisement) throws -> WirePacket {
        let key = Key(instance: advert.instance, destination: advert.destination)
        if let entry = entries[key], entry.advert == advert { return entry.packet }
        let packet = try WirePacket(advert: advert)
        packetsMade += 1
        entries[key] = Entry(advert: advert, packet: packet)
        return packet
    }

    /// Drops every entry (on reload: instances and peers may be gone).
    mutating func removeAll() {
        entries.removeAll()
    }
}
