import KAConfig
import KAJSON
import KAVersion

/// What kalsp tells the client it does (LSP 3.17 `InitializeResult`).
enum Capabilities {
    static var version: String { ToolchainVersion.text }

    static var initializeResult: JSONValue {
        [
            "capabilities": [
                "positionEncoding": "utf-16",
                // 2: incremental; a client may still send whole texts (a change without a range).
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "hoverProvider": true,
                "completionProvider": ["resolveProvider": false],
                "definitionProvider": true,
                "referencesProvider": true,
                "documentSymbolProvider": true,
                "documentFormattingProvider": true,
                "documentRangeFormattingProvider": true,
                "codeActionProvider": ["codeActionKinds": ["quickfix", "source.fixAll"]],
            ],
            "serverInfo": ["name": "kalsp", "version": .string("\(version) (keepalived \(KAConfigInfo.referenceKeepalivedVersion))")],
        ]
    }
}

/// What the executable prints for `--version`.
public enum KALSPInfo {
    public static var version: String { Capabilities.version }
}
