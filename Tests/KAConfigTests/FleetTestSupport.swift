import Foundation
@testable import KAConfig
@testable import KALint

/// Runs kalint's whole pipeline (expand, bind, single-file and fleet rules) on in-memory node files.
enum FleetLint {
    struct Node {
        var path: String
        var text: String
    }

    static func run(_ nodes: [Node], only rules: Set<String> = []) -> [Diagnostic] {
        let analyses = nodes.map { Analyzer.analyze(path: $0.path, text: $0.text) }
        return LintEngine().run(analyses, options: LintOptions(enabledOnly: rules)).diagnostics
    }

    static func run(_ texts: [String], only rules: Set<String> = []) -> [Diagnostic] {
        run(texts.enumerated().map { Node(path: "node\($0.offset + 1).conf", text: $0.element) }, only: rules)
    }

    /// The sample sets in samples/: folder name -> its node files, sorted by name.
    static func sampleSets() -> [String: [Node]] {
        var sets: [String: [Node]] = [:]
        for file in RepoPaths.files(under: RepoPaths.samples) where file.pathExtension == "conf" {
            let folder = file.deletingLastPathComponent().lastPathComponent
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            sets[folder, default: []].append(Node(path: "samples/\(folder)/\(file.lastPathComponent)", text: text))
        }
        return sets.mapValues { $0.sorted { $0.path < $1.path } }
    }

    static func crossNode(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.code.hasPrefix("KA3") }
    }
}

extension String {
    /// `self` with the first occurrence of `target` replaced; the test fails loudly (the text stays
    /// unchanged and the expected findings are missing) when the target is not there.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
