import KAConfig
import KAJSON

/// An open document: the editor's buffer, not the file on disk. Edits arrive whole (full sync)
/// or as ranges in UTF-16 positions (incremental sync), applied in order.
struct TextDocument {
    let uri: String
    /// The file path (a `file:` URI), else the URI itself (the name diagnostics carry).
    let path: String
    var version: Int
    private(set) var source: SourceFile

    init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.path = DocumentURI.path(of: uri) ?? uri
        self.version = version
        self.source = SourceFile(path: path, text: text)
    }

    var bytes: [UInt8] { source.bytes }

    /// Applies `contentChanges`; false (and the buffer as it was) when one is malformed.
    mutating func apply(_ changes: [JSONValue]) -> Bool {
        var current = source
        for change in changes {
            guard let text = change["text"]?.string else { return false }
            if let rangeValue = change["range"], !rangeValue.isNull {
                guard let range = LSPRange(rangeValue) else { return false }
                let bytes = current.byteRange(of: range)
                var updated = current.bytes
                updated.replaceSubrange(bytes, with: Array(text.utf8))
                current = SourceFile(path: path, bytes: updated)
            } else {
                current = SourceFile(path: path, text: text)
            }
        }
        source = current
        return true
    }
}
