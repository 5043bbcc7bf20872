import KAConfig

/// What kafmt does with one file, as a value, so tests reach it without running the executable.
public struct FileFormatOutcome: Sendable {
    public var path: String
    /// The bytes read (nil when the file could not be read).
    public var original: [UInt8]?
    /// The canonical bytes (nil when unread or refused).
    public var formatted: [UInt8]?
    /// Why the formatter refused the file (syntax errors).
    public var diagnostics: [Diagnostic]
    /// An I/O failure: reading, or writing with `-w`.
    public var failure: String?
    /// The file was rewritten in place.
    public var written: Bool
    /// The parsed file, when it could be read (for rendering diagnostics, following includes).
    public var tree: SyntaxTree?

    /// Formatting changes the bytes.
    public var changes: Bool {
        guard let original, let formatted else { return false }
        return original != formatted
    }

    /// The layout would have changed what keepalived reads (kafmt's own check refused it).
    public var isRefusedAsLayoutBug: Bool { diagnostics.contains { $0.rule == MeaningCheck.rule } }

    /// The file parsed, but a line of the canonical layout would be longer than keepalived reads.
    public var isRefusedForLineLength: Bool { !diagnostics.isEmpty && diagnostics.allSatisfy(Formatter.isLayoutTooLong) }

    /// Something went wrong: kafmt exits 2.
    public var isError: Bool { failure != nil || !diagnostics.isEmpty }
}

public enum FileFormatting {
    /// Formats bytes already in hand (standard input).
    public static func format(bytes: [UInt8], path: String) -> FileFormatOutcome {
        let tree = Parser.parse(path: path, bytes: bytes)
        let result = Formatter.format(tree)
        return FileFormatOutcome(
            path: path, original: bytes, formatted: result.bytes, diagnostics: result.diagnostics, failure: nil,
            written: false, tree: tree)
    }

    /// Reads standard input to its end and formats it.
    public static func runStandardInput() -> FileFormatOutcome {
        do {
            return format(bytes: try FileReading.readStandardInput(), path: "<stdin>")
        } catch {
            return unreadable("<stdin>", error)
        }
    }

    private static func unreadable(_ path: String, _ error: AtomicFileWriter.Failure) -> FileFormatOutcome {
        FileFormatOutcome(
            path: path, original: nil, formatted: nil, diagnostics: [], failure: error.description, written: false,
            tree: nil)
    }

    /// Reads and formats a file; with `write`, replaces it atomically when the bytes change.
    /// A file that cannot be read, or has a syntax error, is never written.
    public static func run(path: String, write: Bool) -> FileFormatOutcome {
        let bytes: [UInt8]
        do {
            bytes = try FileReading.read(path: path)
        } catch {
            return unreadable(path, error)
        }
        var outcome = format(bytes: bytes, path: path)
        guard write, outcome.changes, let formatted = outcome.formatted else { return outcome }
        do {
            try AtomicFileWriter.replace(path, with: formatted, expectedOriginal: bytes)
            outcome.written = true
        } catch {
            outcome.failure = error.description
        }
        return outcome
    }
}
