/// A JSON value as an `Encodable` value describes it, built by `JSONTreeEncoder` and printed by
/// `PrettyJSONWriter`. A reference, so that containers can fill a node after handing it out.
final class JSONTreeNode {
    enum Scalar {
        case null
        case bool(Bool)
        /// A number as its JSON text.
        case number(String)
        case string(String)
    }

    var scalar: Scalar?
    var object: [String: JSONTreeNode]?
    var array: [JSONTreeNode]?

    /// The node as an object, starting one if it holds nothing else yet.
    func makeObject() {
        if object == nil { object = [:] }
    }

    func makeArray() {
        if array == nil { array = [] }
    }
}

/// An `Encoder` that records what a value encodes as a tree of `JSONTreeNode`s (keyed
/// containers become objects, unkeyed ones arrays). What `ModelJSON` needs of Foundation's
/// JSONEncoder, without Foundation.
struct JSONTreeEncoder: Encoder {
    let node: JSONTreeNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return JSONUnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(node: node, codingPath: codingPath)
    }

    /// Encodes `value` into `node`: scalars directly, anything else through its `encode(to:)`.
    static func encode(_ value: some Encodable, into node: JSONTreeNode, codingPath: [any CodingKey]) throws {
        switch value {
        case let text as String: node.scalar = .string(text)
        case let flag as Bool: node.scalar = .bool(flag)
        case let number as Int: node.scalar = .number(String(number))
        default: try value.encode(to: JSONTreeEncoder(node: node, codingPath: codingPath))
        }
    }
}

/// A coding key for positions in an unkeyed container (coding paths only).
struct JSONIndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { intValue.map { "Index \($0)" } ?? "" }

    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONTreeNode
    var codingPath: [any CodingKey]

    /// A fresh node under `key` (a key encoded twice keeps the last value, as JSONEncoder does).
    private func child(_ key: Key) -> JSONTreeNode {
        let child = JSONTreeNode()
        node.object?[key.stringValue] = child
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).scalar = .null }
    mutating func encode(_ value: Bool, forKey key: Key) throws { child(key).scalar = .bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { child(key).scalar = .string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { child(key).scalar = try JSONNumber.text(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { child(key).scalar = try JSONNumber.text(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { child(key).scalar = .number(String(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { child(key).scalar = .number(String(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { child(key).scalar = .number(String(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { child(key).scalar = .number(String(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { child(key).scalar = .number(String(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { child(key).scalar = .number(String(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { child(key).scalar = .number(String(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { child(key).scalar = .number(String(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { child(key).scalar = .number(String(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { child(key).scalar = .number(String(value)) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try JSONTreeEncoder.encode(value, into: child(key), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        JSONTreeEncoder(node: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        JSONTreeEncoder(node: child(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let node = JSONTreeNode()
        self.node.object?["super"] = node
        return JSONTreeEncoder(node: node, codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        JSONTreeEncoder(node: child(key), codingPath: codingPath + [key])
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let node: JSONTreeNode
    var codingPath: [any CodingKey]
    var count: Int { node.array?.count ?? 0 }

    private func next() -> JSONTreeNode {
        let child = JSONTreeNode()
        node.array?.append(child)
        return child
    }

    mutating func encodeNil() throws { next().scalar = .null }
    mutating func encode(_ value: Bool) throws { next().scalar = .bool(value) }
    mutating func encode(_ value: String) throws { next().scalar = .string(value) }
    mutating func encode(_ value: Double) throws { next().scalar = try JSONNumber.text(value) }
    mutating func encode(_ value: Float) throws { next().scalar = try JSONNumber.text(Double(value)) }
    mutating func encode(_ value: Int) throws { next().scalar = .number(String(value)) }
    mutating func encode(_ value: Int8) throws { next().scalar = .number(String(value)) }
    mutating func encode(_ value: Int16) throws { next().scalar = .number(String(value)) }
    mutating func encode(_ value: Int32) throws { next().scalar = .number(String(value)) }
    mutating func encode(_ value: Int64) throws { next().scalar = .number(String(value)) }
    mutating func encode(_ value: UInt) throws { next().scalar = .number(String(value)) }
    mutating func encode(_ value: UInt8) throws { next().scalar = .number(String(value)) }
    mutating func encode(_ value: UInt16) throws { next().scalar = .number(String(value)) }
    mutating func encode(_ value: UInt32) throws { next().scalar = .number(String(value)) }
    mutating func encode(_ value: UInt64) throws { next().scalar = .number(String(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = codingPath + [JSONIndexKey(count)]
        try JSONTreeEncoder.encode(value, into: next(), codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [JSONIndexKey(count)]
        return JSONTreeEncoder(node: next(), codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [JSONIndexKey(count)]
        return JSONTreeEncoder(node: next(), codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [JSONIndexKey(count)]
        return JSONTreeEncoder(node: next(), codingPath: path)
    }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let node: JSONTreeNode
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.scalar = .null }
    mutating func encode(_ value: Bool) throws { node.scalar = .bool(value) }
    mutating func encode(_ value: String) throws { node.scalar = .string(value) }
    mutating func encode(_ value: Double) throws { node.scalar = try JSONNumber.text(value) }
    mutating func encode(_ value: Float) throws { node.scalar = try JSONNumber.text(Double(value)) }
    mutating func encode(_ value: Int) throws { node.scalar = .number(String(value)) }
    mutating func encode(_ value: Int8) throws { node.scalar = .number(String(value)) }
    mutating func encode(_ value: Int16) throws { node.scalar = .number(String(value)) }
    mutating func encode(_ value: Int32) throws { node.scalar = .number(String(value)) }
    mutating func encode(_ value: Int64) throws { node.scalar = .number(String(value)) }
    mutating func encode(_ value: UInt) throws { node.scalar = .number(String(value)) }
    mutating func encode(_ value: UInt8) throws { node.scalar = .number(String(value)) }
    mutating func encode(_ value: UInt16) throws { node.scalar = .number(String(value)) }
    mutating func encode(_ value: UInt32) throws { node.scalar = .number(String(value)) }
    mutating func encode(_ value: UInt64) throws { node.scalar = .number(String(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try JSONTreeEncoder.encode(value, into: node, codingPath: codingPath)
    }
}

/// Numbers that are not integers (the model has none): finite ones as Swift prints them, with a
/// whole number's `.0` dropped as JSONEncoder does; NaN and infinities cannot be JSON.
enum JSONNumber {
    struct NotFinite: Error {}

    static func text(_ value: Double) throws -> JSONTreeNode.Scalar {
        guard value.isFinite else { throw NotFinite() }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .number(text)
    }
}
