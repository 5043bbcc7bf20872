import KAConfig

/// What the formatter made of one file.
public enum FormatResult: Sendable {
    /// The canonical bytes of the file (possibly equal to the input).
    case formatted([UInt8])
    /// The formatter refused to touch the file; these say why (syntax errors, or a line that the
    /// canonical layout would make longer than keepalived can read).
    case refused([Diagnostic])

    /// The canonical bytes, or nil when the formatter refused.
    public var bytes: [UInt8]? {
        if case .formatted(let bytes) = self { return bytes }
        return nil
    }

    /// The reasons for a refusal (empty when formatted).
    public var diagnostics: [Diagnostic] {
        if case .refused(let diagnostics) = self { return diagnostics }
        return []
    }
}
