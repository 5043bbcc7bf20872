/// Where a model object was defined. Kept out of the JSON view and out of equality, so that two
/// files that mean the same produce equal models and the same JSON.
@propertyWrapper
public struct SourceOrigin: Sendable, Hashable, Encodable {
    public var wrappedValue: Origin?

    public init(wrappedValue: Origin?) { self.wrappedValue = wrappedValue }

    public static func == (lhs: SourceOrigin, rhs: SourceOrigin) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
    public func encode(to encoder: any Encoder) throws {}
}

extension KeyedEncodingContainer {
    /// Synthesized `Encodable` conformances pick this overload: an origin writes no key at all.
    public mutating func encode(_ value: SourceOrigin, forKey key: Key) throws {}
}
