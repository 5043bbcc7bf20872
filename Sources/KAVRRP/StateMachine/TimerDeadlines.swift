/// The armed deadline of each of an instance's timers, one stored field per kind: a master reads,
/// clears and sets its advert deadline on every advert, which a dictionary made a hash each time.
struct TimerDeadlines: Sendable {
    private var advertisement: VRRPInstant?
    private var masterDown: VRRPInstant?
    private var gratuitousDelay: VRRPInstant?
    private var gratuitousRefresh: VRRPInstant?
    private var lowerPriorityGratuitousDelay: VRRPInstant?

    subscript(kind: InstanceTimer) -> VRRPInstant? {
        get {
            switch kind {
            case .advertisement: advertisement
            case .masterDown: masterDown
            case .gratuitousDelay: gratuitousDelay
            case .gratuitousRefresh: gratuitousRefresh
            case .lowerPriorityGratuitousDelay: lowerPriorityGratuitousDelay
            }
        }
        set {
            switch kind {
            case .advertisement: advertisement = newValue
            case .masterDown: masterDown = newValue
            case .gratuitousDelay: gratuitousDelay = newValue
            case .gratuitousRefresh: gratuitousRefresh = newValue
            case .lowerPriorityGratuitousDelay: lowerPriorityGratuitousDelay = newValue
            }
        }
    }

    /// Clears `kind`, returning the deadline it had.
    mutating func removeValue(forKey kind: InstanceTimer) -> VRRPInstant? {
        defer { self[kind] = nil }
        return self[kind]
    }
}
