import Testing
@testable import KAConfig

/// Lexical path normalisation for includes, on bytes.
@Suite struct ConfigPathTests {
    @Test func examples() {
        #expect(ConfigPath.normalize("/etc//keepalived/./a/../b.conf") == "/etc/keepalived/b.conf")
        #expect(ConfigPath.normalize("a/../../b") == "../b")
        #expect(ConfigPath.normalize("/../a") == "/a")
        #expect(ConfigPath.normalize("a/..") == ".")
        #expect(ConfigPath.normalize("./") == "./")
        #expect(ConfigPath.normalize("/") == "/")
        #expect(ConfigPath.normalize("/a/b/") == "/a/b/")
        #expect(ConfigPath.normalize("") == "")
        #expect(ConfigPath.join("/etc/keepalived", "../x.conf") == "/etc/x.conf")
        #expect(ConfigPath.join("/etc", "/abs/./y") == "/abs/y")
        #expect(ConfigPath.join("", "rel") == "rel")
    }

    /// A `/` is a separator whatever follows it, as for the file system: a combining mark after
    /// it made one character of both when the `String` was split.
    @Test func separatorsAreBytes() {
        #expect(ConfigPath.normalize("/e\u{301}/./x") == "/e\u{301}/x")
        #expect(ConfigPath.normalize("/a/\u{301}b/../c") == "/a/c")
        #expect(ConfigPath.normalize("/a/.\u{301}/c") == "/a/.\u{301}/c")
    }

    /// The component-list algorithm, written plainly, agrees on 5,000 random paths.
    @Test func agreesWithThePlainAlgorithm() {
        var generator = SystemRandomNumberGenerator()
        let components = ["a", "bb", ".", "..", "", "c.conf", "é"]
        for _ in 0..<5_000 {
            var path = Bool.random(using: &generator) ? "/" : ""
            let count = Int.random(in: 0...6, using: &generator)
            path += (0..<count).map { _ in components.randomElement(using: &generator)! }.joined(separator: "/")
            if Bool.random(using: &generator) { path += "/" }
            #expect(ConfigPath.normalize(path) == Self.plain(path), "\(path)")
        }
    }

    static func plain(_ path: String) -> String {
        if path.isEmpty { return path }
        let absolute = path.hasPrefix("/")
        var parts: [String] = []
        for part in path.split(separator: "/").map(String.init) where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        var result = (absolute ? "/" : "") + parts.joined(separator: "/")
        if result.isEmpty { result = "." }
        if path.count > 1, path.hasSuffix("/"), !result.hasSuffix("/") { result += "/" }
        return result
    }
}
