import KAVRRP

/// keepalived's socket pool: one raw socket per (family, interface) — or per (family, unicast
/// source) for unicast instances without interface — shared by every instance there, joined to
/// the multicast groups they use. Received adverts are handed to the engine, which finds the
/// instance by VRID.
final class SocketPool {
    struct Key: Hashable {
        var family: AddressFamily
        /// The device adverts go out on and come in from; nil = not bound to one.
        var interface: String?
        /// For a unicast socket: the address it is bound to; nil for a multicast socket.
        var unicastSource: IPAddress?
    }

    final class Entry {
        let socket: VRRPSocket
        var groups: Set<IPAddress> = []
        var users: Set<String> = []
        init(socket: VRRPSocket) { self.socket = socket }
    }

    private(set) var entries: [Key: Entry] = [:]
    private var byInstance: [String: Key] = [:]
    /// Each instance's socket by its router slot, filled as sends ask for them (a send finds its
    /// socket without hashing the name); emptied whenever an instance attaches or detaches.
    private var bySlot: [(name: String, socket: VRRPSocket)?] = []
    /// Called with a socket nobody uses any more (the daemon stops watching and closes it).
    var onRetire: ((Entry) -> Void)?

    /// keepalived's pool key: family, device, and the multicast socket or the unicast source (a
    /// multicast socket ignores unicast datagrams and the reverse, so each kind has its own).
    static func key(for instance: InstanceConfiguration, plan: InstancePlan) -> Key {
        Key(
            family: instance.family, interface: plan.advertInterface,
            unicastSource: instance.isUnicast ? instance.sourceAddress : nil)
    }

    /// Makes sure `instance` has its socket and multicast membership; `open` creates a socket.
    func attach(
        _ instance: InstanceConfiguration, plan: InstancePlan,
        open: (Key) throws -> VRRPSocket, opened: (Key, Entry) throws -> Void
    ) throws {
        let key = Self.key(for: instance, plan: plan)
        if let previous = byInstance[instance.name], previous != key { detach(instance.name) }
        let entry: Entry
        if let existing = entries[key] {
            entry = existing
        } else {
            entry = Entry(socket: try open(key))
            entries[key] = entry
            try opened(key, entry)
        }
        if !instance.isUnicast {
            let group = instance.multicastGroup ?? .vrrpMulticastGroup(for: instance.family)
            if !entry.groups.contains(group) {
                try entry.socket.join(group: group)
                entry.groups.insert(group)
            }
        }
        entry.users.insert(instance.name)
        byInstance[instance.name] = key
        bySlot.removeAll()
    }

    /// Drops the instance; a socket nobody uses any more is retired.
    func detach(_ name: String) {
        guard let key = byInstance.removeValue(forKey: name), let entry = entries[key] else { return }
        bySlot.removeAll()
        entry.users.remove(name)
        guard entry.users.isEmpty else { return }
        entries[key] = nil
        onRetire?(entry)
    }

    func socket(for name: String) -> VRRPSocket? {
        byInstance[name].flatMap { entries[$0]?.socket }
    }

    /// `socket(for:)` looked up at the instance's router slot first (where a reload's renumbering
    /// shows as another name, which is then looked up and put there).
    func socket(for name: String, slot: Int?) -> VRRPSocket? {
        guard let slot, slot >= 0 else { return socket(for: name) }
        if slot < bySlot.count, let known = bySlot[slot], known.name == name { return known.socket }
        guard let socket = socket(for: name) else { return nil }
        if slot >= bySlot.count { bySlot.append(contentsOf: repeatElement(nil, count: slot + 1 - bySlot.count)) }
        bySlot[slot] = (name, socket)
        return socket
    }

    var instanceNames: [String] { Array(byInstance.keys) }
}
