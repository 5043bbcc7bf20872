/// Fields that few values of a model type set, with their defaults (`init()`).
protocol RareFields: Sendable, Hashable {
    init()
}

/// A model value's rare fields, held out of line: no allocation while they are at their
/// defaults, and one immutable box, shared between copies, once any is set (a write makes a new
/// box). Compared and hashed by value. Keeps `VRRPInstance` at 288 bytes and `VirtualAddress` at
/// 96, where most configurations set none of these fields.
struct OutOfLine<Fields: RareFields>: Sendable, Hashable {
    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    /// nil while the fields are at their defaults.
    private var box: Box?

    init() { box = nil }

    var fields: Fields {
        get { box?.fields ?? Fields() }
        set { box = newValue == Fields() ? nil : Box(newValue) }
    }

    /// Whether a box is held (some field is not at its default).
    var isAllocated: Bool { box != nil }

    static func == (lhs: OutOfLine, rhs: OutOfLine) -> Bool { lhs.box === rhs.box || lhs.fields == rhs.fields }
    func hash(into hasher: inout Hasher) { hasher.combine(fields) }
}
