import KAConfig

/// Reads `nft list ruleset` output and `nft -f` scripts (block syntax, `add`/`insert` commands,
/// `define`, `flush`) into a RulesetProgram. Tables of the ip, ip6 and inet families are kept;
/// chains with `hook prerouting` or `hook input` become base chains with their priority and policy.
struct NftablesParser {
    private var tokens: [NftToken]
    private var position = 0
    private var program = RulesetProgram()
    private var tableKeys: [String: Int] = [:]
    private var sets: [Int: [String: [String]]] = [:]

    private static let families: Set<String> = ["ip", "ip6", "inet", "arp", "bridge", "netdev"]

    static let priorityNames: [String: Int] = [
        "raw": -300, "mangle": -150, "dstnat": -100, "filter": 0, "security": 50, "srcnat": 100,
    ]

    static func parse(_ text: String) -> RulesetProgram {
        var parser = NftablesParser(tokens: Self.expandDefines(NftablesLexer.tokens(text)))
        parser.program.coveredFamilies = [.ipv4, .ipv6]
        parser.run()
        return parser.program
    }

    private init(tokens: [NftToken]) {
        self.tokens = tokens
    }

    /// Applies `define NAME = value` to later `$NAME` words and drops the definitions.
    private static func expandDefines(_ input: [NftToken]) -> [NftToken] {
        var output: [NftToken] = []
        var defines: [String: [NftToken]] = [:]
        var index = 0
        while index < input.count {
            let token = input[index]
            if token.isWord("define"), index + 2 < input.count, input[index + 2].isWord("=") {
                let name = input[index + 1].text
                var end = index + 3
                var depth = 0
                while end < input.count, depth > 0 || !input[end].isEnd {
                    if input[end].kind == .openBrace { depth += 1 }
                    if input[end].kind == .closeBrace { depth -= 1 }
                    end += 1
                }
                defines[name] = Array(input[(index + 3)..<end]).filter { $0.kind != .newline }
                index = end
                continue
            }
            if token.kind == .word, token.text.hasPrefix("$"), let value = defines[String(token.text.dropFirst())] {
                output += value.map { NftToken(kind: $0.kind, text: $0.text, line: token.line) }
            } else {
                output.append(token)
            }
            index += 1
        }
        return output
    }

    // MARK: Cursor

    private var current: NftToken? { position < tokens.count ? tokens[position] : nil }

    private mutating func takeWord() -> String? {
        guard let token = current, token.kind == .word || token.kind == .string else { return nil }
        position += 1
        return token.text
    }

    private mutating func note(_ line: Int, _ message: String) {
        program.notes.append(FirewallParseNote(line: line, message: message))
    }

    /// Skips one statement with any braces it holds; stops before a `}` that closes the enclosing block.
    private mutating func skipStatement() {
        var depth = 0
        while let token = current {
            if depth == 0 && token.isEnd { position += 1; return }
            if token.kind == .closeBrace {
                if depth == 0 { return }
                depth -= 1
            }
            if token.kind == .openBrace { depth += 1 }
            position += 1
        }
    }

    // MARK: Top level

    private mutating func run() {
        while let token = current {
            if token.isEnd || token.kind != .word {
                position += 1
                continue
            }
            let line = token.line
            position += 1
            switch token.text {
            case "nft", "sudo":
                continue
            case "table":
                let table = tableReference()
                if current?.kind == .openBrace { tableBody(table) } else { skipStatement() }
            case "add", "create", "insert":
                command(insert: token.text == "insert", line: line)
            case "flush":
                flush(line: line)
            default:
                note(line, "`\(token.text)` statement not evaluated; skipped")
                skipStatement()
            }
        }
    }

    /// Reads `[family] name` and returns the table, creating it on first use.
    private mutating func tableReference() -> Int {
        var family = "ip"
        if let word = current, word.kind == .word, Self.families.contains(word.text),
            position + 1 < tokens.count, tokens[position + 1].kind == .word || tokens[position + 1].kind == .string
        {
            family = word.text
            position += 1
        }
        let line = current?.line ?? 0
        let name = takeWord() ?? ""
        let key = "\(family) \(name)"
        if let index = tableKeys[key] { return index }
        let families: Set<VRRPTrafficNeed.Family> =
            switch family {
            case "ip": [.ipv4]
            case "ip6": [.ipv6]
            case "inet": [.ipv4, .ipv6]
            default: []
            }
        program.tables.append(RulesetTable(label: key, families: families))
        tableKeys[key] = program.tables.count - 1
        if name.isEmpty { note(line, "table without a name") }
        return program.tables.count - 1
    }

    private mutating func chainIndex(_ name: String, in table: Int, line: Int) -> Int {
        if let index = program.tables[table].chain(named: name) { return index }
        program.tables[table].chains.append(RulesetChain(name: name, line: line))
        return program.tables[table].chains.count - 1
    }

    // MARK: Blocks

    private mutating func tableBody(_ table: Int) {
        position += 1
        while let token = current {
            if token.kind == .closeBrace { position += 1; return }
            if token.isEnd || token.kind != .word {
                position += 1
                continue
            }
            position += 1
            switch token.text {
            case "chain":
                let chain = chainIndex(takeWord() ?? "", in: table, line: token.line)
                if current?.kind == .openBrace { chainBody(table, chain) }
            case "set":
                let name = takeWord() ?? ""
                if current?.kind == .openBrace { setBody(table, name) }
            default:
                skipStatement()
            }
        }
    }

    private mutating func chainBody(_ table: Int, _ chain: Int) {
        position += 1
        while let token = current {
            if token.kind == .closeBrace { position += 1; return }
            if token.isEnd {
                position += 1
                continue
            }
            if token.isWord("type") {
                baseChain(table, chain)
            } else if token.isWord("policy") {
                position += 1
                program.tables[table].chains[chain].policyDrops = takeWord() == "drop"
                program.tables[table].chains[chain].policyLine = token.line
            } else if token.isWord("comment") || token.isWord("devices") || token.isWord("device") {
                skipStatement()
            } else {
                addRule(ruleTokens(), table: table, chain: chain, atStart: false)
            }
        }
    }

    /// `type filter hook input priority filter + 10;`
    private mutating func baseChain(_ table: Int, _ chain: Int) {
        let line = current?.line ?? 0
        var words: [String] = []
        while let token = current, !token.isEnd, token.kind != .closeBrace {
            words.append(token.text)
            position += 1
        }
        guard let hookIndex = words.firstIndex(of: "hook"), hookIndex + 1 < words.count else { return }
        switch words[hookIndex + 1] {
        case "prerouting": program.tables[table].chains[chain].hook = .prerouting
        case "input": program.tables[table].chains[chain].hook = .input
        case "ingress":
            note(line, "ingress chain of table \(program.tables[table].label) not evaluated")
            return
        default: return
        }
        program.tables[table].chains[chain].line = line
        if let priorityIndex = words.firstIndex(of: "priority") {
            let expression = words[(priorityIndex + 1)...].joined()
            if let value = Self.priority(expression) {
                program.tables[table].chains[chain].priority = value
            } else {
                note(line, "priority `\(expression)` not understood; taken as 0")
            }
        }
    }

    /// `-150`, `filter`, `filter+10`, `mangle-5`.
    static func priority(_ text: String) -> Int? {
        if let value = Int(text) { return value }
        let name = text.prefix { $0.isLetter }
        guard let base = priorityNames[String(name)] else { return nil }
        let rest = text.dropFirst(name.count)
        if rest.isEmpty { return base }
        guard let offset = Int(rest.hasPrefix("+") ? String(rest.dropFirst()) : String(rest)) else { return nil }
        return base + offset
    }

    private mutating func setBody(_ table: Int, _ name: String) {
        position += 1
        while let token = current {
            if token.kind == .closeBrace { position += 1; return }
            if token.isWord("elements") {
                position += 1
                if current?.isWord("=") == true { position += 1 }
                sets[table, default: [:]][name, default: []] += elementList()
            } else if token.isEnd {
                position += 1
            } else {
                skipStatement()
            }
        }
    }

    /// `{ a, b timeout 1h, c }` → the first word of each element.
    private mutating func elementList() -> [String] {
        guard current?.kind == .openBrace else { return [] }
        position += 1
        var elements: [String] = []
        var expectElement = true
        while let token = current {
            position += 1
            switch token.kind {
            case .closeBrace: return elements
            case .comma: expectElement = true
            case .word, .string:
                if expectElement { elements.append(token.text) }
                expectElement = false
            default: continue
            }
        }
        return elements
    }

    // MARK: Rules

    /// The tokens of one rule: up to a newline or `;` outside braces, or the `}` closing the chain.
    private mutating func ruleTokens() -> [NftToken] {
        var collected: [NftToken] = []
        var depth = 0
        while let token = current {
            if depth == 0 && (token.isEnd || token.kind == .closeBrace) { break }
            if token.kind == .openBrace { depth += 1 }
            if token.kind == .closeBrace { depth -= 1 }
            collected.append(token)
            position += 1
        }
        return collected
    }

    private mutating func addRule(_ ruleTokens: [NftToken], table: Int, chain: Int, atStart: Bool) {
        guard let first = ruleTokens.first else { return }
        let parsed = NftablesRuleParser.parse(ruleTokens, sets: sets[table] ?? [:])
        var text = ""
        for token in ruleTokens where token.kind != .newline {
            // `{ a, b }` rather than `{ a , b }`.
            if !text.isEmpty && token.kind != .comma { text += " " }
            text += token.spelled
        }
        let rule = RulesetRule(line: first.line, text: text, matches: parsed.matches, action: parsed.action)
        if atStart {
            program.tables[table].chains[chain].rules.insert(rule, at: 0)
        } else {
            program.tables[table].chains[chain].rules.append(rule)
        }
    }

    // MARK: Commands

    private mutating func command(insert: Bool, line: Int) {
        guard let object = takeWord() else { return skipStatement() }
        switch object {
        case "table":
            let table = tableReference()
            if current?.kind == .openBrace { tableBody(table) } else { skipStatement() }
        case "chain":
            let table = tableReference()
            let chain = chainIndex(takeWord() ?? "", in: table, line: line)
            if current?.kind == .openBrace { chainBody(table, chain) } else { skipStatement() }
        case "rule":
            let table = tableReference()
            let chain = chainIndex(takeWord() ?? "", in: table, line: line)
            if let word = current, ["position", "index", "handle"].contains(word.text) { position += 2 }
            addRule(ruleTokens(), table: table, chain: chain, atStart: insert)
            skipStatement()
        case "set", "element":
            let table = tableReference()
            let name = takeWord() ?? ""
            guard current?.kind == .openBrace else { return skipStatement() }
            if object == "set" {
                setBody(table, name)
            } else {
                sets[table, default: [:]][name, default: []] += elementList()
            }
        default:
            note(line, "`add \(object)` not evaluated; skipped")
            skipStatement()
        }
    }

    private mutating func flush(line: Int) {
        switch takeWord() {
        case "ruleset":
            program.tables = []
            tableKeys = [:]
            sets = [:]
        case "table":
            let table = tableReference()
            for chain in program.tables[table].chains.indices { program.tables[table].chains[chain].rules = [] }
        case "chain":
            let table = tableReference()
            let chain = chainIndex(takeWord() ?? "", in: table, line: line)
            program.tables[table].chains[chain].rules = []
        default:
            note(line, "`flush` of this kind not evaluated; skipped")
        }
        skipStatement()
    }
}
