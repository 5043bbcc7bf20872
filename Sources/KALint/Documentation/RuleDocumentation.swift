import KAConfig

/// A rule's documentation page (docs/rules/SLUG.md) and the examples in it, which are tests.
///
/// Page layout:
/// ```
/// # SLUG (CODE)
/// ...text...
/// ## Triggers
/// ```keepalived            <- one example: one node file
/// ```keepalived node1      <- consecutive fences labelled node1, node2, ... form one fleet example
/// ```keepalived file PATH  <- a file the next example can include (add `unreadable`: it cannot be read)
/// ## Does not trigger
/// ...
/// ```
/// `### ` headings separate examples explicitly.
public struct RuleDocumentation: Sendable, Hashable {
    /// One example: the files of its nodes, in order.
    public struct Example: Sendable, Hashable {
        public var title: String
        public var files: [String]
        /// Other files of the example's file system, by path (what its includes find).
        public var extraFiles: [String: String] = [:]
        /// Paths among `extraFiles` that exist but cannot be read.
        public var unreadable: Set<String> = []
    }

    public var slug: String
    public var markdown: String
    public var triggering: [Example]
    public var clean: [Example]

    public init(slug: String, markdown: String) {
        self.slug = slug
        self.markdown = markdown
        var triggering: [Example] = []
        var clean: [Example] = []
        enum Section { case none, triggers, clean }
        var section = Section.none
        var title = ""
        var current: [String] = []
        var inFence = false
        var fenceIsNode = false
        var fenceLines: [String] = []
        var fenceFile: (path: String, unreadable: Bool)?
        var extraFiles: [String: String] = [:]
        var unreadable: Set<String> = []

        func flush() {
            guard !current.isEmpty else { return }
            let example = Example(title: title, files: current, extraFiles: extraFiles, unreadable: unreadable)
            extraFiles = [:]
            unreadable = []
            switch section {
            case .triggers: triggering.append(example)
            case .clean: clean.append(example)
            case .none: break
            }
            current = []
        }

        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if inFence {
                if line.hasPrefix("```"), let file = fenceFile {
                    inFence = false
                    extraFiles[file.path] = fenceLines.joined(separator: "\n") + "\n"
                    if file.unreadable { unreadable.insert(file.path) }
                    fenceFile = nil
                    fenceLines = []
                } else if line.hasPrefix("```") {
                    inFence = false
                    current.append(fenceLines.joined(separator: "\n") + "\n")
                    if !fenceIsNode { flush() }
                    fenceLines = []
                } else {
                    fenceLines.append(String(line))
                }
                continue
            }
            if line.hasPrefix("```keepalived") {
                let label = line.dropFirst("```keepalived".count).trimmingSpaces()
                if label.hasPrefix("file ") {
                    flush()  // a file belongs to the example after it
                    let words = label.split(separator: " ")
                    if words.count > 1 { fenceFile = (String(words[1]), words.dropFirst(2).contains("unreadable")) }
                    inFence = true
                    continue
                }
                let isNode = label.hasPrefix("node")
                // A node1 fence starts a new fleet example.
                if isNode, label == "node1" { flush() }
                if !isNode { flush() }
                fenceIsNode = isNode
                inFence = true
                continue
            }
            if line.hasPrefix("## ") {
                flush()
                let heading = line.dropFirst(3).lowercased()
                if heading.hasPrefix("triggers") {
                    section = .triggers
                } else if heading.hasPrefix("does not trigger") {
                    section = .clean
                } else {
                    section = .none
                }
                title = ""
                continue
            }
            if line.hasPrefix("### ") {
                flush()
                title = String(line.dropFirst(4))
            }
        }
        flush()
        self.triggering = triggering
        self.clean = clean
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
