import Foundation
import Testing
@testable import KAConfig

/// The plain-line fast path must give exactly what the full pipeline gives.
@Suite("Expand: fast path equivalence")
struct ExpandFastPathTests {
    static func assertSame(_ files: [String: String], root: String, options: ExpansionOptions = ExpansionOptions()) {
        let fileSystem = InMemoryFileSystem(files: files)
        let fast = Expander.expand(path: root, options: options, fileSystem: fileSystem, plainFastPath: true)
        let slow = Expander.expand(path: root, options: options, fileSystem: fileSystem, plainFastPath: false)
        #expect(fast.lines == slow.lines, "\(root)")
        #expect(fast.diagnostics == slow.diagnostics, "\(root)")
    }

    @Test func tricksySpacingAndBraces() {
        let text = """
            vrrp_instance VI_1{
            \tstate   MASTER\t
              virtual_ipaddress {  192.0.2.1/24 dev eth0 } }
            {  }
            }}{
            a{b}c
            \u{0C}odd
            incl x
            included y
            x "q" { z }
            \r
            last\r
            end
            """
        Self.assertSame(["/k.conf": text], root: "/k.conf")
        Self.assertSame(["/k.conf": text + "\nno newline at end"], root: "/k.conf")
        Self.assertSame(["/k.conf": "}\n" + String(repeating: "w", count: 1021) + "\n" + String(repeating: "v", count: 1022) + " {\n"], root: "/k.conf")
    }

    @Test func largeGeneratedConfig() {
        Self.assertSame(["/k.conf": ExpandPerformanceTests.largeConfig(instances: 500)], root: "/k.conf")
    }

    /// Every sample and real-world file available on this machine (skipped when absent).
    @Test func corpusFiles() throws {
        let roots = ["/work/shared/corpus", "/usr/share/doc/keepalived/samples"]
        var checked = 0
        for root in roots {
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            for case let relative as String in enumerator where relative.hasSuffix(".conf") || relative.contains("keepalived.conf") {
                let path = root + "/" + relative
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                Self.assertSame([path: String(decoding: data, as: UTF8.self)], root: path, options: ExpansionOptions(configID: "node1"))
                checked += 1
            }
        }
        print("fast path compared on \(checked) corpus files")
    }
}
