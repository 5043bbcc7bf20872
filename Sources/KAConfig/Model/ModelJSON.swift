// FoundationEssentials has JSONEncoder without the rest of Foundation (ICU and all: about 10 MB
// more resident for every process that links it).
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The semantic view of a model as JSON: pretty, sorted keys, no source locations or file names,
/// so two files that mean the same give the same bytes.
public enum ModelJSON {
    public static func encode(_ model: Configuration) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(model), as: UTF8.self)
        } catch {
            // Every value in the model is encodable (strings, integers, booleans, arrays, maps).
            return "{}"
        }
    }
}
