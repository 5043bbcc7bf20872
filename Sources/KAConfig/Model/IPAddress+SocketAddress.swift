// IPAddress, IPPrefix and AddressFamily live in KAAddress, shared with KAVRRP; users of KAConfig
// see them without importing it.
@_exported import KAAddress

extension IPAddress {
    /// An address as keepalived 2.2.7's inet_stosockaddr() reads it (unicast_src_ip, unicast
    /// peers, connect_ip, bindto, ...): a `-RANGE` or `/MASK` suffix is dropped, not rejected.
    init?(socketAddress text: String) {
        guard let cut = text.firstIndex(where: { $0 == "-" || $0 == "/" }) else {
            self.init(text)
            return
        }
        self.init(text[..<cut])
    }
}
