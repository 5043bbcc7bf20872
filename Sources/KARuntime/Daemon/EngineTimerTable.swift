import KAVRRP

/// The loop timer behind one engine timer. Its handler reads `id` when it fires, so a reload that
/// renumbers the instances only has to change `id.slot` here.
final class EngineTimer {
    var id: TimerID
    /// Set right after the loop made the timer (the loop's handler needs this object first).
    var token: EventLoop.TimerToken?

    init(id: TimerID) { self.id = id }
}

/// The engine's timers with their loop timers, in a row of `InstanceTimer.kindCount` per instance
/// slot: arming an advert timer again, every advert_int, hashes nothing.
struct EngineTimerTable {
    private var cells: [EngineTimer?] = []

    /// Loop timers held (armed or not).
    var count: Int { cells.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    private static func position(slot: Int, kind: InstanceTimer) -> Int { slot * InstanceTimer.kindCount + kind.ordinal }

    /// The timer made for `id`; nil if there is none or `id` has no slot (an instance a reload removed).
    func timer(for id: TimerID) -> EngineTimer? {
        guard let slot = id.slot, slot >= 0 else { return nil }
        let position = Self.position(slot: slot, kind: id.kind)
        guard position < cells.count, let timer = cells[position], timer.id.instance == id.instance else { return nil }
        return timer
    }

    /// Puts `timer` at its slot; returns the one that was there for another instance (to remove).
    mutating func insert(_ timer: EngineTimer) -> EngineTimer? {
        guard let slot = timer.id.slot, slot >= 0 else { return nil }
        let position = Self.position(slot: slot, kind: timer.id.kind)
        if position >= cells.count { cells.append(contentsOf: repeatElement(nil, count: position + 1 - cells.count)) }
        let displaced = cells[position]
        cells[position] = timer
        return displaced
    }

    /// After a reload: every timer moves to its instance's new slot (`slotOf` by name, nil for an
    /// instance the engine no longer has); returns the timers of those gone, for the loop to remove.
    mutating func renumber(slotOf: (String) -> Int?) -> [EngineTimer] {
        let timers = cells.compactMap { $0 }
        cells.removeAll(keepingCapacity: true)
        var gone: [EngineTimer] = []
        for timer in timers {
            guard let slot = slotOf(timer.id.instance) else {
                gone.append(timer)
                continue
            }
            timer.id.slot = slot
            if let displaced = insert(timer) { gone.append(displaced) }
        }
        return gone
    }
}
