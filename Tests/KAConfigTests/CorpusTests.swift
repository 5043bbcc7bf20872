import Foundation
import Testing
@testable import KAConfig

/// Every configuration we can find (shared corpus, keepalived's packaged samples, samples/) goes
/// through the parser and prints back byte for byte.
@Suite struct CorpusTests {
    /// Today 125: upstream-samples 28, realworld 61 (with 048's include), packaged samples 25,
    /// samples/ 11. More than 90 means no group went missing.
    static let minimumFileCount = 90

    @Test func everyCorpusGroupIsPresent() {
        for group in CorpusFiles.groups() {
            #expect(!group.files.isEmpty, "no files in \(group.name) (\(group.directory.path)); is shared/ beside the repo?")
        }
    }

    @Test func everyCorpusFileRoundTrips() throws {
        let files = CorpusFiles.all()
        #expect(files.count > Self.minimumFileCount, "only \(files.count) corpus files found")
        #expect(files.contains { $0.path.hasSuffix("048_KailongLi_elb-test_keepalived/vhosts/vhost1.conf") })
        var checked = 0
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            let tree = Parser.parse(path: file.path, bytes: bytes)
            let printed = tree.printed()
            #expect(printed == bytes, "\(file.path): printed tree differs at byte \(firstDifference(printed, bytes))")
            checked += 1
        }
        #expect(checked == files.count)
    }

    /// Runs the analysis hook over the corpus: it must not crash, and every diagnostic must point
    /// into the file it names at a real line.
    @Test func analysisOfTheCorpusIsWellLocated() throws {
        let report = corpusAnalysisReport(analyze: TestAnalysis.current)
        #expect(report.files > Self.minimumFileCount)
        for (path, diagnostics) in report.diagnostics {
            let lineCount = SourceFile(path: path, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))).lineCount
            for diagnostic in diagnostics where diagnostic.file == path {
                #expect((1...lineCount).contains(diagnostic.line), "\(path): \(diagnostic.code) at line \(diagnostic.line)")
                #expect(diagnostic.column >= 1)
            }
        }
        let summary = report.countsByCode.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")
        print("corpus analysis: \(report.files) files, \(report.diagnostics.count) with diagnostics: \(summary)")
    }

    /// The samples are clean: the analysis finds no warning or error in them.
    @Test func samplesHaveNoFindings() {
        let samples = CorpusFiles.sampleSets().flatMap(\.files)
        #expect(samples.count == 11)
        for file in samples {
            let findings = TestAnalysis.current(file.path).filter { $0.severity >= .warning }
            #expect(findings.isEmpty, "\(file.path): \(findings.map { "\($0.line): \($0.code) \($0.message)" })")
        }
    }
}

struct CorpusAnalysisReport {
    var files = 0
    /// Paths with at least one diagnostic, and those diagnostics.
    var diagnostics: [String: [Diagnostic]] = [:]
    var countsByCode: [String: Int] = [:]
}

/// The analysis of every corpus file, through a swappable `analyze` (see `TestAnalysis`).
func corpusAnalysisReport(analyze: TestAnalysis.Analyze) -> CorpusAnalysisReport {
    var report = CorpusAnalysisReport()
    for file in CorpusFiles.all() {
        report.files += 1
        let found = analyze(file.path)
        guard !found.isEmpty else { continue }
        report.diagnostics[file.path] = found
        for diagnostic in found { report.countsByCode[diagnostic.code, default: 0] += 1 }
    }
    return report
}

func firstDifference(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
    zip(lhs, rhs).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(lhs.count, rhs.count)
}
