import Foundation
import Testing
@testable import KAConfig

/// grammar/keywords.md must equal `KeywordReference.markdown()`. With KA_REGEN=1 in the environment
/// the test writes the file instead (scripts/regen-grammar.sh).
@Suite struct KeywordReferenceTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let referenceFile = repositoryRoot.appendingPathComponent("grammar/keywords.md")

    @Test func referenceIsUpToDate() throws {
        let expected = KeywordReference.markdown()
        if ProcessInfo.processInfo.environment["KA_REGEN"] == "1" {
            try expected.write(to: Self.referenceFile, atomically: true, encoding: .utf8)
            return
        }
        let current = try? String(contentsOf: Self.referenceFile, encoding: .utf8)
        #expect(current == expected, "grammar/keywords.md is stale: run scripts/regen-grammar.sh")
    }

    @Test func referenceShowsEveryRow() {
        let text = KeywordReference.markdown()
        for block in KeepalivedSchema.allBlocks {
            #expect(text.contains("## \(block.name)\n"))
            for row in block.keywords { #expect(text.contains("| `\(row.name)` |"), "\(row.name)") }
        }
        #expect(text.contains("| `priority` | value | <priority: 1..255> | 100 (255 with state MASTER) |"))
        #expect(text.contains("| `auth_hmac` | block [auth_hmac](#auth_hmac) |"))
        #expect(text.contains("<state: MASTER\\|BACKUP>"))
    }
}
