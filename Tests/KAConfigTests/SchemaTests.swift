import Testing
@testable import KAConfig

@Suite struct SchemaTests {
    @Test func blockNamesAreUniqueAndTopLevelComesFirst() {
        let names = KeepalivedSchema.allBlocks.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(KeepalivedSchema.allBlocks.first?.name == KeepalivedSchema.topLevel.name)
        #expect(KeepalivedSchema.block("vrrp_instance")?.keyword("virtual_router_id") != nil)
        #expect(KeepalivedSchema.block("no_such_block") == nil)
    }

    @Test func noDuplicateKeywordsInABlock() {
        for block in KeepalivedSchema.allBlocks {
            var seen: Set<String> = []
            for row in block.keywords {
                #expect(seen.insert(row.name).inserted, "\(block.name): duplicate \(row.name)")
            }
        }
    }

    @Test func everyBlockReferenceExistsAndEveryBlockIsReachable() {
        var reached: Set<String> = [KeepalivedSchema.topLevel.name]
        var queue = [KeepalivedSchema.topLevel]
        while let block = queue.popLast() {
            for row in block.keywords {
                guard case .block(let target) = row.kind else { continue }
                let spec = KeepalivedSchema.block(target)
                #expect(spec != nil, "\(block.name).\(row.name) opens unknown block \(target)")
                if let spec, reached.insert(spec.name).inserted { queue.append(spec) }
            }
        }
        #expect(reached == Set(KeepalivedSchema.allBlocks.map(\.name)))
    }

    @Test func deprecatedKeywordsNameAnExistingReplacement() {
        var checked = 0
        for block in KeepalivedSchema.allBlocks {
            for row in block.keywords {
                guard let replacement = row.deprecatedBy else { continue }
                checked += 1
                #expect(replacement != row.name)
                #expect(
                    !KeepalivedSchema.blocks(containing: replacement).isEmpty,
                    "\(block.name).\(row.name) is deprecated by unknown \(replacement)")
            }
        }
        #expect(checked >= 15)
    }

    @Test func rangesAreNonEmptyAndArgumentsWellFormed() {
        for block in KeepalivedSchema.allBlocks {
            for row in block.keywords {
                for (position, argument) in row.arguments.enumerated() {
                    switch argument.type {
                    case .decimal(let min, let max, let places):
                        #expect(min <= max && places >= 0, "\(row.name)")
                    case .enumeration(let words):
                        #expect(!words.isEmpty && Set(words).count == words.count, "\(row.name)")
                    default:
                        break
                    }
                    // Only the last argument may take the rest of the line.
                    if argument.isVariadic { #expect(position == row.arguments.count - 1, "\(row.name)") }
                }
                #expect(!row.summary.isEmpty, "\(block.name).\(row.name) has no summary")
                #expect(row.since.split(separator: ".").count == 3, "\(row.name) since \(row.since)")
            }
        }
    }

    @Test func scriptKeywordsAreScripts() {
        let instance = KeepalivedSchema.block("vrrp_instance")
        for name in ["notify", "notify_master", "notify_backup", "notify_fault", "notify_stop", "notify_deleted"] {
            #expect(instance?.keyword(name)?.kind == .script, "\(name)")
        }
        #expect(KeepalivedSchema.block("vrrp_script")?.keyword("script")?.kind == .script)
        #expect(KeepalivedSchema.block("MISC_CHECK")?.keyword("misc_path")?.kind == .script)
        #expect(KeepalivedSchema.block("virtual_server")?.keyword("quorum_up")?.kind == .script)
        #expect(KeepalivedSchema.block("global_defs")?.keyword("vrrp_notify_fifo_script")?.kind == .script)
        #expect(instance?.keyword("priority")?.kind == .value)
        #expect(instance?.keyword("virtual_ipaddress")?.kind == .valueBlock(.address))
    }

    @Test func blocksRecordWhetherTheyNeedAName() {
        #expect(KeepalivedSchema.block("vrrp_instance")?.nameRequirement == .required)
        #expect(KeepalivedSchema.block("vrrp_script")?.nameRequirement == .required)
        #expect(KeepalivedSchema.block("global_defs")?.nameRequirement == BlockNameRequirement.none)
        #expect(KeepalivedSchema.block("real_server")?.nameRequirement == .address)
        let header = KeepalivedSchema.topLevel.keyword("vrrp_instance")?.arguments
        #expect(header?.count == 1 && header?.first?.isOptional == false)
    }

    @Test func newerKeywordsAreMarked() {
        let instance = KeepalivedSchema.block("vrrp_instance")
        #expect(instance?.keyword("auth_hmac")?.knownIn227 == false)
        #expect(instance?.keyword("auth_hmac")?.since == "2.4.0")
        #expect(instance?.keyword("nopreempt")?.knownIn227 == true)
        #expect(KeepalivedSchema.block("global_defs")?.keyword("state_dump_file")?.knownIn227 == false)
        // A block that 2.2.7 does not know can only hold keywords 2.2.7 does not know.
        for row in KeepalivedSchema.allBlocks.flatMap(\.keywords) where !row.knownIn227 {
            guard let inner = KeepalivedSchema.block(openedBy: row) else { continue }
            #expect(inner.keywords.allSatisfy { !$0.knownIn227 }, "\(inner.name)")
        }
    }

    @Test func blocksContainingAKeyword() {
        #expect(KeepalivedSchema.blocks(containing: "nopreempt") == ["vrrp_instance"])
        #expect(KeepalivedSchema.blocks(containing: "vrrp_strict") == ["global_defs"])
        #expect(KeepalivedSchema.blocks(containing: "connect_timeout").contains("TCP_CHECK"))
        #expect(KeepalivedSchema.blocks(containing: "no_such_keyword").isEmpty)
    }
}

@Suite struct SchemaSuggestionTests {
    let instance = KeepalivedSchema.block("vrrp_instance")!

    @Test func caseInsensitiveMatchComesFirst() {
        #expect(KeepalivedSchema.suggestions(for: "VRRP_INSTANCE", in: KeepalivedSchema.topLevel).first == "vrrp_instance")
        #expect(KeepalivedSchema.suggestions(for: "Priority", in: instance).first == "priority")
        #expect(KeepalivedSchema.suggestions(for: "tcp_check", in: KeepalivedSchema.block("real_server")!).first == "TCP_CHECK")
    }

    @Test func typosFindTheKeyword() {
        #expect(KeepalivedSchema.suggestions(for: "virtual_router_idd", in: instance).first == "virtual_router_id")
        #expect(KeepalivedSchema.suggestions(for: "advret_int", in: instance).first == "advert_int")
        #expect(KeepalivedSchema.suggestions(for: "virtual_ipadress", in: instance).first == "virtual_ipaddress")
        #expect(KeepalivedSchema.suggestions(for: "nopremept", in: instance).first == "nopreempt")
    }

    @Test func otherBlocksComeSecond() {
        // vrrp_strict is a global_defs keyword; in an instance the local strict_mode is not close enough.
        #expect(KeepalivedSchema.suggestions(for: "vrrp_strickt", in: instance).first == "vrrp_strict")
        let suggestions = KeepalivedSchema.suggestions(for: "interfac", in: KeepalivedSchema.block("global_defs")!)
        #expect(suggestions.contains("interface"))
    }

    @Test func unrelatedWordsGetNothing() {
        #expect(KeepalivedSchema.suggestions(for: "banana", in: instance).isEmpty)
        #expect(KeepalivedSchema.suggestions(for: "xyzzy_plugh_frobnicate", in: instance).isEmpty)
        #expect(KeepalivedSchema.suggestions(for: "priority", in: instance).isEmpty)
    }

    @Test func atMostThree() {
        for word in ["notify_x", "track", "weight2", "delay"] {
            #expect(KeepalivedSchema.suggestions(for: word, in: instance).count <= 3)
        }
    }

    @Test func editDistance() {
        #expect(EditDistance.distance("abc", "abc", limit: 0) == 0)
        #expect(EditDistance.distance("abc", "acb", limit: 1) == 1)
        #expect(EditDistance.distance("kitten", "sitting", limit: 3) == 3)
        #expect(EditDistance.distance("kitten", "sitting", limit: 2) == nil)
        #expect(EditDistance.distance("", "ab", limit: 2) == 2)
    }

    /// The banded table (only cells within the limit of the diagonal) gives the full table's
    /// distance whenever it is within the limit, and nil otherwise, on random and near pairs.
    @Test func bandedDistanceMatchesFullTable() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abc_".utf8)
        var rows = EditDistance.Rows()
        for _ in 0..<3000 {
            let a = (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            var b = a
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                switch Int.random(in: 0...2, using: &generator) {
                case 0 where !b.isEmpty: b.remove(at: Int.random(in: 0..<b.count, using: &generator))
                case 1: b.insert(alphabet.randomElement(using: &generator)!, at: Int.random(in: 0...b.count, using: &generator))
                default: if !b.isEmpty { b[Int.random(in: 0..<b.count, using: &generator)] = alphabet.randomElement(using: &generator)! }
                }
            }
            let expected = Self.fullTableDistance(a, b)
            for limit in 0...4 {
                let banded = EditDistance.distance(a, b, limit: limit, rows: &rows)
                #expect(banded == (expected <= limit ? expected : nil), "\(a) \(b) limit \(limit)")
            }
        }
    }

    /// The optimal string alignment distance from the whole table: what the fast forms must match.
    static func fullTableDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    /// The bit-vector distance equals the whole table's for patterns of 0 to 64 bytes: random
    /// pairs over a small alphabet (many matches and transpositions), near pairs, and a pattern
    /// of exactly 64 bytes (every bit of the word in use).
    @Test func bitVectorDistanceMatchesFullTable() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab_1".utf8)
        func random(_ length: Int) -> [UInt8] {
            (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
        }
        var pairs: [([UInt8], [UInt8])] = [([], []), ([], Array("abc".utf8)), (Array("abc".utf8), []), (Array("ab".utf8), Array("ba".utf8))]
        for _ in 0..<2000 {
            pairs.append((random(Int.random(in: 0...16, using: &generator)), random(Int.random(in: 0...16, using: &generator))))
            let a = random(Int.random(in: 1...64, using: &generator))
            var b = a
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                let at = Int.random(in: 0..<b.count, using: &generator)
                if at + 1 < b.count { b.swapAt(at, at + 1) } else { b[at] = alphabet.randomElement(using: &generator)! }
            }
            pairs.append((a, b))
        }
        pairs.append((random(64), random(70)))
        for (pattern, text) in pairs {
            #expect(PatternMasks(pattern).distance(to: text) == Self.fullTableDistance(pattern, text), "\(pattern) \(text)")
        }
    }

    /// The search's shortcuts (length and byte-set bounds, reused rows) find exactly what a plain
    /// comparison with every name finds, typos and random words alike.
    @Test func closestMatchesPlainSearch() {
        let names = KeepalivedSchema.allKeywordNames
        var generator = SystemRandomNumberGenerator()
        var words = ["priorty", "VIRTUAL_ROUTER_ID", "advert_intt", "nopremept", "intreface", "aut_pass", "x", "", "ü_vrrp"]
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz_0123456789-".utf8)
        for _ in 0..<300 {
            let length = Int.random(in: 1...24, using: &generator)
            words.append(String(decoding: (0..<length).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self))
            // A real keyword with one or two random edits.
            var bytes = Array(names.randomElement(using: &generator)!.utf8)
            for _ in 0..<Int.random(in: 1...2, using: &generator) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = alphabet.randomElement(using: &generator)!
            }
            words.append(String(decoding: bytes, as: UTF8.self))
        }
        for word in words {
            let limit = EditDistance.tolerance(forLength: word.count)
            let plain = names.enumerated()
                .compactMap { position, name in EditDistance.distance(word, name, limit: limit).map { ($0, position, name) } }
                .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
                .map(\.2)
            #expect(EditDistance.closest(to: word, among: names) == plain, "word \(word)")
        }
    }
}
