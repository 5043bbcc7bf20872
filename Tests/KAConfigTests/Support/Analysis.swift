import Foundation
@testable import KAConfig
@testable import KALint

/// The analysis the corpus and differential tests run on a file, as a swappable hook: today the
/// parser's KA1xx diagnostics; the integrator replaces `current` with the full analyzer
/// (expansion, binder, rules) once it exists, and every corpus-wide test then checks that.
enum TestAnalysis {
    typealias Analyze = @Sendable (_ path: String) -> [Diagnostic]

    static let parserOnly: Analyze = { path in
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) } ?? []
        return Parser.parse(path: path, bytes: bytes).diagnostics
    }

    /// The whole front end and every single-file rule, as `kalint FILE` runs them.
    static let fullAnalyzer: Analyze = { path in
        let node = Analyzer.analyze(path: path, fileSystem: LocalFileSystem())
        return LintEngine().run([node]).diagnostics
    }

    static let current: Analyze = fullAnalyzer
}
