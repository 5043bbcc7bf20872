import Testing
@testable import KAConfig
@testable import KAFormat

/// keepalived 2.2.7 itself must read a file and its formatted version alike: `keepalived -t`
/// on both (same file name, each in its own empty folder) must print the same messages, line
/// numbers aside (formatting moves lines), as the same multiset, and exit with the same status.
@Suite(.serialized) struct FormatKeepalivedTests {
    static let keepalived = "/usr/sbin/keepalived"
    static var isInstalled: Bool { FormatTestSupport.run(keepalived, ["--version"]) != nil }

    @Test(.enabled(if: isInstalled, "keepalived 2.2.7 is not installed"))
    func keepalivedReadsTheSameBeforeAndAfter() throws {
        let folder = FormatTestSupport.temporaryFolder()
        defer { FormatTestSupport.remove(folder) }
        var compared = 0
        // The golden inputs hold the tricky constructs (`@id`, `$`, `~SEQ`, definitions): they are
        // also read as config-id `main`, so that the `@main` lines are live.
        let fixtures = FormatGoldenTests.cases.map { ($0 + ".input.conf", ["-i", "main"]) }
        let files = FormatCorpusTests.corpusFiles.map { ($0, [String]()) } + fixtures.map { ($0.0, []) } + fixtures
        for (path, options) in files {
            let original = try #require(FormatTestSupport.read(path))
            guard let formatted = Formatter.format(path: path, bytes: original).bytes, formatted != original else { continue }
            let before = try #require(check(original, in: folder + "/before", options: options))
            let after = try #require(check(formatted, in: folder + "/after", options: options))
            #expect(before.status == after.status, "\(path): exit status \(before.status) → \(after.status)")
            #expect(before.messages == after.messages, "\(path): keepalived -t differs:\n\(before.messages)\n---\n\(after.messages)")
            compared += 1
        }
        #expect(compared >= 60, "too few files changed by formatting to compare")
    }

    @Test(.enabled(if: isInstalled, "keepalived 2.2.7 is not installed"))
    func comparisonSeesARealDifference() throws {
        // The check itself must be able to fail: a changed keyword changes keepalived's verdict.
        let folder = FormatTestSupport.temporaryFolder()
        defer { FormatTestSupport.remove(folder) }
        let good = try #require(check(Array("vrrp_instance VI_1 {\n state MASTER\n}\n".utf8), in: folder + "/a"))
        let bad = try #require(check(Array("vrrp_instance VI_1 {\n stat MASTER\n}\n".utf8), in: folder + "/b"))
        #expect(good.messages != bad.messages)
    }

    struct Verdict {
        var status: Int32
        var messages: [String]
    }

    /// Runs `keepalived -t` on `bytes` saved as keepalived.conf in `folder`.
    func check(_ bytes: [UInt8], in folder: String, options: [String] = []) -> Verdict? {
        FormatTestSupport.remove(folder)
        _ = FormatTestSupport.run("/bin/mkdir", ["-p", folder])
        guard FormatTestSupport.write(bytes, to: folder + "/keepalived.conf"),
            let result = FormatTestSupport.run(Self.keepalived, options + ["-t", "-f", "keepalived.conf"], in: folder)
        else { return nil }
        let messages = result.output.split(separator: "\n").map { normalize(String($0)) }.sorted()
        return Verdict(status: result.status, messages: messages)
    }

    /// `(keepalived.conf: Line 12) text` and `(Line 12) text` become `text`.
    func normalize(_ line: String) -> String {
        guard line.hasPrefix("("), let close = line.firstIndex(of: ")") else { return line }
        let inside = line[line.index(after: line.startIndex)..<close]
        guard inside.contains("Line ") else { return line }
        return String(line[line.index(after: close)...]).trimmingPrefix(" ").description
    }
}
