/// How to expand a configuration: the inputs keepalived takes from its command line.
public struct ExpansionOptions: Sendable {
    /// Like `keepalived -i ID`. nil = no id: `@id` lines are dropped, `@^id` lines kept, and
    /// `${_INSTANCE}` is empty. (keepalived itself defaults to the short host name.)
    public var configID: String?
    /// Includes nested deeper than this are reported (KA110) and not followed.
    public var maxIncludeDepth: Int
    /// Seed of `${_RANDOM}`; the same seed gives the same values.
    public var randomSeed: UInt64
    /// Like `keepalived -e`: every include is strict (`include_check` with no argument).
    public var strictIncludes: Bool
    /// keepalived's current directory when it starts, for `${_PWD}` of a relative root path.
    public var workingDirectory: String
    /// Stop after this many logical lines (a `~SEQ` over a huge range, a self-replaying
    /// multi-line definition); reported as KA118.
    public var maxLogicalLines: Int
    /// Stop once the work on lines passes this many bytes, or eight per byte read from files if
    /// that is more: each line is counted as it enters substitution (the text after a brace
    /// again) and once more for each replacement in it (see `ExpansionBudget`). A self-replaying
    /// definition otherwise takes seconds and gigabytes to reach `maxLogicalLines`. Reported as KA118.
    public var maxGeneratedBytes: Int
    /// Stop once there are more logical lines than this or than four per byte read from files,
    /// whichever is more: a file's own lines are never more than its bytes, and a multi-line
    /// template used on every few bytes (`$VS` + newline for twenty lines) stays under four;
    /// only definitions and sequences that keep producing lines pass it. Reported as KA118.
    public var generatedLineAllowance: Int
    /// Stop after this many file opens, a file included again counted again: includes that each
    /// include the next file twice double the opens at every level (22 levels: 4 million files,
    /// 15 s and 1.2 GB). Templates included many times stay far below. Reported as KA118.
    public var maxFileOpens: Int
    /// At most this many glob patterns added by the includes' brace groups, all includes
    /// together: each `include` may make 1,024, and 500 such lines (40 KB) made 512,000 globs
    /// (2.3 s). Past it, an include reads only its first pattern. Reported as KA118.
    public var maxBracePatterns: Int
    /// Stop after globbing this many different include patterns with wildcards (each reads a
    /// directory; a pattern seen again is answered from the first glob, and a literal one is
    /// only a stat). 4,096 is far above any real configuration's includes, and at most a few
    /// seconds of directory reads. Reported as KA118.
    public var maxGlobs: Int
    /// Keep each file's lossless syntax tree in the result (`ExpandedFile.tree`). A lint run,
    /// which reads only the comments, sources and findings, sets it false to save the memory.
    public var keepsSyntaxTrees: Bool
    /// Release each file's bytes once the expansion has read them (`SourceFile.released`): the
    /// analysis then reads lines and comments back from the files when asked. kalint sets it
    /// when it will not edit the files; the bytes are not held while the model is built.
    public var releasesSources = false

    public init(
        configID: String? = nil, maxIncludeDepth: Int = 32, randomSeed: UInt64 = 0, strictIncludes: Bool = false,
        workingDirectory: String = "/", maxLogicalLines: Int = 1_000_000, keepsSyntaxTrees: Bool = true,
        maxGeneratedBytes: Int = 8 << 20, generatedLineAllowance: Int = 32_768, maxFileOpens: Int = 16_384,
        maxBracePatterns: Int = 8_192, maxGlobs: Int = 4_096
    ) {
        self.configID = configID
        self.maxIncludeDepth = maxIncludeDepth
        self.randomSeed = randomSeed
        self.strictIncludes = strictIncludes
        self.workingDirectory = workingDirectory
        self.maxLogicalLines = maxLogicalLines
        self.keepsSyntaxTrees = keepsSyntaxTrees
        self.maxGeneratedBytes = maxGeneratedBytes
        self.generatedLineAllowance = generatedLineAllowance
        self.maxFileOpens = maxFileOpens
        self.maxBracePatterns = maxBracePatterns
        self.maxGlobs = maxGlobs
    }
}

/// keepalived's include strictness bits (`include_t`).
struct IncludeFlags: OptionSet, Sendable {
    let rawValue: UInt8
    /// Error if a match is a directory, not a regular non-executable file, or unreadable.
    static let read = IncludeFlags(rawValue: 1)
    /// Error if a literal name is missing.
    static let match = IncludeFlags(rawValue: 2)
    /// Error if a wildcard matches nothing.
    static let wildcard = IncludeFlags(rawValue: 4)
    /// Error if one brace alternative is missing.
    static let brace = IncludeFlags(rawValue: 8)
    static let all: IncludeFlags = [.read, .match, .wildcard, .brace]

    /// `include`, `includer`, `includem`, `includew`, `includeb`, `includea`.
    static func forVariant(_ suffix: UInt8?) -> IncludeFlags {
        switch suffix {
        case nil: return []
        case UInt8(ascii: "r"): return .read
        case UInt8(ascii: "a"): return .all
        case UInt8(ascii: "w"): return [.read, .match, .wildcard]
        case UInt8(ascii: "m"): return [.read, .match]
        default: return [.read, .brace]
        }
    }
}
