// IPAddress and AddressFamily live in KAAddress, shared with KAConfig's model; users of KAVRRP see
// them without importing it.
@_exported import KAAddress
