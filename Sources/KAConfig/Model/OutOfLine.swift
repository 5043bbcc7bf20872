/// Fields that few values of a model type set, with their defaults (`init()`).
@usableFromInline
protocol RareFields: Sendable, Hashable {
    init()
    /// `init()`'s fields, made once: an unset field is read from them in place.
    static var defaults: Self { get }
}

/// A model value's rare fields, held out of line: no allocation while they are at their
/// defaults, and one immutable box, shared between copies, once any is set (a write makes a new
/// box). Compared and hashed by value. Keeps `VRRPInstance` at 344 bytes and `VirtualAddress` at
/// 88, where most configurations set none of these fields; an instance's GARP settings use it
/// too, one box shared by the instances with the same settings.
@usableFromInline
struct OutOfLine<Fields: RareFields>: Sendable, Hashable {
    @usableFromInline
    final class Box: Sendable {
        @usableFromInline let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    /// nil while the fields are at their defaults.
    @usableFromInline private(set) var box: Box?

    init() { box = nil }

    var fields: Fields {
        get { box?.fields ?? Fields.defaults }
        set { box = newValue == Fields.defaults ? nil : Box(newValue) }
    }

    /// One field, read in place from the box or the shared defaults. Reading it through `fields`
    /// made a whole set of fields and destroyed it again (about 270 instructions a read, and the
    /// rules read `strictMode`, `nativeIPv6`, ... of every instance).
    @inlinable @inline(__always)
    func read<Value>(_ field: (borrowing Fields) -> Value) -> Value {
        if let box { return field(box.fields) }
        return field(Fields.defaults)
    }

    /// Whether a box is held (some field is not at its default).
    var isAllocated: Bool { box != nil }

    /// Whether both hold the same box (or neither holds one).
    func sharesBox(with other: OutOfLine) -> Bool { box === other.box }

    @usableFromInline static func == (lhs: OutOfLine, rhs: OutOfLine) -> Bool { lhs.box === rhs.box || lhs.fields == rhs.fields }
    @usableFromInline func hash(into hasher: inout Hasher) { hasher.combine(fields) }
}
