/// A strict reader of Prometheus text format 0.0.4, line by line, for tests: what a scraper would
/// refuse is returned as problems (empty when the whole text is valid).
///
/// Checked: every line is a comment, `# HELP`/`# TYPE` or a sample; a family's `# TYPE` comes once
/// and before its samples, which follow it without another family in between; sample names belong
/// to the family (`_bucket`/`_sum`/`_count` for histograms); label syntax with its escapes; no
/// series twice; values are numbers; histogram buckets are cumulative, end at `le="+Inf"`, and
/// `+Inf` equals `_count`.
struct Exposition {
    struct Sample {
        var name: String
        var labels: [(String, String)]
        var value: Double
    }

    var types: [String: String] = [:]
    var helps: [String: String] = [:]
    var samples: [Sample] = []
    var problems: [String] = []

    init(_ text: String) {
        if !text.isEmpty && !text.hasSuffix("\n") { problems.append("text does not end with a line feed") }
        var current: String?
        var closed = Set<String>()
        var seen = Set<String>()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) {
            if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") {
                let words = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
                guard words.count >= 3, Self.isMetricName(words[2]) else {
                    problems.append("bad comment line: \(line)")
                    continue
                }
                let name = words[2]
                if current != name {
                    if let current { closed.insert(current) }
                    if closed.contains(name) { problems.append("\(name) declared again after other families") }
                    current = name
                }
                if words[1] == "TYPE" {
                    guard words.count == 4, ["counter", "gauge", "histogram", "summary", "untyped"].contains(words[3]) else {
                        problems.append("bad TYPE line: \(line)")
                        continue
                    }
                    if types[name] != nil { problems.append("\(name) has two TYPE lines") }
                    if samples.contains(where: { Self.family(of: $0.name, types: [name: words[3]]) == name }) {
                        problems.append("TYPE of \(name) after its samples")
                    }
                    types[name] = words[3]
                } else {
                    if helps[name] != nil { problems.append("\(name) has two HELP lines") }
                    helps[name] = words.count == 4 ? words[3] : ""
                }
                continue
            }
            if line.hasPrefix("#") { continue }
            guard let sample = Self.parseSample(line) else {
                problems.append("bad sample line: \(line)")
                continue
            }
            guard let family = Self.family(of: sample.name, types: types) else {
                problems.append("sample without a TYPE before it: \(line)")
                continue
            }
            if family != current { problems.append("sample of \(family) away from its family: \(line)") }
            let series = sample.name + "{" + sample.labels.map { "\($0.0)=\($0.1)" }.sorted().joined(separator: ",") + "}"
            if !seen.insert(series).inserted { problems.append("series twice: \(series)") }
            samples.append(sample)
        }
        checkHistograms()
    }

    /// Value of the series `name` with exactly these labels (in any order).
    func value(_ name: String, _ labels: [(String, String)] = []) -> Double? {
        let wanted = Set(labels.map { "\($0.0)=\($0.1)" })
        return samples.first { $0.name == name && Set($0.labels.map { "\($0.0)=\($0.1)" }) == wanted }?.value
    }

    /// The samples of one family (a histogram's `_bucket`, `_sum`, `_count` included).
    func samples(of family: String) -> [Sample] {
        samples.filter { Self.family(of: $0.name, types: types) == family }
    }

    private mutating func checkHistograms() {
        for (family, type) in types where type == "histogram" {
            var groups: [String: [Sample]] = [:]
            for sample in samples(of: family) {
                let key = sample.labels.filter { $0.0 != "le" }.map { "\($0.0)=\($0.1)" }.sorted().joined(separator: ",")
                groups[key, default: []].append(sample)
            }
            for (key, group) in groups {
                let buckets = group.filter { $0.name == family + "_bucket" }
                let bounds = buckets.map { $0.labels.first { $0.0 == "le" }.flatMap { Self.number($0.1) } }
                guard bounds.allSatisfy({ $0 != nil }), let last = bounds.last, last == .infinity else {
                    problems.append("\(family){\(key)}: buckets without le or without +Inf")
                    continue
                }
                let sorted = zip(bounds.compactMap { $0 }, buckets.map(\.value)).sorted { $0.0 < $1.0 }
                for index in sorted.indices.dropFirst() where sorted[index].1 < sorted[index - 1].1 {
                    problems.append("\(family){\(key)}: bucket le=\(sorted[index].0) below the one before")
                }
                let count = group.first { $0.name == family + "_count" }?.value
                if count == nil || group.first(where: { $0.name == family + "_sum" }) == nil {
                    problems.append("\(family){\(key)}: no _sum or _count")
                }
                if sorted.last?.1 != count { problems.append("\(family){\(key)}: +Inf bucket \(sorted.last?.1 ?? -1) != _count \(count ?? -1)") }
            }
        }
    }

    static func family(of name: String, types: [String: String]) -> String? {
        if types[name] != nil && types[name] != "histogram" && types[name] != "summary" { return name }
        for suffix in ["_bucket", "_sum", "_count"] where name.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            if types[base] == "histogram" || (types[base] == "summary" && suffix != "_bucket") { return base }
        }
        return types[name] != nil ? name : nil
    }

    static func isMetricName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == ":"
        }
    }

    static func number(_ text: String) -> Double? {
        switch text {
        case "+Inf", "Inf": .infinity
        case "-Inf": -.infinity
        case "NaN": .nan
        default: Double(text)
        }
    }

    /// `name{label="value",...} value [timestamp]`.
    static func parseSample(_ line: String) -> Sample? {
        var rest = Substring(line)
        let name = String(rest.prefix { $0 != "{" && $0 != " " })
        guard isMetricName(name) else { return nil }
        rest = rest.dropFirst(name.count)
        var labels: [(String, String)] = []
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                let label = String(rest.prefix { $0 != "=" })
                guard isMetricName(label), !label.contains(":") else { return nil }
                rest = rest.dropFirst(label.count)
                guard rest.hasPrefix("=\"") else { return nil }
                rest = rest.dropFirst(2)
                var value = ""
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    if character == "\\" {
                        switch rest.first {
                        case "\\": value.append("\\")
                        case "\"": value.append("\"")
                        case "n": value.append("\n")
                        default: return nil
                        }
                        rest = rest.dropFirst()
                    } else {
                        if character == "\n" { return nil }
                        value.append(character)
                    }
                }
                guard rest.first == "\"" else { return nil }
                rest = rest.dropFirst()
                if labels.contains(where: { $0.0 == label }) { return nil }
                labels.append((label, value))
                if rest.first == "," { rest = rest.dropFirst() } else if rest.first != "}" { return nil }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { return nil }
        let words = rest.dropFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard (1...2).contains(words.count), let value = number(String(words[0])) else { return nil }
        if words.count == 2, Int64(words[1]) == nil { return nil }
        return Sample(name: name, labels: labels, value: value)
    }
}
