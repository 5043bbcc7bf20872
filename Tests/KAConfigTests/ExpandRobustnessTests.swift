import Testing
@testable import KAConfig

/// Random configurations built from the pipeline's special pieces: expansion must finish,
/// never crash, and keep its invariants.
@Suite("Expand: robustness")
struct ExpandRobustnessTests {
    static let pieces = [
        "$A=", "$B=", "$A", "${A}", "${B}", "$B ", "${_RANDOM 1 9}", "${_RANDOM 5 4}", "${_HASH}", "${_PWD}", "${NOPE}",
        "~SEQ(i,", "~SEQx(i,", "~LST({a,b},{1,2},{3})", "~LST(v,x,y)", "3)", "-2,", "0x1f)", ")", ",", "{", "}", "@n1 ",
        "@^n1 ", "@", "include ", "includea ", "x.conf", "*.conf", "{a,b}.conf", "\\", "\\#", "#", "!", "\"", " ", "\t",
        "\n", "\n", "\n", "word", "$i", "${i}", "\u{0}", "\r\n",
    ]

    @Test func randomConfigurationsFinish() {
        var state: UInt64 = 0x1234_5678
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for round in 0..<250 {
            var text = ""
            for _ in 0..<(20 + next(60)) { text += Self.pieces[next(Self.pieces.count)] }
            let files = [
                "/k/keepalived.conf": text, "/k/x.conf": "x { $A }\ninclude keepalived.conf\n", "/k/a.conf": "a\n",
            ]
            let options = ExpansionOptions(configID: "n1", maxIncludeDepth: 4, maxLogicalLines: 5000)
            let config = Expander.expand(path: "/k/keepalived.conf", options: options, fileSystem: InMemoryFileSystem(files: files))
            #expect(config.lines.count <= 5000, "round \(round)")
            for line in config.lines {
                #expect(!line.words.isEmpty)
                #expect(line.kind == .words || line.words.count == 1)
                for word in line.words where !word.origin.isSubstituted {
                    let source = config.files[word.origin.file]?.source
                    #expect(word.origin.byteRange.map { $0.upperBound <= (source?.bytes.count ?? 0) } ?? false)
                }
            }
        }
    }
}
