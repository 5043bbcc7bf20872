/// A comment in a file (`!` or `#` to the end of its line) and the word it is glued to, if any.
/// Offsets in 32 bits, like tokens'.
public struct FileComment: Sendable, Hashable {
    private var start: UInt32
    private var end: UInt32
    /// The word right before the comment with no blank between (equal bounds: none).
    private var wordStart: UInt32
    private var wordEnd: UInt32
    /// Past its `#`/`!` and blanks the comment starts with `kalint` (see `mayBeLintDirective`).
    public let mayBeDirective: Bool

    public init(range: Range<Int>, gluedWord: Range<Int>?, mayBeDirective: Bool = true) {
        start = UInt32(truncatingIfNeeded: range.lowerBound)
        end = UInt32(truncatingIfNeeded: range.upperBound)
        wordStart = UInt32(truncatingIfNeeded: gluedWord?.lowerBound ?? 0)
        wordEnd = UInt32(truncatingIfNeeded: gluedWord?.upperBound ?? 0)
        self.mayBeDirective = mayBeDirective
    }

    /// Whether a comment's bytes, past its `#`/`!` and blanks, start with `kalint` (an inline
    /// suppression, `# kalint disable=...`): told at lexing, where the bytes are at hand, so that
    /// a lint reads back only such comments from a released source, and makes a string of no
    /// other (a string and its `Character` reads cost about 2,900 instructions a comment). Never
    /// false where `Suppressions.parse` finds a directive: no other character equals these ASCII ones.
    public static func mayBeLintDirective(_ comment: ArraySlice<UInt8>) -> Bool { mayBeLintDirective(in: comment) }

    /// `mayBeLintDirective` of any slice of bytes (a scan's buffer, say).
    static func mayBeLintDirective<Bytes: Collection<UInt8>>(in comment: Bytes) -> Bool {
        var index = comment.startIndex
        while index < comment.endIndex, comment[index] == UInt8(ascii: "#") || comment[index] == UInt8(ascii: "!") {
            comment.formIndex(after: &index)
        }
        while index < comment.endIndex, comment[index] == UInt8(ascii: " ") || comment[index] == UInt8(ascii: "\t") {
            comment.formIndex(after: &index)
        }
        return comment[index...].starts(with: "kalint".utf8)
    }

    /// The comment's bytes in the file, from its `!` or `#` to the end of the line.
    public var range: Range<Int> { Int(start)..<Int(end) }

    /// A word that runs into the comment: keepalived starts the comment inside the word.
    public var gluedWord: Range<Int>? { wordEnd > wordStart ? Int(wordStart)..<Int(wordEnd) : nil }
}

/// One file an expansion read: its source, the syntax findings in it and its comments, and its
/// lossless tree unless the expansion was asked not to keep trees (`keepsSyntaxTrees`): a lint
/// run needs only the comments (suppressions, glued comments), and the tree of a 2 MB file
/// takes 15 MB.
public struct ExpandedFile: Sendable {
    public let source: SourceFile
    /// What the lexer and the block structure found wrong in this file (KA1xx).
    public let diagnostics: [Diagnostic]
    /// Every comment; once the source is released, only those a lint reads back: the ones
    /// that may be `# kalint` directives and the ones glued to a word.
    public let comments: [FileComment]
    /// nil when the expansion kept no trees.
    public let tree: SyntaxTree?

    public init(_ tree: SyntaxTree, keepingTree: Bool = true) {
        source = tree.source
        diagnostics = tree.diagnostics
        comments = FileComment.all(in: tree.tokens, bytes: tree.source.bytes)
        self.tree = keepingTree ? tree : nil
    }

    private init(source: SourceFile, diagnostics: [Diagnostic], comments: [FileComment], tree: SyntaxTree?) {
        self.source = source
        self.diagnostics = diagnostics
        self.comments = comments
        self.tree = tree
    }

    /// This file with its source released (see `SourceFile.released`). A kept tree holds the
    /// bytes too, so a file with one keeps them. The other comments go with the bytes: nothing
    /// reads their text back (a generated file's comment an instance was 0.7 MB at 20,000).
    func releasingSource(rereadingThrough fileSystem: some ConfigFileSystem) -> ExpandedFile {
        guard tree == nil else { return self }
        let read = comments.filter { $0.mayBeDirective || $0.gluedWord != nil }
        return ExpandedFile(
            source: source.released(rereadingThrough: fileSystem), diagnostics: diagnostics,
            comments: read.count == comments.count ? comments : read, tree: nil)
    }

    /// The file parsed only for its findings and comments: no tree is built.
    public init(parsingWithoutTree source: SourceFile) {
        self.source = source
        // The common file's findings without the parser (see `SimpleFindings`).
        (diagnostics, comments) = SimpleFindings.scan(source) ?? Parser.findings(source)
        tree = nil
    }
}

extension FileComment {
    /// The comment tokens of a file's token stream, each with the word it is glued to.
    static func all(in tokens: [Token], bytes: [UInt8]) -> [FileComment] {
        var comments: [FileComment] = []
        for index in tokens.indices where tokens[index].kind == .comment {
            // Glued: the word ends where the comment starts (the tokens may leave out white space).
            let glued =
                index > 0 && tokens[index - 1].kind == .word && tokens[index - 1].end == tokens[index].start ? tokens[index - 1].range : nil
            let range = tokens[index].range
            comments.append(FileComment(range: range, gluedWord: glued, mayBeDirective: mayBeLintDirective(bytes[range])))
        }
        return comments
    }
}
