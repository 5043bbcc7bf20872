/// keepalived's instance states (`include/vrrp.h`), with its numeric codes.
public enum InstanceState: Int, Hashable, Sendable, CustomStringConvertible {
    /// Not yet running, or held until every weight-0 tracker has reported once.
    case initialize = 0
    case backup = 1
    case master = 2
    /// keepalived-specific: a fault (interface down, weight-0 tracker failing) keeps the instance
    /// silent and without its addresses.
    case fault = 3
    /// After shutdown (keepalived's internal STOP, 98).
    case stopped = 98
    /// Removed by a reload (keepalived's DELETED, 97).
    case deleted = 97

    /// The word keepalived logs and passes to notify scripts.
    public var description: String {
        switch self {
        case .initialize: "INIT"
        case .backup: "BACKUP"
        case .master: "MASTER"
        case .fault: "FAULT"
        case .stopped: "STOP"
        case .deleted: "DELETED"
        }
    }
}
