import KAJSON
import KALSP
import Testing

/// Diagnostics as the editor receives them: kalint's findings on the open buffer, its includes
/// read from disk (or from their open buffers), the cross-node rules over the node files of the
/// folder with the other node's line as related information, debounced while typing.
@Suite struct DiagnosticsTests {
    /// samples/gateway with node2's VRID and password changed: node1 and node2 disagree.
    static func mismatchedPair() -> ScratchFolder {
        let folder = ScratchFolder()
        folder.write("node1.conf", Repo.sample("gateway/node1.conf"))
        folder.write(
            "node2.conf",
            Repo.sample("gateway/node2.conf").replacingOccurrences(of: "auth_pass gw51key", with: "auth_pass other")
                .replacingOccurrences(of: "virtual_router_id 51", with: "virtual_router_id 52"))
        return folder
    }

    /// A line of thousands of braces publishes kalint's flood-limited findings (twenty of each
    /// rule on the line and one that counts the rest), not one per brace: an editor would stall.
    @Test func aFloodOfFindingsOnOneLineIsPublishedCut() throws {
        let folder = ScratchFolder()
        var client = LSPTestClient()
        client.initialize()
        client.open(folder.uri("flood.conf"), String(repeating: "{", count: 5_000) + "\n")
        client.advance(milliseconds: 0)
        let diagnostics = try #require(client.diagnostics(folder.uri("flood.conf")))
        let codes = Dictionary(grouping: diagnostics.compactMap { $0["code"]?.string }, by: { $0 }).mapValues(\.count)
        #expect(!codes.isEmpty)
        #expect(codes.values.allSatisfy { $0 <= 21 }, "\(codes)")
        #expect(diagnostics.contains { $0["message"]?.string?.contains("more") == true && $0["message"]?.string?.contains("on this line (the first 20 are shown)") == true })
    }

    @Test func openingANodeShowsTheMismatchWithTheOtherNode() throws {
        let folder = Self.mismatchedPair()
        var client = LSPTestClient()
        client.initialize()
        let text = Repo.sample("gateway/node1.conf")
        client.open(folder.uri("node1.conf"), text)
        #expect(client.diagnostics(folder.uri("node1.conf")) == nil, "published only when due")
        client.advance(milliseconds: 0)
        let diagnostics = try #require(client.diagnostics(folder.uri("node1.conf")))
        // kalint reports the mismatch on node2 (the node that deviates) with a note on node1's
        // line: node1's editor shows it at that line, node2's line as related information.
        let auth = try #require(diagnostics.first { $0["code"] == "KA303" })
        #expect(auth["severity"] == 1)
        #expect(auth["source"] == "kalint")
        #expect(auth["message"]?.string?.hasPrefix("node2.conf:29: 'GW_LAN' sends PASS 'other' here but PASS 'gw51key' on \(folder.path)/node1.conf") == true)
        #expect(auth["message"]?.string?.hasSuffix("[auth-mismatch]") == true)
        #expect(ClientText.text(auth["range"], in: text) == "gw51key")
        let related = try #require(auth["relatedInformation"]?.array?.first)
        #expect(related[path: "location", "uri"] == .string(folder.uri("node2.conf")))
        let node2 = try String(contentsOfFile: folder.path + "/node2.conf", encoding: .utf8)
        #expect(ClientText.text(related[path: "location", "range"], in: node2) == "other")
        let vrid = try #require(diagnostics.first { $0["code"] == "KA301" })
        #expect(ClientText.text(vrid["range"], in: text) == "51")
        #expect(client.diagnostics(folder.uri("node2.conf")) == nil, "a closed node's own findings are not published")
        // kalint's info findings are there too, as Information: the firewall rules the node needs.
        let hint = try #require(diagnostics.first { $0["code"] == "KA501" })
        #expect(hint["severity"] == 3)
        #expect(ClientText.text(hint["range"], in: text) == "GW_LAN")
    }

    @Test func fixingTheOtherNodesBufferClearsTheMismatch() throws {
        let folder = Self.mismatchedPair()
        var client = LSPTestClient()
        client.initialize()
        client.open(folder.uri("node1.conf"), Repo.sample("gateway/node1.conf"))
        client.advance(milliseconds: 0)
        #expect(client.codes(folder.uri("node1.conf")).contains("KA303"))
        // node2 opened and fixed in the editor, not saved: its buffer is what counts.
        client.open(folder.uri("node2.conf"), Repo.sample("gateway/node2.conf"), version: 1)
        client.advance(milliseconds: 0)
        #expect(client.codes(folder.uri("node1.conf")).isEmpty)
        #expect(client.codes(folder.uri("node2.conf")).isEmpty)
        // Closing node2 goes back to the file on disk.
        client.notify("textDocument/didClose", Params.document(folder.uri("node2.conf")))
        client.advance(milliseconds: 0)
        #expect(client.codes(folder.uri("node1.conf")).contains("KA303"))
        #expect(client.diagnostics(folder.uri("node2.conf")) == [], "cleared when closed")
    }

    @Test func changesAreDebouncedAndIncremental() throws {
        let folder = ScratchFolder()
        var client = LSPTestClient()
        client.initialize(options: ["debounceMilliseconds": 300])
        let uri = folder.uri("keepalived.conf")
        var text = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n}\n"
        folder.write("keepalived.conf", text)
        client.open(uri, text)
        client.advance(milliseconds: 0)
        #expect(client.codes(uri).isEmpty)
        // Three keystrokes: 51 -> 5 -> 500 -> 300 (an edit for each, by range).
        let value = ClientText.position(of: "51", in: text)
        let edits: [(Int, Int, String)] = [(1, 2, ""), (1, 1, "00"), (0, 1, "3")]
        for (version, (start, end, newText)) in edits.enumerated() {
            let change: JSONValue = [
                "range": Params.range(value.line, value.character + start, value.line, value.character + end),
                "text": .string(newText),
            ]
            client.notify("textDocument/didChange", [
                "textDocument": ["uri": .string(uri), "version": .int(version + 2)], "contentChanges": [change],
            ])
            #expect(client.advance(milliseconds: 100).isEmpty, "nothing while typing")
        }
        text = text.replacingOccurrences(of: "51", with: "300")
        let published = client.advance(milliseconds: 200)
        #expect(published.count == 1)
        let diagnostic = try #require(client.diagnostics(uri)?.first { $0["code"] == "KA220" })
        #expect(diagnostic["code"] == "KA220")
        #expect(ClientText.text(diagnostic["range"], in: text) == "300")
        #expect(published.first?[path: "params", "version"] == 4)
        // A whole-text change (no range) is full sync.
        text = text.replacingOccurrences(of: "300", with: "30")
        client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(uri), "version": 5], "contentChanges": [["text": .string(text)]],
        ])
        client.advance(milliseconds: 300)
        #expect(client.codes(uri).isEmpty)
        // An unchanged list is not sent again.
        client.notify("textDocument/didSave", Params.document(uri))
        #expect(client.advance(milliseconds: 0).isEmpty)
    }

    @Test func includesAreReadFromDiskOrFromTheirOpenBuffer() throws {
        let folder = ScratchFolder()
        folder.write("scripts/checks.conf", "vrrp_script chk_haproxy {\n    script \"/usr/bin/pgrep haproxy\"\n}\n")
        let node = """
            include scripts/checks.conf
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                priority 100
                track_script {
                    chk_haproxy
                    chk_missing
                }
            }

            """
        folder.write("keepalived.conf", node)
        var client = LSPTestClient()
        client.initialize()
        let uri = folder.uri("keepalived.conf")
        client.open(uri, node)
        client.advance(milliseconds: 0)
        let undefined = (client.diagnostics(uri) ?? []).filter { $0["code"] == "KA217" }
        #expect(undefined.count == 1)
        #expect(undefined.first.map { ClientText.text($0["range"], in: node) } == "chk_missing")
        // The included file's findings are published too (they belong to this node).
        #expect(client.codes(folder.uri("scripts/checks.conf")) == ["KA401"])
        // Defining chk_missing in the included file's unsaved buffer resolves it.
        client.open(folder.uri("scripts/checks.conf"), "vrrp_script chk_haproxy {\n    script \"/usr/bin/pgrep haproxy\"\n}\nvrrp_script chk_missing {\n    script \"/bin/true\"\n}\n")
        client.advance(milliseconds: 0)
        #expect(!client.codes(uri).contains("KA217"))
    }

    @Test func fleetAndRulesFollowTheSettings() throws {
        let folder = Self.mismatchedPair()
        var client = LSPTestClient()
        client.initialize(options: ["fleet": false])
        client.open(folder.uri("node1.conf"), Repo.sample("gateway/node1.conf"))
        client.advance(milliseconds: 0)
        #expect(client.codes(folder.uri("node1.conf")).isEmpty, "alone, node1 is clean")
        client.notify("workspace/didChangeConfiguration", ["settings": ["kalsp": ["fleet": true, "disable": ["KA301"]]]])
        client.advance(milliseconds: 0)
        let codes = client.codes(folder.uri("node1.conf"))
        #expect(codes.contains("KA303"))
        #expect(!codes.contains("KA301"))
    }
}

/// Navigation across files: from an `include` to the files it reads, from a tracked name to its
/// definition in an included file, and the included file's names completed in the node.
@Suite struct IncludeNavigationTests {
    static func folder() -> (ScratchFolder, String) {
        let folder = ScratchFolder()
        folder.write("conf.d/a-scripts.conf", "vrrp_script chk_dns {\n    script \"/usr/bin/dig +short example.org\"\n}\n")
        folder.write("conf.d/b-empty.conf", "! nothing here yet\n")
        let node = "include conf.d/*.conf\nvrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    track_script {\n        chk_dns\n    }\n}\n"
        folder.write("keepalived.conf", node)
        return (folder, node)
    }

    @Test func anIncludeGoesToTheFilesItReads() throws {
        let (folder, node) = Self.folder()
        var client = LSPTestClient()
        client.initialize()
        let uri = folder.uri("keepalived.conf")
        client.open(uri, node)
        let response = client.request("textDocument/definition", Params.position(uri, line: 0, character: 12))
        let targets = try #require(response["result"]?.array).compactMap { $0["uri"]?.string }
        #expect(targets == [folder.uri("conf.d/a-scripts.conf"), folder.uri("conf.d/b-empty.conf")])
    }

    @Test func aTrackedScriptGoesToItsIncludedDefinition() throws {
        let (folder, node) = Self.folder()
        var client = LSPTestClient()
        client.initialize()
        let uri = folder.uri("keepalived.conf")
        client.open(uri, node)
        let at = ClientText.position(of: "chk_dns", in: node)
        let response = client.request("textDocument/definition", Params.position(uri, line: at.line, character: at.character + 3))
        #expect(response[path: "result", "uri"] == .string(folder.uri("conf.d/a-scripts.conf")))
        #expect(response[path: "result", "range"] == Params.range(0, 12, 0, 19))
        // Completion in track_script offers it, and references find both places.
        let names = client.request("textDocument/completion", Params.position(uri, line: at.line, character: at.character))
        #expect(names[path: "result", "items"]?.array?.compactMap { $0["label"]?.string } == ["chk_dns"])
        let references = client.request("textDocument/references", Params.position(uri, line: at.line, character: at.character))
        #expect(Set(references["result"]?.array?.compactMap { $0["uri"]?.string } ?? []) == [uri, folder.uri("conf.d/a-scripts.conf")])
        // Opened, the included file navigates within its node too.
        client.open(folder.uri("conf.d/a-scripts.conf"), "vrrp_script chk_dns {\n    script \"/bin/true\"\n}\n")
        let back = client.request("textDocument/references", Params.position(folder.uri("conf.d/a-scripts.conf"), line: 0, character: 14))
        #expect(back["result"]?.array?.count == 2)
    }
}
