/// Prometheus text exposition format 0.0.4, written directly (no registry): karun's counters
/// already live in the engine and the daemon, so a scrape reads them and prints, family by family.
///
/// Why not swift-metrics / swift-prometheus: their model is a registry that call sites push
/// increments into, guarded by locks for many threads; karun has one thread and its numbers in
/// structs, so a registry would only mirror them (twice the bookkeeping, and the engine stays
/// free of any metrics import). The format itself is a few lines of text rules, implemented here.
public struct PrometheusText {
    public enum Kind: String, Sendable { case counter, gauge, histogram }

    public private(set) var output = ""
    private var declared = Set<String>()

    public init() {}

    /// `# HELP` and `# TYPE` for a family (once; its samples must follow before another family).
    public mutating func family(_ name: String, _ kind: Kind, _ help: String) {
        guard declared.insert(name).inserted else { return }
        output += "# HELP \(name) \(Self.escapeHelp(help))\n# TYPE \(name) \(kind.rawValue)\n"
    }

    public mutating func sample(_ name: String, _ labels: [(String, String)] = [], _ value: Double) {
        sample(name, labels, text: Self.format(value))
    }

    public mutating func sample(_ name: String, _ labels: [(String, String)] = [], _ value: Int) {
        sample(name, labels, text: String(value))
    }

    private mutating func sample(_ name: String, _ labels: [(String, String)], text: String) {
        output += name
        if !labels.isEmpty {
            output += "{"
            for (index, (key, value)) in labels.enumerated() {
                if index > 0 { output += "," }
                output += key + "=\"" + Self.escapeLabel(value) + "\""
            }
            output += "}"
        }
        output += " " + text + "\n"
    }

    /// A whole family with one sample per entry.
    public mutating func add(_ name: String, _ kind: Kind, _ help: String, _ samples: [([(String, String)], Double)]) {
        family(name, kind, help)
        for (labels, value) in samples { sample(name, labels, value) }
    }

    /// A histogram from upper bounds and per-bucket (non-cumulative) counts; the last count is
    /// the overflow bucket (`+Inf`).
    public mutating func histogram(
        _ name: String, _ help: String, labels: [(String, String)] = [], bounds: [Double], counts: [Int], sum: Double
    ) {
        family(name, .histogram, help)
        var cumulative = 0
        for (index, count) in counts.enumerated() {
            cumulative += count
            let bound = index < bounds.count ? Self.format(bounds[index]) : "+Inf"
            sample(name + "_bucket", labels + [("le", bound)], cumulative)
        }
        sample(name + "_sum", labels, sum)
        sample(name + "_count", labels, cumulative)
    }

    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    static func escapeLabel(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    static func escapeHelp(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }
}
