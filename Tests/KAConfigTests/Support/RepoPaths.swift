import Foundation

/// Where the tests find the repository, its samples and the configuration corpora.
/// CI clones the repository with `shared/` beside it, so the shared corpus is `<repo>/../shared/corpus`;
/// `KA_SHARED_CORPUS` overrides that path.
enum RepoPaths {
    /// The repository root, derived from this file's place: Tests/KAConfigTests/Support/RepoPaths.swift.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // KAConfigTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static var samples: URL { root.appendingPathComponent("samples") }

    static var sharedCorpus: URL {
        if let override = ProcessInfo.processInfo.environment["KA_SHARED_CORPUS"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return root.deletingLastPathComponent().appendingPathComponent("shared/corpus").standardizedFileURL
    }

    static var upstreamSamples: URL { sharedCorpus.appendingPathComponent("upstream-samples") }
    static var realWorld: URL { sharedCorpus.appendingPathComponent("realworld") }
    /// 156 more real-world files (53 node pairs, 3 trios), described in its SOURCES.tsv.
    static var realWorld2: URL { sharedCorpus.appendingPathComponent("realworld-2") }

    /// The samples the Debian keepalived package installs.
    static let keepalivedDocSamples = URL(fileURLWithPath: "/usr/share/doc/keepalived/samples")

    /// Regular files below `directory` (recursively), sorted by path; empty when it does not exist.
    static func files(under directory: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var found: [URL] = []
        for case let url as URL in enumerator {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                found.append(url.standardizedFileURL)
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
