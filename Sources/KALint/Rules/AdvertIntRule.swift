import KAConfig

/// `advert_int` that the instance's VRRP version cannot carry: VRRPv2 sends whole seconds (1-255),
/// VRRPv3 centiseconds (0.01-40.95). keepalived rounds or clamps the value when it completes the
/// instance, and ignores values outside 0.01-255 when it reads them.
struct AdvertIntRule: LintRule {
    let rule = LintRuleCatalogue.advertInt

    func check(_ node: LintNode) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let model = node.model
        // The node's statements once, not through each instance, and read in place: both rule
        // threads would count references on the same arrays once an instance.
        let tree = node.bound.tree
        tree.withRefs { ref in
            for facts in node.instanceFacts {
                // The usual instance: valid lines whose value the version carries as it is.
                var written = 1_000_000
                var allValid = true
                facts.forEachIndex(.advertInt) { index in
                    let line = ref(index)
                    guard line.wordCount > 1 else { return }
                    // The usual line's value is read in place; only another is read off a copy.
                    if let value = line.microseconds() ?? Self.value(tree.statements[index]) {
                        written = value
                    } else {
                        allValid = false
                    }
                }
                let version = facts.effectiveVersion(model)
                if allValid, Self.effective(written, version: version) == written { continue }
                let instance = facts.instance
                let lines = facts.statements(.advertInt).filter { $0.words.count > 1 }
                let values = lines.map(Self.value)
                let used = Self.effective(written, version: version)
                for (index, statement) in lines.enumerated() where values[index] == nil {
                    let text = statement.words[1].text
                    let later = values[(index + 1)...].contains { $0 != nil }
                    found.append(Diagnostic(
                        rule,
                        "advert_int '\(text)' is not a number of seconds from 0.01 to 255: keepalived 2.2.7 reports \"Advert interval (\(text)) not valid! Must be > 0 - ignoring\""
                            + (later ? "" : " and advertises every \(Self.seconds(used)) s"),
                        at: NodeAnalysis.span(of: statement, argument: 0)))
                }
                guard let last = lines.indices.last(where: { values[$0] != nil }).map({ lines[$0] }), used != written else { continue }
                let message: String
                if version == 2 {
                    message = "advert_int \(last.words[1].text) in VRRPv2 instance '\(instance.name)': VRRPv2 carries whole seconds, so keepalived 2.2.7 rounds it to \(Self.seconds(used)) s"
                        + (written < 1_000_000 ? "; VRRPv2 cannot advertise more often than once a second (use version 3 for sub-second adverts)" : "")
                } else if written >= 4_096 * 10_000 {
                    message = "advert_int \(last.words[1].text) in VRRPv3 instance '\(instance.name)': VRRPv3 carries at most 40.95 s, so keepalived 2.2.7 uses 40.95 s"
                } else {
                    message = "advert_int \(last.words[1].text) in VRRPv3 instance '\(instance.name)': VRRPv3 carries hundredths of a second, so keepalived 2.2.7 rounds it to \(Self.seconds(used)) s"
                }
                found.append(Diagnostic(rule, message, at: NodeAnalysis.span(of: last, argument: 0)))
            }
        }
        return found
    }

    /// The microseconds keepalived reads (read_decimal_unsigned with 6 places, 0.01...255 s): more
    /// places are reported but rounded on the seventh digit, not rejected.
    static func value(_ statement: BoundStatement) -> Int? {
        if let microseconds = statement.microseconds() { return microseconds }
        guard statement.words.count > 1 else { return nil }
        let text = Array(statement.words[1].text.utf8)
        guard case .failure(.tooManyDecimalPlaces) = NumberReader.decimal(String(decoding: text, as: UTF8.self), places: 6, in: 0...Int.max),
            let dot = text.firstIndex(of: UInt8(ascii: ".")),
            case .success(let truncated) = NumberReader.decimal(String(decoding: text[...(dot + 6)], as: UTF8.self), places: 6, in: 0...Int.max)
        else { return nil }
        let microseconds = truncated + (text[dot + 7] >= UInt8(ascii: "5") ? 1 : 0)
        return (10_000...255_000_000).contains(microseconds) ? microseconds : nil
    }

    /// vrrp_complete_instance: v2 rounds half up to whole seconds (at least 1 s); v3 clamps to
    /// 40.95 s and rounds half up to 10 ms (at least 10 ms).
    static func effective(_ microseconds: Int, version: Int) -> Int {
        let unit = version == 2 ? 1_000_000 : 10_000
        if version != 2, microseconds >= 4_096 * unit { return 4_095 * unit }
        if version == 2, microseconds >= 256 * unit { return 255 * unit }
        guard microseconds % unit != 0 else { return microseconds }
        let rounded = microseconds + unit / 2
        return max(unit, rounded - rounded % unit)
    }

    /// Seconds without trailing zeros: 1, 0.5, 40.95, 0.000001.
    static func seconds(_ microseconds: Int) -> String {
        let whole = microseconds / 1_000_000
        var fraction = String(microseconds % 1_000_000)
        guard fraction != "0" else { return String(whole) }
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)"
    }
}
