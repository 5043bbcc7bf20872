import Foundation
import Testing
@testable import KAConfig

/// Compares our analysis with keepalived 2.2.7's own check: for every line keepalived reports
/// (on the corpus and on broken variants of the samples), do we report a warning or an error on
/// that line of that file?
@Suite struct DifferentialTests {
    /// One keepalived run over the corpus and the variants, shared by the tests below.
    static let shared: Result<DifferentialReport, any Error> = Result { try differentialReport(analyze: TestAnalysis.current) }

    /// Wherever keepalived reports a problem on a line, we report a warning or an error on that
    /// line too: at least 95 % of those lines, every other one explained in DifferentialAllowList.
    @Test func differentialFigure() throws {
        try KeepalivedOracle.requireAvailable()
        let report = try Self.shared.get()
        #expect(report.checkedFiles > CorpusTests.minimumFileCount + DifferentialVariants.all.count - 1)
        #expect(report.total > 0, "keepalived reported no located message at all: the oracle is not working")
        print(report.summary())
        #expect(report.percentage >= 95, "only \(report.matched) of \(report.total) keepalived-reported lines matched")
        #expect(report.timeouts.isEmpty, "keepalived timed out on \(report.timeouts)")
    }

    /// No corpus file (shared corpus, packaged samples, samples/) gets an error-level diagnostic on
    /// a line keepalived 2.2.7 says nothing about, except those in FalseErrorAllowList.
    @Test func corpusHasNoFalseErrors() throws {
        try KeepalivedOracle.requireAvailable()
        let report = try Self.shared.get()
        #expect(report.falseErrors.isEmpty, "errors where keepalived is silent:\n\(report.falseErrors.map(\.description).joined(separator: "\n"))")
        for entry in FalseErrorAllowList.entries {
            #expect(report.allowedFalseErrors.contains { $0.reason == entry.reason }, "stale allow-list entry \(entry.file):\(entry.line)")
        }
        for pending in FalseErrorAllowList.pendingFiles {
            #expect(report.allowedFalseErrors.contains { $0.reason == pending.reason }, "stale pending file \(pending.file)")
        }
    }

    /// Every allow-list entry still excuses a miss: a stale entry would hide nothing and mislead.
    @Test func allowListEntriesAreUsed() throws {
        try KeepalivedOracle.requireAvailable()
        let report = try Self.shared.get()
        for entry in DifferentialAllowList.entries {
            #expect(report.allowed.contains { $0.reason == entry.reason && $0.miss.line == entry.line }, "stale allow-list entry \(entry.file):\(entry.line)")
        }
    }

    /// The variants each break their base: the text changed, and keepalived objects to it.
    @Test func everyVariantBreaksItsBase() throws {
        try KeepalivedOracle.requireAvailable()
        let variants = try DifferentialVariants.writeAll()
        defer { try? FileManager.default.removeItem(at: variants.directory) }
        let verdicts = KeepalivedOracle.checkAll(paths: variants.files.map(\.path))
        for (variant, result) in zip(DifferentialVariants.all, verdicts) {
            let verdict = try result.get()
            #expect(verdict.exitCode != 0 && !verdict.messages.isEmpty, "\(variant.name): keepalived accepts it")
        }
    }

    @Test func oracleParsesMessagePrefixes() {
        let located = KeepalivedOracle.parseMessage("(/etc/keepalived/a: Line 1.conf: Line 12) Unknown keyword 'x'")
        #expect(located == KeepalivedMessage(file: "/etc/keepalived/a: Line 1.conf", line: 12, text: "Unknown keyword 'x'"))
        #expect(KeepalivedOracle.parseMessage("(Line 3) Extra '}' found") == KeepalivedMessage(file: nil, line: 3, text: "Extra '}' found"))
        let unlocated = KeepalivedOracle.parseMessage("(VI_1) the virtual router id must be set")
        #expect(unlocated == KeepalivedMessage(file: nil, line: nil, text: "(VI_1) the virtual router id must be set"))
    }

    @Test func oracleCollectsInterfaceNames() {
        let text = """
            global_defs { default_interface bond0 }
            vrrp_instance V { interface eth0
                track_interface {
                    eth1 weight 10
                    "eth2"
                }
                virtual_ipaddress { 192.0.2.1/24 dev eth3 label eth3:1 }
                virtual_routes { 192.0.2.0/24 via 198.51.100.1 dev lo }
                unicast_src_ip 192.0.2.2
            }
            """
        let names = KeepalivedOracle.interfaceNames(in: Parser.parse(path: "i.conf", text: text))
        #expect(names == ["bond0", "eth0", "eth1", "eth2", "eth3"])
    }
}

extension DifferentialVariants {
    /// Writes every variant to a fresh temporary directory.
    static func writeAll() throws -> (directory: URL, files: [URL]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ka-variants-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var files: [URL] = []
        for variant in all {
            guard let text = variant.text() else {
                throw VariantError(message: "variant \(variant.name): '\(variant.find)' is not in samples/\(variant.base)")
            }
            let url = directory.appendingPathComponent("\(variant.name).conf")
            try Data(text.utf8).write(to: url)
            files.append(url)
        }
        return (directory, files)
    }

    struct VariantError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
