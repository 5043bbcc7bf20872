import Foundation
import Testing
@testable import KAConfig
@testable import KALint

/// Every rule has a documentation page whose examples are tests; `kalint --explain` prints the
/// page as SwiftPM embeds it from docs/rules/.
@Suite struct RuleDocsTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let docsDirectory = repoRoot.appendingPathComponent("docs/rules")

    static func pages() -> [String: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docsDirectory.path)) ?? []
        var pages: [String: String] = [:]
        for name in names where name.hasSuffix(".md") {
            let text = (try? String(contentsOf: docsDirectory.appendingPathComponent(name), encoding: .utf8)) ?? ""
            pages[String(name.dropLast(3))] = text
        }
        return pages
    }

    /// `kalint --explain` prints the pages SwiftPM embeds from docs/rules (through the link
    /// Sources/KALint/Documentation/Pages): every file is in `RulePages`' table, byte for byte.
    @Test func embeddedPagesAreDocsRules() throws {
        let pages = Self.pages()
        #expect(!pages.isEmpty)
        #expect(RulePages.slugs == pages.keys.sorted(), "RulePages' table and docs/rules/ list different pages")
        for (slug, page) in pages {
            #expect(RulePages.page(slug) == Array(page.utf8), "docs/rules/\(slug).md differs from its embedded copy")
        }
        let link = Self.repoRoot.appendingPathComponent("Sources/KALint/Documentation/Pages")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "../../../docs/rules")
    }

    @Test func everyRuleHasAPage() {
        let pages = Self.pages()
        for rule in RuleRegistry.allRules {
            #expect(pages[rule.slug] != nil, "docs/rules/\(rule.slug).md is missing")
            if let page = pages[rule.slug] {
                #expect(page.hasPrefix("# \(rule.slug) (\(rule.code))"), "docs/rules/\(rule.slug).md must start with '# \(rule.slug) (\(rule.code))'")
            }
        }
        let known = Set(RuleRegistry.allRules.map(\.slug))
        for slug in pages.keys { #expect(known.contains(slug), "docs/rules/\(slug).md documents no registered rule") }
    }

    /// Options a page sets for all its examples in a comment line:
    /// `<!-- examples: target-version=2.1.0 max-include-depth=3 max-logical-lines=100 -->`.
    struct PageOptions {
        var targetVersion: String?
        var expansion = ExpansionOptions()

        init(_ page: String) {
            for line in page.split(separator: "\n") where line.hasPrefix("<!-- examples:") {
                for setting in line.split(separator: " ") {
                    let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2 else { continue }
                    switch parts[0] {
                    case "target-version": targetVersion = parts[1]
                    case "max-include-depth": expansion.maxIncludeDepth = Int(parts[1]) ?? expansion.maxIncludeDepth
                    case "max-logical-lines": expansion.maxLogicalLines = Int(parts[1]) ?? expansion.maxLogicalLines
                    default: break
                    }
                }
            }
        }
    }

    /// The example's other files; `unreadable` ones exist but fail to read.
    struct ExampleFileSystem: ConfigFileSystem {
        var files: InMemoryFileSystem
        var unreadable: Set<String>

        func readFile(_ path: String) throws -> [UInt8] {
            if unreadable.contains(path) { throw ConfigFileSystemError(path: path, reason: "Permission denied") }
            return try files.readFile(path)
        }
        func glob(_ pattern: String, relativeTo directory: String) -> [String] { files.glob(pattern, relativeTo: directory) }
        func fileKind(_ path: String) -> ConfigFileKind { files.fileKind(path) }
    }

    /// In example text, `␀` stands for a NUL byte (which a page cannot hold).
    static func lint(
        _ example: RuleDocumentation.Example, only rule: DiagnosticRule, page: PageOptions = PageOptions("")
    ) -> [Diagnostic] {
        let fileSystem = ExampleFileSystem(files: InMemoryFileSystem(files: example.extraFiles), unreadable: example.unreadable)
        let files = example.files
        let nodes = files.enumerated().map { index, text in
            Analyzer.analyze(
                path: files.count == 1 ? "example.conf" : "node\(index + 1).conf",
                text: text.replacingOccurrences(of: "\u{2400}", with: "\u{0}"), options: page.expansion,
                fileSystem: fileSystem)
        }
        let options = LintOptions(enabledOnly: [rule.slug], targetVersion: page.targetVersion)
        return LintEngine().run(nodes, options: options).diagnostics.filter { $0.rule.slug == rule.slug }
    }

    @Test(arguments: RuleRegistry.allRules.map(\.slug))
    func examplesBehave(_ slug: String) throws {
        guard let page = Self.pages()[slug], let rule = RuleRegistry.rule(named: slug) else { return }
        let docs = RuleDocumentation(slug: slug, markdown: page)
        let options = PageOptions(page)
        if rule.code.hasPrefix("KA5") { return }  // firewall rules need a ruleset: FirewallTests cover them
        #expect(!docs.triggering.isEmpty, "\(slug): no 'Triggers' example")
        #expect(!docs.clean.isEmpty, "\(slug): no 'Does not trigger' example")
        for example in docs.triggering {
            let found = Self.lint(example, only: rule, page: options)
            #expect(!found.isEmpty, "\(slug): example '\(example.title)' should trigger:\n\(example.files.joined(separator: "---\n"))")
        }
        for example in docs.clean {
            let found = Self.lint(example, only: rule, page: options)
            #expect(found.isEmpty, "\(slug): example '\(example.title)' should not trigger, got: \(found.map(\.message))")
        }
    }
}
