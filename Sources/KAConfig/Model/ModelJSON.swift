/// The semantic view of a model as JSON: pretty, sorted keys, no source locations or file names,
/// so two files that mean the same give the same bytes (`kalint --emit model`).
///
/// The bytes are those Foundation's `JSONEncoder` gives with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` (a test compares the two over the corpus), written by a small
/// encoder of our own: importing FoundationEssentials for its JSONEncoder cost every process
/// that links KAConfig (kalint, kafmt, karun) about 5 MB of resident memory.
public enum ModelJSON {
    public static func encode(_ model: Configuration) -> String {
        encode(value: model)
    }

    /// Any `Encodable` value (the model's parts, in tests).
    public static func encode(value: some Encodable) -> String {
        let root = JSONTreeNode()
        do {
            try value.encode(to: JSONTreeEncoder(node: root, codingPath: []))
        } catch {
            // Every value in the model is encodable (strings, integers, booleans, arrays, maps).
            return "{}"
        }
        var writer = PrettyJSONWriter()
        writer.write(root)
        return writer.output
    }
}
