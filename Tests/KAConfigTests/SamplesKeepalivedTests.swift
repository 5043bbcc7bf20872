import Foundation
import Testing
@testable import KAConfig

/// Every file under samples/ passes keepalived 2.2.7's own check (`keepalived -t`) in a network
/// namespace that has the interfaces it names. Needs root, like CI.
@Suite struct SamplesKeepalivedTests {
    /// Sets keepalived 2.2.7 refuses on purpose, with the messages it prints: none today. (The
    /// ipv6-trio sample names `interface eth0`: 2.2.7 runs chk_min_cfg before it records that an
    /// instance is unicast, so a unicast instance without `interface` is refused.)
    static let knownKeepalived227Refusals: [String: [String]] = [:]

    static let expectedSets = ["gateway", "ipv6-trio", "lvs", "unicast", "vmac"]

    @Test func everySampleSetIsPresent() {
        let sets = CorpusFiles.sampleSets()
        #expect(sets.map(\.name) == Self.expectedSets)
        for set in sets {
            let expectedCount = set.name == "ipv6-trio" ? 3 : 2
            #expect(set.files.map(\.lastPathComponent) == (1...expectedCount).map { "node\($0).conf" }, "\(set.name)")
            #expect(
                FileManager.default.fileExists(atPath: RepoPaths.samples.appendingPathComponent("\(set.name)/README.md").path),
                "\(set.name)/README.md")
        }
    }

    @Test func everySampleFilePassesKeepalivedCheck() throws {
        try KeepalivedOracle.requireAvailable()
        let sets = CorpusFiles.sampleSets()
        let files = sets.flatMap(\.files)
        try #require(files.count == 11)
        let verdicts = KeepalivedOracle.checkAll(paths: files.map(\.path))
        for (file, result) in zip(files, verdicts) {
            let verdict = try result.get()
            let set = file.deletingLastPathComponent().lastPathComponent
            #expect(!verdict.timedOut, "\(file.path) timed out")
            let texts = verdict.messages.map(\.text)
            if let allowed = Self.knownKeepalived227Refusals[set], !texts.isEmpty {
                #expect(texts == allowed, "\(file.path):\n\(verdict.stderr)")
                #expect(verdict.exitCode == 5, "\(file.path): exit \(verdict.exitCode)")
            } else {
                #expect(verdict.exitCode == 0, "\(file.path): exit \(verdict.exitCode)\n\(verdict.stderr)")
                #expect(texts.isEmpty, "\(file.path):\n\(verdict.stderr)")
            }
        }
    }

    /// keepalived checks that scripts exist and are executable; the samples call system programs
    /// by absolute path, so check those are here (and say which one is missing if not).
    @Test func sampleScriptsExistAndAreExecutable() throws {
        var programs: Set<String> = []
        for file in CorpusFiles.sampleSets().flatMap(\.files) {
            let tree = Parser.parse(path: file.path, bytes: [UInt8](try Data(contentsOf: file)))
            for index in tree.nodes.indices {
                let words = tree.words(of: index).map { tree.text(of: $0) }
                guard let keyword = words.first, ["script", "notify", "notify_master", "notify_backup", "notify_fault"].contains(keyword),
                    words.count > 1
                else { continue }
                let command = words[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                programs.insert(String(command.split(separator: " ").first ?? ""))
            }
        }
        #expect(programs.count >= 2)
        for program in programs.sorted() {
            #expect(program.hasPrefix("/"), "\(program) must be an absolute path")
            #expect(FileManager.default.isExecutableFile(atPath: program), "\(program) is not executable here")
        }
    }

    /// The pairs are consistent: same VRID, advert_int, authentication and VIPs on every node;
    /// distinct priorities and router_ids.
    @Test(arguments: expectedSets) func nodesOfASetAgree(set: String) throws {
        let files = try #require(CorpusFiles.sampleSets().first { $0.name == set }?.files)
        var shared: [String: Set<[String]>] = [:]
        var priorities: [String] = []
        var routerIDs: [String] = []
        for file in files {
            let tree = Parser.parse(path: file.path, bytes: [UInt8](try Data(contentsOf: file)))
            for index in tree.nodes.indices {
                let words = tree.words(of: index).map { tree.text(of: $0) }
                guard let keyword = words.first else { continue }
                let parentKeyword = tree.nodes[index].parent.flatMap { tree.keyword(of: $0) }.map { tree.text(of: $0) }
                switch keyword {
                case "priority": priorities.append(words[1])
                case "router_id": routerIDs.append(words[1])
                case "virtual_router_id", "advert_int", "auth_type", "auth_pass":
                    shared[keyword, default: []].insert([file.lastPathComponent] + words.dropFirst())
                default:
                    if parentKeyword == "virtual_ipaddress" {
                        shared["vip", default: []].insert([file.lastPathComponent] + words)
                    }
                }
            }
        }
        #expect(Set(priorities).count == files.count, "priorities \(priorities)")
        #expect(Set(routerIDs).count == files.count, "router_ids \(routerIDs)")
        #expect(shared["virtual_router_id"] != nil && shared["vip"] != nil)
        for (keyword, entries) in shared {
            // Drop the file name: what is left must be the same on every node.
            let values = Dictionary(grouping: entries) { $0[0] }.mapValues { Set($0.map { Array($0.dropFirst()) }) }
            #expect(Set(values.values).count == 1, "\(set): \(keyword) differs between nodes: \(values)")
            #expect(values.count == files.count, "\(set): \(keyword) missing on a node")
        }
    }
}
