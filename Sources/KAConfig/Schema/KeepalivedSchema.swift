/// keepalived's keyword tree as data: every keyword keepalived 2.2.7 installs, plus the ones newer
/// versions added (marked `knownIn227 == false`). The tables live in `Schema/Rows/`.
public enum KeepalivedSchema {
    /// The file level.
    public static let topLevel: BlockSpec = MissingArgument.mark(topLevelRows)

    /// Every keyword block, the file level first. Block names are unique; nested blocks whose keyword
    /// is generic are named after their parent (`HTTP_GET.url`, `SMTP_CHECK.host`).
    public static let allBlocks: [BlockSpec] = [topLevel] + [
        globalDefsRows, vrrpScriptRows, trackFileRows, vrrpTrackProcessRows, vrrpSyncGroupRows,
        trackGroupRows, garpGroupRows, vrrpInstanceRows, authenticationRows, authHMACRows, bfdInstanceRows,
        sslRows, virtualServerRows, realServerRows, tcpCheckRows, httpCheckRows("HTTP_GET"), urlRows("HTTP_GET"),
        httpCheckRows("SSL_GET"), urlRows("SSL_GET"), miscCheckRows, dnsCheckRows, smtpCheckRows, smtpHostRows,
        udpCheckRows, pingCheckRows, fileCheckRows, bfdCheckRows,
    ].map(MissingArgument.mark)

    private static let blocksByName: [String: BlockSpec] = Dictionary(
        allBlocks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The block spec named `name` (a `KeywordKind.block` target, e.g. "vrrp_instance").
    public static func block(_ name: String) -> BlockSpec? { blocksByName[name] }

    /// The spec of the block a keyword row opens, if it opens one.
    public static func block(openedBy keyword: KeywordSpec) -> BlockSpec? {
        if case .block(let name) = keyword.kind { return block(name) }
        return nil
    }

    /// Names of the blocks that have a keyword named `keyword`, in `allBlocks` order:
    /// where a misplaced keyword belongs (`nopreempt` -> ["vrrp_instance"]).
    public static func blocks(containing keyword: String) -> [String] {
        blocksByKeyword[keyword] ?? []
    }

    private static let blocksByKeyword: [String: [String]] = {
        var blocks: [String: [String]] = [:]
        for block in allBlocks {
            for keyword in block.keywords where blocks[keyword.name]?.last != block.name {
                blocks[keyword.name, default: []].append(block.name)
            }
        }
        return blocks
    }()

    /// Up to 3 did-you-mean candidates for an unknown `word` in `block`: a case-insensitive exact match
    /// first, then close names of `block` by edit distance, then close names of the other blocks.
    public static func suggestions(for word: String, in block: BlockSpec) -> [String] {
        let limit = 3
        var result: [String] = []
        func add(_ names: [String]) {
            for name in names where result.count < limit && !result.contains(name) && name != word {
                result.append(name)
            }
        }
        let lowered = EditDistance.lowered(word)
        let local = keywordNamesLowered[block.name] ?? LoweredNames(block.keywords.map(\.name))
        add(local.caseInsensitiveMatches(lowered))
        add(allKeywordNamesLowered.caseInsensitiveMatches(lowered))
        add(EditDistance.closest(to: word, among: local))
        add(EditDistance.closest(to: word, among: allKeywordNamesLowered))
        return result
    }

    /// Each block's keyword names lowered once (a fuzzer's input is mostly unknown words, each
    /// searched against its block).
    static let keywordNamesLowered: [String: LoweredNames] = Dictionary(
        allBlocks.map { ($0.name, LoweredNames($0.keywords.map(\.name))) }, uniquingKeysWith: { first, _ in first })

    /// Every keyword name of every block, once, in `allBlocks` order.
    package static let allKeywordNames: [String] = {
        var seen: Set<String> = []
        return allBlocks.flatMap { $0.keywords.map(\.name) }.filter { seen.insert($0).inserted }
    }()

    /// `allKeywordNames` lowered once, for the did-you-mean search.
    static let allKeywordNamesLowered = LoweredNames(allKeywordNames)
}
