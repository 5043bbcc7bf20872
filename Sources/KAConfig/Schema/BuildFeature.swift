/// A compile-time option of keepalived that decides whether some keywords are installed at all.
/// keepalived prints its options on `keepalived -v` ("Config options:" and "System options:" lines);
/// a keyword whose feature is missing is reported as `Unknown keyword`, exactly like a misspelling.
public enum BuildFeature: String, Sendable, Hashable, CaseIterable {
    /// `vrrp_track_process` and `track_process` (on unless built with `--disable-track-process`).
    case trackProcess = "TRACK_PROCESS"
    /// Link-beat polling (on unless built with `--disable-linkbeat`).
    case linkbeat = "LINKBEAT"
    /// The BFD daemon and its keywords.
    case bfd = "BFD"
    /// Virtual MAC (macvlan) support: `use_vmac`, `garp_extra_if`, `vmac_prefix`, ...
    case vrrpVMAC = "VRRP_VMAC"
    /// ipvlan support: `use_ipvlan`.
    case vrrpIPVLAN = "VRRP_IPVLAN"
    /// VRF support: `vrf`.
    case vrf = "VRF"
    /// `authentication { auth_type, auth_pass }` (RFC 2338 authentication).
    case vrrpAuth = "VRRP_AUTH"
    /// Compatibility with the pre-1.3.6 unicast checksum: `old_unicast_checksum`.
    case oldChecksumCompat = "OLD_CHKSUM_COMPAT"
    /// iptables or nftables support: `vrrp_iptables`, `no_accept`.
    case firewall = "FIREWALL"
    /// ipset support (iptables builds only): `vrrp_ipsets`.
    case libipset = "LIBIPSET"
    /// nftables support: `nftables*`.
    case nftables = "NFTABLES"
    /// SNMP support (any of the SNMP options).
    case snmp = "SNMP"
    case snmpVRRP = "SNMP_VRRP"
    case snmpChecker = "SNMP_CHECKER"
    case snmpRFC = "SNMP_RFC"
    case snmpRFCv2 = "SNMP_RFCV2"
    case snmpRFCv3 = "SNMP_RFCV3"
    /// D-Bus support: `enable_dbus`, `dbus_service_name`.
    case dbus = "DBUS"
    /// PCRE2 regular expressions in HTTP_GET/SSL_GET `url` blocks.
    case regex = "REGEX"
    /// JSON state dumps: `json_version`.
    case json = "JSON"
    /// `SO_MARK` socket option: checker `fwmark`.
    case soMark = "SO_MARK"

    /// Whether a keepalived whose `keepalived -v` output lists `options` (the words of its
    /// "Config options:" and "System options:" lines) has this feature.
    public func isEnabled(options: Set<String>) -> Bool {
        switch self {
        case .trackProcess: !options.contains("DISABLE_TRACK_PROCESS")
        case .linkbeat: !options.contains("NO_LINKBEAT")
        case .firewall: options.contains("IPTABLES") || options.contains("NFTABLES")
        case .libipset: options.contains("IPTABLES") && (options.contains("LIBIPSET") || options.contains("LIBIPSET_DYNAMIC"))
        case .snmp: options.contains { $0.hasPrefix("SNMP") }
        case .snmpRFC: options.contains("SNMP_RFCV2") || options.contains("SNMP_RFCV3")
        default: options.contains(rawValue)
        }
    }

    /// The option words of a `keepalived -v` output.
    public static func options(fromVersionOutput text: String) -> Set<String> {
        var words: Set<String> = []
        for line in text.split(whereSeparator: \.isNewline) {
            for prefix in ["Config options:", "System options:"] where line.hasPrefix(prefix) {
                for word in line.dropFirst(prefix.count).split(separator: " ") {
                    words.insert(String(word))
                }
            }
        }
        return words
    }
}
