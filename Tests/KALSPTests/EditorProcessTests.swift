import Foundation
import KAConfig
import KAFormat
import KAJSON
import KALSP
import Testing

/// The kalsp executable as editors start it: LSP over its standard input and output, and Debian's
/// Neovim (headless) as a real client that shows the diagnostics, formats and jumps.
@Suite(.serialized) struct EditorProcessTests {
    static let kalsp = Repo.root + "/.build/debug/kalsp"

    /// The gateway pair, node2 on another VRID, node1 with a non-ASCII password (its range is
    /// counted in UTF-16 by the server and in bytes by Neovim) and lines out of kafmt's layout.
    static func pair() -> (ScratchFolder, node1: String) {
        let folder = ScratchFolder("kalsp-editor")
        let node1 = Repo.sample("gateway/node1.conf")
            .replacingOccurrences(of: "! Two-router gateway pair", with: "! Zürich 🚀 two-router gateway pair")
            .replacingOccurrences(of: "    priority 110\n", with: "  priority 110\n")
            .replacingOccurrences(of: "    advert_int 1\n", with: "advert_int 1\n")
            .replacingOccurrences(of: "auth_pass gw51key", with: "auth_pass é🚀x   # ü")
        folder.write("node1.conf", node1)
        folder.write("node2.conf", Repo.sample("gateway/node2.conf").replacingOccurrences(of: "virtual_router_id 51", with: "virtual_router_id 52"))
        return (folder, node1)
    }

    @Test func theExecutableSpeaksLSPOverStdio() throws {
        let (folder, node1) = Self.pair()
        let server = try ChildProcess(Self.kalsp)
        let uri = folder.uri("node1.conf")
        server.write(LSPTestClient.frame(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]]))
        server.write(LSPTestClient.frame(["jsonrpc": "2.0", "method": "initialized", "params": [:]]))
        server.write(LSPTestClient.frame(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": [
            "textDocument": ["uri": .string(uri), "languageId": "keepalived", "version": 1, "text": .string(node1)],
        ]]))
        func messages() -> [JSONValue] { LSPTestClient.frames(server.output.bytes) }
        let published = ChildProcess.wait(seconds: 20) {
            messages().contains { $0["method"] == "textDocument/publishDiagnostics" }
        }
        #expect(published, "diagnostics arrive without a request: the debounce timer runs in the poll loop")
        let diagnostics = messages().first { $0["method"] == "textDocument/publishDiagnostics" }?[path: "params", "diagnostics"]?.array ?? []
        let codes = Set(diagnostics.compactMap { $0["code"]?.string })
        #expect(codes.isSuperset(of: ["KA301", "KA303"]))
        server.write(LSPTestClient.frame(["jsonrpc": "2.0", "id": 2, "method": "textDocument/definition", "params": Params.position(uri, line: 35, character: 10)]))
        #expect(ChildProcess.wait(seconds: 20) { messages().contains { $0["id"] == 2 } })
        let definition = messages().first { $0["id"] == 2 }
        #expect(definition?[path: "result", "range", "start"] == ["line": 11, "character": 12])
        server.write(LSPTestClient.frame(["jsonrpc": "2.0", "id": 3, "method": "shutdown"]))
        server.write(LSPTestClient.frame(["jsonrpc": "2.0", "method": "exit"]))
        #expect(server.exitStatus(within: 20) == 0)
        // The pipe's reader may hand over the last bytes a moment after the exit.
        #expect(ChildProcess.wait(seconds: 20) { messages().contains { $0["id"] == 3 && $0["result"] == .null } })
    }

    @Test func endOfInputWithoutShutdownExitsWithOne() throws {
        let server = try ChildProcess(Self.kalsp)
        server.write(LSPTestClient.frame(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]]))
        #expect(ChildProcess.wait(seconds: 20) { !LSPTestClient.frames(server.output.bytes).isEmpty })
        server.closeInput()
        #expect(server.exitStatus(within: 20) == 1)
    }

    @Test func versionAndHelp() throws {
        let version = try ChildProcess(Self.kalsp, ["--version"])
        #expect(version.exitStatus(within: 20) == 0)
        #expect(ChildProcess.wait(seconds: 5) { String(decoding: version.output.bytes, as: UTF8.self).hasPrefix(KALSPInfo.version + "\n") })
    }

    /// Neovim (Debian's, 0.7.2 on bookworm, installed by scripts/setup.sh) runs e2e.lua.
    @Test func neovimShowsDiagnosticsFormatsAndJumps() throws {
        let nvim = try #require(ChildProcess.locate(["/usr/bin/nvim", "/usr/local/bin/nvim"]), "Neovim is installed by scripts/setup.sh")
        let (folder, node1) = Self.pair()
        let result = folder.path + "/result.txt"
        var environment = ProcessInfo.processInfo.environment
        environment["KALSP_BIN"] = Self.kalsp
        environment["KALSP_DIR"] = folder.path
        environment["KALSP_RESULT"] = result
        // Neovim's own state (shada, logs, swap) stays in the scratch folder.
        for variable in ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"] {
            environment[variable] = folder.path + "/xdg"
        }
        let script = Repo.root + "/Tests/KALSPTests/Neovim/e2e.lua"
        let editor = try ChildProcess(nvim, ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile \(script)"], environment: environment)
        editor.closeInput()
        let status = editor.exitStatus(within: 90)
        #expect(status == 0, "nvim: \(String(decoding: editor.errors.bytes, as: UTF8.self))")
        let report = (try? String(contentsOfFile: result, encoding: .utf8)) ?? ""
        let entries = report.split(separator: "\n").map { line -> (String, String) in
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
        func values(_ key: String) -> [String] { entries.filter { $0.0 == key }.map(\.1) }
        #expect(values("error").isEmpty && values("timeout").isEmpty, "\(report)")

        // Diagnostics: the auth and VRID mismatches, on node1's own lines, node2 as related.
        let lines = node1.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let authLine = try #require(lines.firstIndex { $0.contains("auth_pass") })
        let authColumn = lines[authLine].utf8.count - "é🚀x   # ü".utf8.count
        let diagnostics = values("diagnostic").map { $0.split(separator: " ").map(String.init) }
        let auth = try #require(diagnostics.first { $0.first == "KA303" }, "\(report)")
        // Neovim converted the server's UTF-16 range to bytes: "é🚀x" is 7 bytes.
        #expect(auth[1...4] == ["\(authLine)", "\(authColumn)", "\(authLine)", "\(authColumn + 7)"])
        #expect(auth.last == folder.uri("node2.conf"))
        let vridLine = try #require(lines.firstIndex { $0.contains("virtual_router_id") })
        #expect(diagnostics.contains { $0.first == "KA301" && $0[1] == "\(vridLine)" })

        // Formatting: the buffer became exactly what kafmt makes of the file.
        let formatted = try String(contentsOfFile: folder.path + "/formatted.conf", encoding: .utf8)
        let expected = String(decoding: KAFormat.Formatter.format(path: "node1.conf", bytes: Array(node1.utf8)).bytes ?? [], as: UTF8.self)
        #expect(formatted == expected)
        #expect(formatted != node1)

        // Definition: the cursor moved to the vrrp_script's name.
        let scriptLine = try #require(expected.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("vrrp_script check_uplink") })
        #expect(values("definition") == ["\(scriptLine + 1) 12 vrrp_script check_uplink {"])
        #expect(values("hover").first?.hasPrefix("**vrrp_script**") == true)
    }
}
