#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CNetlink
import KAVRRP

/// An address with the protocol it was added with (IFA_PROTO, Linux ≥ 5.18; 0 when absent).
public struct ProtocolTaggedAddress: Sendable, Hashable {
    public var ifindex: Int32
    public var address: IPAddress
    public var prefixLength: Int
    public var addressProtocol: UInt8
}

/// A route or rule that carries a given protocol number, described for the log.
public struct TaggedEntry: Sendable, Hashable, CustomStringConvertible {
    public var kind: String
    public var text: String
    public var description: String { "\(kind) \(text)" }
}

// IFA_PROTO: libnl 3.7 has no rtnl_addr_set_protocol and its address cache drops the attribute,
// so the tag is appended to libnl's own RTM_NEWADDR message, and read back from a dump parsed
// with libnl's message API.
extension RouteNetlink {
    /// RTM_NEWADDR for `spec` with IFA_PROTO = `addressProtocol` appended; an address already
    /// there is not an error (its tag is left as it is).
    func addTaggedAddress(_ spec: AddressSpec, object: OpaquePointer) throws {
        var message: OpaquePointer?
        try check(rtnl_addr_build_add_request(object, 0, &message), "add address \(spec.address): build request")
        guard let message else { throw NetlinkError("add address \(spec.address): build request", code: NLE_NOMEM) }
        let appended = nla_put_u8(message, Int32(IFA_PROTO), addressProtocol)
        guard appended == 0 else {
            nlmsg_free(message)
            throw NetlinkError("add address \(spec.address): IFA_PROTO", code: appended)
        }
        // Sends, frees the message and waits for the kernel's answer.
        let result = nl_send_sync(socket, message)
        if result < 0, !NetlinkError("", code: result).isExists {
            throw NetlinkError("add address \(spec.address)/\(spec.prefixLength) on \(spec.ifindex)", code: result)
        }
    }

    /// Every address of the namespace with its IFA_PROTO (an RTM_GETADDR dump on a socket of its own,
    /// so the main socket's callbacks stay libnl's).
    public func addressesWithProtocol() throws -> [ProtocolTaggedAddress] {
        guard let dumpSocket = nl_socket_alloc() else { throw NetlinkError("nl_socket_alloc", code: NLE_NOMEM) }
        defer { nl_socket_free(dumpSocket) }
        try check(nl_connect(dumpSocket, NETLINK_ROUTE), "nl_connect(NETLINK_ROUTE)")
        var request = ifaddrmsg()
        request.ifa_family = UInt8(AF_UNSPEC)
        try check(nl_send_simple(dumpSocket, Int32(RTM_GETADDR), NLM_F_DUMP, &request, MemoryLayout<ifaddrmsg>.size), "address dump")
        guard let callbacks = nl_cb_alloc(NL_CB_DEFAULT) else { throw NetlinkError("nl_cb_alloc", code: NLE_NOMEM) }
        defer { nl_cb_put(callbacks) }
        let collected = AddressCollector()
        nl_cb_set(callbacks, NL_CB_VALID, NL_CB_CUSTOM, { message, context in
            guard let message, let context else { return Int32(NL_OK.rawValue) }
            Unmanaged<AddressCollector>.fromOpaque(context).takeUnretainedValue().take(message)
            return Int32(NL_OK.rawValue)
        }, Unmanaged.passUnretained(collected).toOpaque())
        try check(nl_recvmsgs(dumpSocket, callbacks), "address dump")
        return collected.addresses
    }

    /// Routes (every table, both families) whose protocol is `protocolNumber`.
    func routeObjects(protocolNumber: UInt8, _ body: (OpaquePointer) -> Void) {
        var cache: OpaquePointer?
        guard rtnl_route_alloc_cache(socket, AF_UNSPEC, 0, &cache) == 0, let cache else { return }
        defer { nl_cache_free(cache) }
        var object = nl_cache_get_first(cache)
        while let current = object {
            if rtnl_route_get_protocol(current) == protocolNumber { body(current) }
            object = nl_cache_get_next(current)
        }
    }

    func ruleObjects(protocolNumber: UInt8, _ body: (OpaquePointer) -> Void) {
        var cache: OpaquePointer?
        guard rtnl_rule_alloc_cache(socket, AF_UNSPEC, &cache) == 0, let cache else { return }
        defer { nl_cache_free(cache) }
        var object = nl_cache_get_first(cache)
        while let current = object {
            var value: UInt8 = 0
            if rtnl_rule_get_protocol(current, &value) == 0, value == protocolNumber { body(current) }
            object = nl_cache_get_next(current)
        }
    }

    /// The routes and rules carrying `protocolNumber`, described.
    public func taggedRoutesAndRules(protocolNumber: UInt8) -> [TaggedEntry] {
        var found: [TaggedEntry] = []
        routeObjects(protocolNumber: protocolNumber) { found.append(TaggedEntry(kind: "route", text: Self.describe($0))) }
        ruleObjects(protocolNumber: protocolNumber) { found.append(TaggedEntry(kind: "rule", text: Self.describe($0))) }
        return found
    }

    /// Deletes every route and rule carrying `protocolNumber`; returns what went and what failed.
    public func deleteRoutesAndRules(protocolNumber: UInt8) -> (removed: [TaggedEntry], failed: [(TaggedEntry, NetlinkError)]) {
        var removed: [TaggedEntry] = []
        var failed: [(TaggedEntry, NetlinkError)] = []
        func delete(_ kind: String, _ object: OpaquePointer, _ call: (OpaquePointer, OpaquePointer) -> Int32) {
            let entry = TaggedEntry(kind: kind, text: Self.describe(object))
            let result = call(socket, object)
            if result < 0, !NetlinkError("", code: result).isNotFound {
                failed.append((entry, NetlinkError("delete \(entry)", code: result)))
            } else {
                removed.append(entry)
            }
        }
        routeObjects(protocolNumber: protocolNumber) { route in delete("route", route) { rtnl_route_delete($0, $1, 0) } }
        ruleObjects(protocolNumber: protocolNumber) { rule in delete("rule", rule) { rtnl_rule_delete($0, $1, 0) } }
        return (removed, failed)
    }

    /// libnl's one-line dump of an object (what `nl-route-list` prints), trimmed.
    static func describe(_ object: OpaquePointer) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        let count = buffer.count
        buffer.withUnsafeMutableBufferPointer { nl_object_dump_buf(object, $0.baseAddress, count) }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}

/// Collects RTM_NEWADDR messages of a dump (the callback's context).
final class AddressCollector {
    var addresses: [ProtocolTaggedAddress] = []

    func take(_ message: OpaquePointer) {
        guard let header = nlmsg_hdr(message), header.pointee.nlmsg_type == UInt16(RTM_NEWADDR),
              let data = nlmsg_data(header) else { return }
        let info = data.assumingMemoryBound(to: ifaddrmsg.self).pointee
        let maxType = Int32(IFA_PROTO)
        var attributes = [UnsafeMutablePointer<nlattr>?](repeating: nil, count: Int(maxType) + 1)
        guard nlmsg_parse(header, Int32(MemoryLayout<ifaddrmsg>.size), &attributes, maxType, nil) == 0 else { return }
        // IPv4: IFA_LOCAL is the address (IFA_ADDRESS the peer's on point-to-point); IPv6: IFA_ADDRESS.
        guard let attribute = attributes[Int(IFA_LOCAL)] ?? attributes[Int(IFA_ADDRESS)],
              let payload = nla_data(attribute) else { return }
        let length = Int(nla_len(attribute))
        guard length == 4 || length == 16 else { return }
        let bytes = Array(UnsafeRawBufferPointer(start: payload, count: length))
        guard let address = NetlinkAddress.ipAddress(bytes: bytes) else { return }
        let protocolNumber = attributes[Int(IFA_PROTO)].map { nla_get_u8($0) } ?? 0
        addresses.append(ProtocolTaggedAddress(
            ifindex: Int32(bitPattern: info.ifa_index), address: address, prefixLength: Int(info.ifa_prefixlen),
            addressProtocol: protocolNumber))
    }
}
