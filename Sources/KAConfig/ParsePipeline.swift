/// The whole front end for one in-memory file: lex, parse, expand, bind.
public enum ParsePipeline {
    public struct Result: Sendable {
        public var tree: SyntaxTree
        public var diagnostics: [Diagnostic]
    }

    public static func analyze(path: String, bytes: [UInt8]) -> Result {
        let tree = Parser.parse(path: path, bytes: bytes)
        return Result(tree: tree, diagnostics: tree.diagnostics)
    }
}
