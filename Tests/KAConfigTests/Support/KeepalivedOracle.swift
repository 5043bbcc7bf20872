import Foundation
@testable import KAConfig

/// One line keepalived printed on stderr: `(FILE: Line N) message`, `(Line N) message`, or a
/// message with no location (file and line nil).
struct KeepalivedMessage: Sendable, Hashable, CustomStringConvertible {
    var file: String?
    var line: Int?
    var text: String

    var description: String {
        switch (file, line) {
        case let (file?, line?): return "(\(file): Line \(line)) \(text)"
        case let (nil, line?): return "(Line \(line)) \(text)"
        default: return text
        }
    }
}

/// What `keepalived -t -f FILE` said about a file.
struct KeepalivedVerdict: Sendable {
    var path: String
    var exitCode: Int32
    var timedOut: Bool
    var messages: [KeepalivedMessage]
    var stderr: String
    /// The interfaces the network namespace was given.
    var interfaces: [String]
}

enum KeepalivedOracleError: Error, CustomStringConvertible {
    case notRoot
    case missing(String)
    case namespace(String)

    var description: String {
        switch self {
        case .notRoot:
            return "the keepalived oracle needs root (network namespaces); run the tests as root, as CI does"
        case .missing(let program):
            return "\(program) is not installed; run ./scripts/setup.sh (apt-get install keepalived iproute2)"
        case .namespace(let detail):
            return "could not create a network namespace: \(detail)"
        }
    }
}

/// Runs keepalived 2.2.7's own configuration check on a file, in a throwaway network namespace
/// whose interfaces carry the names the file uses, so "interface doesn't exist" noise goes away
/// and what remains is keepalived's opinion of the configuration.
enum KeepalivedOracle {
    static let timeout: Double = 10

    static func keepalivedPath() throws -> String {
        guard let path = ProcessRunner.locate("keepalived", candidates: ["/usr/sbin/keepalived", "/usr/local/sbin/keepalived"])
        else { throw KeepalivedOracleError.missing("keepalived") }
        return path
    }

    static func ipPath() throws -> String {
        guard let path = ProcessRunner.locate("ip", candidates: ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"])
        else { throw KeepalivedOracleError.missing("ip (iproute2)") }
        return path
    }

    /// Throws the reason the oracle cannot run here, if any.
    static func requireAvailable() throws {
        guard geteuid() == 0 else { throw KeepalivedOracleError.notRoot }
        _ = try keepalivedPath()
        _ = try ipPath()
    }

    static func check(path: String) throws -> KeepalivedVerdict {
        try requireAvailable()
        let keepalived = try keepalivedPath()
        let ip = try ipPath()
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) } ?? []
        let interfaces = interfaceNames(in: Parser.parse(path: path, bytes: bytes))

        let namespace = "ka-oracle-\(UUID().uuidString.prefix(13).lowercased())"
        let added = try ProcessRunner.run(ip, ["netns", "add", namespace], timeout: timeout)
        guard added.status == 0, !added.timedOut else {
            throw KeepalivedOracleError.namespace(added.stderr.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        defer { _ = try? ProcessRunner.run(ip, ["netns", "delete", namespace], timeout: timeout) }

        // A dummy interface when the kernel has the module, a bridge otherwise (both are
        // Ethernet-like, multicast-capable and can be set up with no peer). `-force` goes on past
        // the failures of whichever type is missing and of names the kernel refuses.
        var batch = "link set lo up\n"
        for name in interfaces {
            batch += "link add \(name) type dummy\nlink add \(name) type bridge\nlink set \(name) up\n"
        }
        _ = try ProcessRunner.run(ip, ["-n", namespace, "-force", "-batch", "-"], stdin: batch, timeout: timeout)

        // keepalived 2.2.7 `-t` SIGTERMs itself after checking a script as a non-root script_user
        // (lib/notify.c compares main_pid, which is its own pid under -t, with getppid()). An
        // ignored SIGTERM, inherited through exec, lets the check run to its end.
        let outcome = try ProcessRunner.run(
            ip, ["netns", "exec", namespace, "/bin/sh", "-c", "trap '' TERM; exec \"$@\"", "sh", keepalived, "-t", "-f", path],
            timeout: timeout)
        return KeepalivedVerdict(
            path: path, exitCode: outcome.signaled ? 128 + outcome.status : outcome.status, timedOut: outcome.timedOut,
            messages: parseMessages(outcome.stderr), stderr: outcome.stderr, interfaces: interfaces)
    }

    /// Checks many files, a few at a time. Results are in the order of `paths`.
    static func checkAll(paths: [String], width: Int = 4) -> [Result<KeepalivedVerdict, any Error>] {
        let results = LockedArray<Result<KeepalivedVerdict, any Error>?>(repeating: nil, count: paths.count)
        let next = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: max(1, min(width, paths.count))) { _ in
            while let index = next.take(below: paths.count) {
                results.set(index, Result { try check(path: paths[index]) })
            }
        }
        return results.values.map { $0! }
    }

    // MARK: Interface names

    /// Keywords whose next word names an interface.
    static let interfaceKeywords: Set<String> = [
        "interface", "default_interface", "bind_if", "lvs_sync_daemon", "lvs_sync_daemon_interface",
    ]
    /// Words inside a statement after which an interface name follows (addresses, routes, rules).
    static let interfaceArgumentWords: Set<String> = ["dev", "iif", "oif"]
    /// Blocks whose entries start with an interface name.
    static let interfaceListBlocks: Set<String> = ["track_interface", "linkbeat_interfaces", "interface_up_down_delays"]

    /// Candidate interface names a file mentions: `interface X`, `dev X`, `track_interface { X }`, ...
    /// Names Linux would refuse (more than 15 bytes, `/`, `:`, blanks) and `lo` are left out.
    static func interfaceNames(in tree: SyntaxTree) -> [String] {
        var names: [String] = []
        func add(_ token: Int?) {
            guard let token else { return }
            var name = tree.text(of: token)
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            guard isUsableName(name), !names.contains(name) else { return }
            names.append(name)
        }
        for index in tree.nodes.indices where tree.nodes[index].kind == .statement {
            let words = tree.words(of: index)
            guard let first = words.first else { continue }
            let keyword = tree.text(of: first)
            if interfaceKeywords.contains(keyword), words.count > 1 { add(words[1]) }
            for position in words.indices.dropLast() where interfaceArgumentWords.contains(tree.text(of: words[position])) {
                add(words[position + 1])
            }
            if let parent = tree.nodes[index].parent, let parentKeyword = tree.keyword(of: parent),
                interfaceListBlocks.contains(tree.text(of: parentKeyword))
            {
                add(first)
            }
        }
        return names
    }

    static func isUsableName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= 15, name != "lo", name != ".", name != ".." else { return false }
        return bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: ":") }
            && !name.contains("\"")
    }

    // MARK: Messages

    /// Splits stderr into messages, reading the `(FILE: Line N) ` or `(Line N) ` prefix when present.
    static func parseMessages(_ stderr: String) -> [KeepalivedMessage] {
        stderr.split(whereSeparator: \.isNewline).compactMap { raw in
            let line = String(raw)
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return parseMessage(line)
        }
    }

    static func parseMessage(_ line: String) -> KeepalivedMessage {
        guard line.hasPrefix("(") else { return KeepalivedMessage(file: nil, line: nil, text: line) }
        if line.hasPrefix("(Line "), let (number, rest) = lineNumber(in: line.dropFirst("(Line ".count)) {
            return KeepalivedMessage(file: nil, line: number, text: rest)
        }
        // `(FILE: Line N) `: the file name may itself contain ": Line ", so take the last one
        // that is followed by digits and `) `.
        var search = line.startIndex..<line.endIndex
        var found: KeepalivedMessage?
        while let marker = line.range(of: ": Line ", range: search) {
            if let (number, rest) = lineNumber(in: line[marker.upperBound...]) {
                let file = String(line[line.index(after: line.startIndex)..<marker.lowerBound])
                found = KeepalivedMessage(file: file, line: number, text: rest)
            }
            search = marker.upperBound..<line.endIndex
        }
        return found ?? KeepalivedMessage(file: nil, line: nil, text: line)
    }

    /// `N) rest` → (N, rest).
    private static func lineNumber(in text: Substring) -> (Int, String)? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits) else { return nil }
        let after = text[digits.endIndex...]
        guard after.hasPrefix(") ") || after == ")" else { return nil }
        return (number, String(after.dropFirst(min(2, after.count))))
    }
}
