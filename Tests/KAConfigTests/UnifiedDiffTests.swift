import Testing
@testable import KAConfig
@testable import KAFormat

/// `kafmt --diff`: unified diffs that `patch` applies.
@Suite struct UnifiedDiffTests {
    func diff(_ old: String, _ new: String) -> String {
        String(decoding: UnifiedDiff.diff(old: Array(old.utf8), new: Array(new.utf8), oldName: "a", newName: "b"), as: UTF8.self)
    }

    @Test func equalInputsGiveNothing() {
        #expect(diff("a\nb\n", "a\nb\n") == "")
    }

    @Test func oneChangedLine() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n"
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n"
        #expect(diff(old, new) == "--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n")
    }

    @Test func distantChangesMakeTwoHunks() {
        let old = (1...20).map { "\($0)\n" }.joined()
        let new = old.replacingOccurrences("2\n", "two\n", first: true).replacingOccurrences("19\n", "nineteen\n", first: true)
        let hunks = diff(old, new).split(separator: "\n").filter { $0.hasPrefix("@@") }
        #expect(hunks == ["@@ -1,5 +1,5 @@", "@@ -16,5 +16,5 @@"])
    }

    @Test func missingFinalNewlineIsMarked() {
        #expect(diff("a\nb", "a\nb\n") == "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
    }

    @Test func insertionIntoEmptyFile() {
        #expect(diff("", "a\n") == "--- a\n+++ b\n@@ -0,0 +1 @@\n+a\n")
    }

    @Test func boundedOnLargeRewrites() {
        // Every line differs: far past the edit-distance bound, still a correct (whole) diff, fast.
        let old = (0..<20_000).map { "old \($0)\n" }.joined()
        let new = (0..<20_000).map { "new \($0)\n" }.joined()
        let output = diff(old, new)
        #expect(output.hasPrefix("--- a\n+++ b\n@@ -1,20000 +1,20000 @@\n-old 0\n"))
        #expect(output.split(separator: "\n").count == 40_003)
    }

    @Test(.enabled(if: FormatTestSupport.isRegularFile("/usr/bin/patch"), "patch is not installed"))
    func patchAppliesTheDiffToCorpusFiles() throws {
        let folder = FormatTestSupport.temporaryFolder()
        defer { FormatTestSupport.remove(folder) }
        var applied = 0
        for path in FormatCorpusTests.corpusFiles.prefix(40) {
            let original = try #require(FormatTestSupport.read(path))
            guard let formatted = Formatter.format(path: path, bytes: original).bytes, formatted != original else { continue }
            let target = folder + "/x.conf"
            #expect(FormatTestSupport.write(original, to: target))
            #expect(FormatTestSupport.write(UnifiedDiff.diff(old: original, new: formatted, oldName: "x.conf", newName: "x.conf"), to: folder + "/x.diff"))
            let result = FormatTestSupport.run("/usr/bin/patch", ["-s", "x.conf", "x.diff"], in: folder)
            #expect(result?.status == 0, "\(path): \(result?.output ?? "")")
            #expect(FormatTestSupport.read(target) == formatted, "\(path): patched file differs from formatted")
            applied += 1
        }
        #expect(applied >= 10)
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, _ replacement: String, first: Bool) -> String {
        guard let range = self.range(of: target) else { return self }
        return self.replacingCharacters(in: range, with: replacement)
    }
}
