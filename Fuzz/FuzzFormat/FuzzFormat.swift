import FuzzConfig
import FuzzDriver
import KAConfig
import KAFormat

/// kafmt's promises: when it formats the input, its output formats to the same bytes, parses
/// without errors and gives the same model as the input. A broken promise traps (a finding).
@main
struct FuzzFormat {
    static func main() { FuzzDriver.run(test) }

    static func test(_ bytes: [UInt8]) {
        // The layout without kafmt's own reading check, which would turn a broken promise into a
        // refusal; the check itself is exercised by the tests.
        guard let once = Formatter.layout(Parser.parse(path: "/fuzz/keepalived.conf", bytes: bytes)).bytes else { return }
        let again = Formatter.layout(Parser.parse(path: "/fuzz/keepalived.conf", bytes: once))
        guard let twice = again.bytes else { fatalError("kafmt refuses its own output: \(again.diagnostics.map(\.message))") }
        precondition(twice == once, "kafmt is not a fixed point")
        let before = ModelJSON.encode(Analyzer.analyze(path: "/fuzz/keepalived.conf", fileSystem: FuzzInput(whole: bytes).fileSystem).model)
        let after = ModelJSON.encode(Analyzer.analyze(path: "/fuzz/keepalived.conf", fileSystem: FuzzInput(whole: once).fileSystem).model)
        precondition(before == after, "kafmt changed the meaning")
    }
}

#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        FuzzFormat.test(FuzzDriver.bytes(data, size))
        return 0
    }
#endif
