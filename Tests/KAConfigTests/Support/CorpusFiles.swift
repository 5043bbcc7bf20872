import Foundation

/// The configuration files the corpus-wide tests read, grouped by where they come from.
enum CorpusFiles {
    struct Group: Sendable {
        var name: String
        var directory: URL
        var files: [URL]
    }

    static func groups() -> [Group] {
        [
            Group(
                name: "corpus/upstream-samples", directory: RepoPaths.upstreamSamples,
                files: RepoPaths.files(under: RepoPaths.upstreamSamples).filter { $0.lastPathComponent != "README.md" }),
            // Recursive: 048's include directory (vhosts/*.conf) is part of it.
            Group(
                name: "corpus/realworld", directory: RepoPaths.realWorld,
                files: RepoPaths.files(under: RepoPaths.realWorld).filter { $0.lastPathComponent != "SOURCES.tsv" }),
            Group(
                name: "corpus/realworld-2", directory: RepoPaths.realWorld2,
                files: RepoPaths.files(under: RepoPaths.realWorld2).filter { $0.lastPathComponent != "SOURCES.tsv" }),
            Group(
                name: "/usr/share/doc/keepalived/samples", directory: RepoPaths.keepalivedDocSamples,
                files: RepoPaths.files(under: RepoPaths.keepalivedDocSamples).filter {
                    $0.lastPathComponent.hasPrefix("keepalived.conf")
                }),
            Group(
                name: "samples", directory: RepoPaths.samples,
                files: RepoPaths.files(under: RepoPaths.samples).filter { $0.pathExtension == "conf" }),
        ]
    }

    static func all() -> [URL] { groups().flatMap(\.files) }

    /// The node files of samples/, by folder name ("gateway" → [node1.conf, node2.conf]).
    static func sampleSets() -> [(name: String, files: [URL])] {
        let byFolder = Dictionary(grouping: groups().last!.files) { $0.deletingLastPathComponent().lastPathComponent }
        return byFolder.keys.sorted().map { ($0, byFolder[$0]!) }
    }
}
