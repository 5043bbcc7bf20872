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

    /// Trailing comments are taken by the fast path; a comment ending in a backslash (still a
    /// continuation for keepalived), an escaped comment character or an over-long comment line
    /// must fall back to the full pipeline with the same result.
    @Test func commentsAndTheirFallbacks() {
        let text = """
            ! header comment with $VAR @id ~SEQ "quote" \\ include x
            global_defs { # opens
               router_id r1   # trailing, three blanks before
               notification_email_from a@b!c
               script_user root#nobody
            }!closing
            vrrp_instance VI_1 {
                state MASTER# glued
                priority 100 # ends in a backslash \\
                advert_int 1
                auth_pass a\\#b
                # indented comment
                virtual_router_id 51 # crlf comment\\
                track_script {   chk   } # value block
            }
            $DEF=value # a definition with a comment
            # \(String(repeating: "c", count: 1100))
            unicast_peer { 192.0.2.2 }
            # last line without a newline
            """
        Self.assertSame(["/k.conf": text], root: "/k.conf")
        Self.assertSame(["/k.conf": "a b # c"], root: "/k.conf")
        Self.assertSame(["/k.conf": "a b # c\\"], root: "/k.conf")
        Self.assertSame(["/k.conf": "#"], root: "/k.conf")
        Self.assertSame(["/k.conf": "x { # \\\ny }\n"], root: "/k.conf")
    }

    /// The fast path reads runs of plain lines at once: a run must stop at an include, a
    /// definition or an `@` line in the middle of a file, go on with the right line numbers
    /// after it, and stop at the logical-line limit.
    @Test func runsOfPlainLinesAroundOtherLines() {
        let root = """
            global_defs {
                router_id r1
            }
            include /etc/k/part.conf
            vrrp_instance VI_1 {
                state MASTER
            $NAME=eth0
                interface $NAME
            @node1 priority 100
                virtual_router_id 51
            include /etc/k/part.conf
            }
            last line
            """
        let part = "static_ipaddress {\n    192.0.2.9/32 dev lo\n}\n! end of part\n"
        let files = ["/etc/k/root.conf": root, "/etc/k/part.conf": part]
        Self.assertSame(files, root: "/etc/k/root.conf", options: ExpansionOptions(configID: "node1"))
        for limit in [1, 2, 3, 7, 12, 100] {
            var options = ExpansionOptions(configID: "node1")
            options.maxLogicalLines = limit
            Self.assertSame(files, root: "/etc/k/root.conf", options: options)
        }
        let fileSystem = InMemoryFileSystem(files: files)
        let fast = Expander.expand(path: "/etc/k/root.conf", options: ExpansionOptions(configID: "node1"), fileSystem: fileSystem)
        let last = fast.lines.last
        #expect(last?.text == "last line")
        #expect(last?.origin.line == 13)
        #expect(last?.origin.column == 1)
    }

    @Test func largeGeneratedConfig() {
        Self.assertSame(["/k.conf": ExpandPerformanceTests.largeConfig(instances: 500)], root: "/k.conf")
    }

    /// Every sample and real-world file available on this machine (skipped when absent).
    @Test func corpusFiles() throws {
        let roots = [RepoPaths.sharedCorpus.path, RepoPaths.keepalivedDocSamples.path]
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
