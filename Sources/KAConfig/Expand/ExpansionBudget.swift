/// What one expansion may spend before it stops (KA118): every limit on the work of definitions,
/// sequences, replays and includes in one place, with one wording. keepalived 2.2.7 has no such
/// limits: on these inputs it spends minutes, gigabytes or forever.
///
/// The work is counted where it is done, so that no input does more than a fixed multiple of the
/// budget: a buffer is charged its length each time it enters the line steps (a residue after a
/// brace again, so that a long line cut at many braces costs what re-reading it costs), and a
/// line is charged its length once more for each replacement made in it.
struct ExpansionBudget {
    let options: ExpansionOptions
    /// Bytes of the files opened so far (a file included twice counts twice). No file's own lines
    /// make more logical lines or more work than a small multiple of its bytes.
    var bytesRead = 0
    /// Buffers taken from any source: bounds the work when nothing reaches the output.
    private(set) var steps = 0
    /// Bytes of line text that the line steps and substitution worked on.
    private(set) var workedBytes = 0
    /// Files opened, a file included again counted again.
    private(set) var fileOpens = 0
    /// Glob patterns the includes' brace groups may still add (each is a glob of the file system).
    private(set) var patternsLeft: Int
    /// Distinct patterns with wildcards globbed (a pattern globbed again is answered from
    /// `GlobCache`).
    private(set) var globs = 0
    let stepLimit: Int

    init(options: ExpansionOptions) {
        self.options = options
        patternsLeft = max(0, options.maxBracePatterns)
        let limit = options.maxLogicalLines.multipliedReportingOverflow(by: 20)
        stepLimit = limit.overflow ? Int.max : max(limit.partialValue, 1000)
    }

    /// Logical lines allowed so far: `generatedLineAllowance`, or four per byte read if more.
    var lineAllowance: Int { max(options.generatedLineAllowance, Self.times(bytesRead, 4)) }
    /// Bytes of work allowed so far: `maxGeneratedBytes`, or eight per byte read if more.
    var workAllowance: Int { max(options.maxGeneratedBytes, Self.times(bytesRead, 8)) }

    /// One more buffer; the reason to stop when there have been too many.
    mutating func takeStep() -> String? {
        steps += 1
        guard steps > stepLimit else { return nil }
        return Self.reason("\(stepLimit) lines were read, most of them empty, with no end in sight")
    }

    /// `bytes` more of work; the reason to stop when the allowance is passed.
    mutating func work(_ bytes: Int) -> String? {
        workedBytes += bytes
        guard workedBytes > workAllowance else { return nil }
        return Self.reason(
            "\(workedBytes) bytes of lines were substituted, split or generated from \(bytesRead) bytes of files (at most \(options.maxGeneratedBytes), or eight per byte read)")
    }

    /// One more file to open; the reason to stop past `maxFileOpens`.
    mutating func openFile() -> String? {
        fileOpens += 1
        guard fileOpens > options.maxFileOpens else { return nil }
        return Self.reason("\(options.maxFileOpens) files were opened (a file included again counts again)")
    }

    /// One more distinct pattern to glob; the reason to stop past `maxGlobs`.
    mutating func glob() -> String? {
        globs += 1
        guard globs > options.maxGlobs else { return nil }
        return Self.reason("\(options.maxGlobs) different include patterns with wildcards were globbed")
    }

    /// Takes `count` of the patterns left for brace groups (`maxBracePatterns` in all).
    mutating func usePatterns(_ count: Int) { patternsLeft = max(0, patternsLeft - count) }

    /// The reason to stop when `count` logical lines are more than allowed.
    func checkLines(_ count: Int) -> String? {
        guard count > lineAllowance else { return nil }
        return Self.reason(
            "\(count) logical lines came from \(bytesRead) bytes of files (at most \(options.generatedLineAllowance), or four per byte read)")
    }

    /// The reason to stop at `maxLogicalLines`, the most one analysis reads.
    var totalReason: String { Self.reason("\(options.maxLogicalLines) logical lines were read (the most one analysis reads)") }

    static func reason(_ what: String) -> String {
        "expansion stopped: \(what); a definition, sequence or include keeps producing lines"
    }

    private static func times(_ value: Int, _ factor: Int) -> Int {
        let product = value.multipliedReportingOverflow(by: factor)
        return product.overflow ? Int.max : product.partialValue
    }
}
