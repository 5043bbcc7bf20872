import KAConfig

/// Turns the words of one iptables rule (`-p vrrp -d 224.0.0.18/32 -m pkttype ... -j ACCEPT`) into
/// matches and an action. The target stays a name until the table is complete (`IptablesParser`
/// then decides whether it is a user chain).
struct IptablesRuleParser {
    var matches: [RuleMatch] = []
    /// `-j`/`-g` target, and whether it was a goto.
    var target: (name: String, isGoto: Bool)?
    /// Family evidence, for dumps whose header does not say which tool wrote them.
    var sawIPv4 = false
    var sawIPv6 = false

    private var module: String?
    private var unsupportedIndex: Int?
    private var inTargetOptions = false

    /// Modules whose options only match TCP, UDP, ICMP... headers: never a VRRP advert.
    private static let transportModules: Set<String> = [
        "tcp", "udp", "udplite", "sctp", "dccp", "multiport", "icmp", "icmp6", "icmpv6", "ipv6-icmp",
        "esp", "mh", "tcpmss", "ecn",
    ]

    static func parse(_ words: ArraySlice<String>) -> IptablesRuleParser {
        var parser = IptablesRuleParser()
        parser.run(Array(words))
        return parser
    }

    private mutating func run(_ words: [String]) {
        var index = 0
        var negate = false
        func next() -> String? {
            index += 1
            return index < words.count ? words[index] : nil
        }
        while index < words.count {
            let word = words[index]
            if word == "!" {
                negate = true
                index += 1
                continue
            }
            switch word {
            case "-p", "--protocol":
                guard var value = next() else { break }
                if value == "!", let after = next() { negate = true; value = after }
                addProtocol(value, negated: negate)
            case "-s", "--source", "--src", "-d", "--destination", "--dst":
                guard let value = next() else { break }
                let side: AddressSide = word.hasPrefix("-s") || word.hasPrefix("--s") ? .source : .destination
                addAddresses(value.split(separator: ",").map(String.init), side: side, negated: negate, text: "\(word) \(value)")
            case "-i", "--in-interface":
                guard let value = next() else { break }
                matches.append(.inputInterface([value], negated: negate))
            case "-o", "--out-interface":
                _ = next()
                matches.append(.outputInterface(negated: negate))
            case "-f", "--fragment":
                if !negate { matches.append(.never("-f")) }
            case "-m", "--match":
                guard let name = next() else { break }
                startModule(name.lowercased())
            case "-j", "--jump", "-g", "--goto":
                guard let name = next() else { break }
                target = (name, word == "-g" || word == "--goto")
                inTargetOptions = true
            case "-c", "--set-counters":
                _ = next()
                _ = next()
            case "-w", "--wait", "-W", "--wait-interval":
                if index + 1 < words.count, words[index + 1].first?.isNumber == true { _ = next() }
            default:
                if word.hasPrefix("--") {
                    var arguments: [String] = []
                    while index + 1 < words.count, !Self.startsOption(words[index + 1]) {
                        arguments.append(words[index + 1])
                        index += 1
                    }
                    if !inTargetOptions { addModuleOption(word, arguments, negated: negate) }
                } else {
                    matches.append(.unsupported(word))
                }
            }
            negate = false
            index += 1
        }
    }

    /// `!`, `-x` or `--xyz`, but not a negative number.
    private static func startsOption(_ word: String) -> Bool {
        var bytes = word.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        if first == UInt8(ascii: "!") { return true }
        guard first == UInt8(ascii: "-"), let second = bytes.next() else { return false }
        return !(second >= UInt8(ascii: "0") && second <= UInt8(ascii: "9"))
    }

    private mutating func addProtocol(_ value: String, negated: Bool) {
        let name = value.lowercased()
        module = name
        inTargetOptions = false
        unsupportedIndex = nil
        if name == "icmp" { sawIPv4 = true }
        if name == "icmpv6" || name == "ipv6-icmp" { sawIPv6 = true }
        if name == "all" || name == "0" {
            if negated { matches.append(.never("! -p all")) }
            return
        }
        // A name missing from the table is some other protocol, so it is not 112 or 51.
        matches.append(.ipProtocol([ProtocolNames.number(name) ?? -1], family: nil, negated: negated))
    }

    private mutating func addAddresses(_ values: [String], side: AddressSide, negated: Bool, text: String) {
        var ranges: [FirewallAddressRange] = []
        for value in values {
            guard let range = FirewallAddressRange.parse(value) else {
                matches.append(.unsupported(text))
                return
            }
            if range.family == .ipv4 { sawIPv4 = true } else { sawIPv6 = true }
            ranges.append(range)
        }
        matches.append(.address(side, ranges, family: nil, negated: negated))
    }

    private mutating func startModule(_ name: String) {
        module = name
        inTargetOptions = false
        unsupportedIndex = nil
        if name == "icmp6" { sawIPv6 = true }
        switch name {
        case "state", "conntrack", "pkttype", "addrtype", "comment", "iprange": break
        default:
            if !Self.transportModules.contains(name) {
                unsupportedIndex = matches.count
                matches.append(.unsupported("-m \(name)"))
            }
        }
    }

    private mutating func addModuleOption(_ option: String, _ arguments: [String], negated: Bool) {
        let value = arguments.first ?? ""
        var list: Set<String> { Set(value.lowercased().split(separator: ",").map(String.init)) }
        var spelled: String { ([negated ? "! " + option : option] + arguments).joined(separator: " ") }
        if let slot = unsupportedIndex, case .unsupported(let text) = matches[slot] {
            matches[slot] = .unsupported(text + " " + spelled)
            return
        }
        switch (module ?? "", option) {
        case ("state", "--state"), ("conntrack", "--ctstate"):
            matches.append(.connectionState(list, negated: negated))
        case ("pkttype", "--pkt-type"):
            let types = Set(list.map { $0 == "unicast" ? "host" : $0 })
            matches.append(.packetType(types, negated: negated))
        case ("addrtype", "--src-type"):
            matches.append(.addressType(.source, list, negated: negated))
        case ("addrtype", "--dst-type"):
            matches.append(.addressType(.destination, list, negated: negated))
        case ("addrtype", "--limit-iface-in"), ("addrtype", "--limit-iface-out"), ("comment", _):
            break
        case ("iprange", "--src-range"), ("iprange", "--dst-range"):
            addAddresses([value], side: option == "--src-range" ? .source : .destination, negated: negated, text: spelled)
        case (let name, _) where Self.transportModules.contains(name):
            if name == "icmp" { sawIPv4 = true }
            if name.contains("6") { sawIPv6 = true }
            matches.append(.never(spelled))
        default:
            matches.append(.unsupported("-m \(module ?? "?") \(spelled)"))
        }
    }
}
