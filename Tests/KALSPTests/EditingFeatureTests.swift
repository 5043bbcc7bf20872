import KAConfig
import KAJSON
import KALSP
import Testing

/// Hover, completion, navigation and the outline, on real-shaped files with non-ASCII text
/// (positions are UTF-16 code units: `é` is one, `🚀` two).
@Suite struct EditingFeatureTests {
    static let node = """
        ! Zürich 🚀 gateway — ü
        global_defs {
            router_id gw1
        }

        vrrp_script chk_é🚀 {
            script "/usr/bin/pgrep haproxy"
        }

        vrrp_instance VI_1 {
            state MASTER
            interface eth0   # WAN ⇄ LAN 🚀
            virtual_router_id 51
            priority 110
            track_script {
                chk_é🚀
            }
            track_interface {
                eth1
            }
        }

        vrrp_instance VI_2 {
            interface eth1
            virtual_router_id 52
            track_script {
                chk_é🚀 weight 10
            }
        }

        vrrp_sync_group G1 {
            group {
                VI_1
                VI_2
            }
        }

        virtual_server 192.0.2.10 80 {
            real_server 192.0.2.21 80 {
                weight 1
            }
        }

        """

    static let uri = "file:///nonexistent-kalsp-test/keepalived.conf"

    static func client(_ text: String = node) -> LSPTestClient {
        var client = LSPTestClient()
        client.initialize()
        client.open(uri, text)
        return client
    }

    static func at(_ needle: String, occurrence: Int = 1, offset: Int = 0, in text: String = node) -> JSONValue {
        let position = ClientText.position(of: needle, in: text, occurrence: occurrence, offset: offset)
        return Params.position(uri, line: position.line, character: position.character)
    }

    @Test func hoverOnAKeywordShowsItsSchemaRow() throws {
        var client = Self.client()
        let response = client.request("textDocument/hover", Self.at("virtual_router_id", offset: 3))
        let markdown = try #require(response[path: "result", "contents", "value"]?.string)
        #expect(markdown.contains("**virtual_router_id**"))
        #expect(markdown.contains("Block: `vrrp_instance`"))
        #expect(markdown.contains("`<vrid: 1..255>`"))
        #expect(markdown.contains("Since: keepalived"))
        let range = try #require(response[path: "result", "range"])
        #expect(ClientText.text(range, in: Self.node) == "virtual_router_id")
        // The same word in another block is another row: router_id is global_defs'.
        let global = client.request("textDocument/hover", Self.at("router_id"))
        #expect(global[path: "result", "contents", "value"]?.string?.contains("Block: `global_defs`") == true)
    }

    @Test func hoverShowsDefaultsAndDeprecation() throws {
        let text = "vrrp_sync_group G {\n    global_tracking\n}\nvrrp_instance V {\n    advert_int 1\n}\n"
        var client = Self.client(text)
        let deprecated = client.request("textDocument/hover", Self.at("global_tracking", in: text))
        #expect(deprecated[path: "result", "contents", "value"]?.string?.contains("Deprecated by: `sync_group_tracking_weight`") == true)
        let advert = client.request("textDocument/hover", Self.at("advert_int", in: text))
        #expect(advert[path: "result", "contents", "value"]?.string?.contains("Default: 1") == true)
    }

    @Test func hoverOnARuleInACommentShowsItsPage() throws {
        let text = "# kalint disable=vrid-mismatch,KA303\nvrrp_instance V {\n}\n"
        var client = Self.client(text)
        let slug = client.request("textDocument/hover", Self.at("vrid-mismatch", offset: 5, in: text))
        let page = try #require(slug[path: "result", "contents", "value"]?.string)
        #expect(page.hasPrefix("# vrid-mismatch (KA301)"))
        #expect(ClientText.text(slug[path: "result", "range"], in: text) == "vrid-mismatch")
        let code = client.request("textDocument/hover", Self.at("KA303", in: text))
        #expect(code[path: "result", "contents", "value"]?.string?.hasPrefix("# auth-mismatch (KA303)") == true)
        // Other words of a comment are not rules.
        #expect(client.request("textDocument/hover", Self.at("disable", in: text))["result"] == .null)
    }

    @Test func hoverOnANameAfterNonASCIIText() throws {
        var client = Self.client()
        let response = client.request("textDocument/hover", Self.at("chk_é🚀", occurrence: 2, offset: 5))
        #expect(response[path: "result", "contents", "value"]?.string == "vrrp_script `chk_é🚀`, defined at line 6")
        #expect(ClientText.text(response[path: "result", "range"], in: Self.node) == "chk_é🚀")
    }

    func labels(_ response: JSONValue) -> [String] {
        (response[path: "result", "items"]?.array ?? []).compactMap { $0["label"]?.string }
    }

    @Test func completionOfKeywordsOfTheEnclosingBlock() throws {
        let text = Self.node.replacingOccurrences(of: "    priority 110\n", with: "    priority 110\n    adv\n")
        var client = Self.client(text)
        let response = client.request("textDocument/completion", Self.at("    adv", offset: 7, in: text))
        let items = try #require(response[path: "result", "items"]?.array)
        let names = items.compactMap { $0["label"]?.string }
        #expect(names.contains("advert_int"))
        #expect(names.contains("virtual_ipaddress"))
        #expect(!names.contains("router_id"), "a global_defs keyword")
        #expect(!names.contains("vrrp_instance"), "a file-level keyword")
        let vrid = try #require(items.first { $0["label"] == "virtual_router_id" })
        #expect(vrid["detail"] == "<vrid: 1..255>")
        #expect(vrid["kind"] == 14)
        let block = try #require(items.first { $0["label"] == "virtual_ipaddress" })
        #expect(block["detail"] == "{ address ... }")
        // At the file level, the top-level keywords.
        let top = client.request("textDocument/completion", Params.position(Self.uri, line: 4, character: 0))
        #expect(labels(top).contains("vrrp_instance"))
        #expect(labels(top).contains("global_defs"))
        #expect(!labels(top).contains("priority"))
    }

    @Test func completionOfArgumentValues() {
        let text = Self.node.replacingOccurrences(of: "    state MASTER\n", with: "    state \n")
        var client = Self.client(text)
        let state = client.request("textDocument/completion", Self.at("state ", offset: 6, in: text))
        #expect(labels(state) == ["MASTER", "BACKUP"])
        let interface = client.request("textDocument/completion", Self.at("interface eth0", offset: 10, in: text))
        #expect(labels(interface) == ["eth0", "eth1"])
    }

    @Test func completionOfDefinedNames() {
        let text = Self.node.replacingOccurrences(of: "        VI_2\n", with: "        VI_2\n        \n")
        var client = Self.client(text)
        // In a track_script block: the vrrp_scripts.
        let scripts = client.request("textDocument/completion", Self.at("chk_é🚀", occurrence: 2, in: text))
        #expect(labels(scripts) == ["chk_é🚀"])
        // After the name: the entry's optional words.
        let weight = client.request("textDocument/completion", Self.at("chk_é🚀 weight", offset: 8, in: text))
        #expect(labels(weight) == ["weight", "reverse", "noreverse"])
        // In a track_interface block: the interfaces in use.
        let interfaces = client.request("textDocument/completion", Self.at("        eth1", offset: 8, in: text))
        #expect(labels(interfaces) == ["eth0", "eth1"])
        // In a sync group's group block: the instances.
        let blank = ClientText.position(of: "VI_2\n", in: text).line + 1
        let members = client.request("textDocument/completion", Params.position(Self.uri, line: blank, character: 8))
        #expect(labels(members) == ["VI_1", "VI_2"])
    }

    @Test func definitionOfTrackedScriptsAndGroupMembers() throws {
        var client = Self.client()
        let script = client.request("textDocument/definition", Self.at("chk_é🚀", occurrence: 3, offset: 2))
        #expect(script[path: "result", "uri"] == .string(Self.uri))
        #expect(script[path: "result", "range", "start"] == ["line": 5, "character": 12])
        #expect(ClientText.text(script[path: "result", "range"], in: Self.node) == "chk_é🚀")
        let member = client.request("textDocument/definition", Self.at("VI_2", occurrence: 2))
        let memberRange = try #require(member[path: "result", "range"])
        #expect(memberRange["start"] == ["line": 22, "character": 14])
        // Nothing to go to from a keyword.
        #expect(client.request("textDocument/definition", Self.at("priority"))["result"] == .null)
    }

    @Test func referencesOfAScript() throws {
        var client = Self.client()
        var params = Self.at("chk_é🚀")
        if case .object(var fields) = params {
            fields.append(("context", ["includeDeclaration": true]))
            params = .object(fields)
        }
        let all = try #require(client.request("textDocument/references", params)["result"]?.array)
        #expect(all.count == 3)
        #expect(all.allSatisfy { ClientText.text($0["range"], in: Self.node) == "chk_é🚀" })
        if case .object(var fields) = params {
            fields[fields.count - 1] = ("context", ["includeDeclaration": false])
            params = .object(fields)
        }
        #expect(client.request("textDocument/references", params)["result"]?.array?.count == 2)
    }

    @Test func documentSymbolsOutlineTheFile() throws {
        var client = Self.client()
        let symbols = try #require(client.request("textDocument/documentSymbol", Params.document(Self.uri))["result"]?.array)
        let names = symbols.compactMap { $0["name"]?.string }
        #expect(names == ["global_defs", "chk_é🚀", "VI_1", "VI_2", "G1", "192.0.2.10 80"])
        let instance = symbols[2]
        #expect(instance["detail"] == "vrrp_instance")
        #expect(instance["kind"] == 5)
        #expect(ClientText.text(instance["selectionRange"], in: Self.node) == "VI_1")
        #expect(ClientText.text(instance["range"], in: Self.node).hasPrefix("vrrp_instance VI_1 {"))
        #expect(ClientText.text(instance["range"], in: Self.node).hasSuffix("    }\n}"))
        let server = symbols[5]
        #expect(server["children"]?.array?.first?["name"] == "192.0.2.21 80")
        #expect(symbols[1]["kind"] == 12)
    }
}
