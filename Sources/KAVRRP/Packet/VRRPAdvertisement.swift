/// The fields of one VRRP ADVERTISEMENT, independent of its encoding.
///
/// The checksum is not a field: it is computed on encoding and verified on decoding.
/// The VRRPv3 reserved bits are sent as zero and ignored on receipt (RFC 5798 §5.2.5).
public struct VRRPAdvertisement: Hashable, Sendable {
    public var version: VRRPVersion
    public var virtualRouterID: UInt8
    /// 0 means "the master is leaving", 255 the address owner.
    public var priority: UInt8
    /// In the packet's own unit: whole seconds (8 bits) for v2, centiseconds (12 bits) for v3.
    public var advertisementInterval: UInt16
    /// IPv4 only for v2; all of one family for v3.
    public var addresses: [IPAddress]
    /// Always `.none` for v3, which has no authentication field.
    public var authentication: VRRPAuthentication

    public init(
        version: VRRPVersion,
        virtualRouterID: UInt8,
        priority: UInt8,
        advertisementInterval: UInt16,
        addresses: [IPAddress],
        authentication: VRRPAuthentication = .none
    ) {
        self.version = version
        self.virtualRouterID = virtualRouterID
        self.priority = priority
        self.advertisementInterval = advertisementInterval
        self.addresses = addresses
        self.authentication = authentication
    }

    /// The interval as a duration (v2: seconds, v3: centiseconds).
    public var interval: VRRPDuration {
        version == .v2 ? .seconds(Int64(advertisementInterval)) : .centiseconds(Int64(advertisementInterval))
    }

    /// The largest interval the field can carry: 255 s for v2, 40.95 s for v3.
    public static func maximumInterval(for version: VRRPVersion) -> UInt16 { version == .v2 ? 0xFF : 0x0FFF }
}
