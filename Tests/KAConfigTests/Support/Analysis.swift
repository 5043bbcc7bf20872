import Foundation
@testable import KAConfig

/// The analysis the corpus and differential tests run on a file, as a swappable hook: today the
/// parser's KA1xx diagnostics; the integrator replaces `current` with the full analyzer
/// (expansion, binder, rules) once it exists, and every corpus-wide test then checks that.
enum TestAnalysis {
    typealias Analyze = @Sendable (_ path: String) -> [Diagnostic]

    static let parserOnly: Analyze = { path in
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) } ?? []
        return Parser.parse(path: path, bytes: bytes).diagnostics
    }

    static let current: Analyze = parserOnly
}
