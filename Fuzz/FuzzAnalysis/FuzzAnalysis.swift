import FuzzConfig
import FuzzDriver
import KAConfig
import KALint

/// The whole analysis from bytes: expansion with includes from memory, binding, the model and
/// every single-file rule. Finds crashes, hangs and sanitizer reports, and any file whose
/// findings `SimpleFindings` gives differently from the parser.
@main
struct FuzzAnalysis {
    static func main() { FuzzDriver.run(test) }

    static func test(_ bytes: [UInt8]) {
        precondition(SimpleFindings.agreesWithParser(path: "fuzz.conf", bytes: bytes), "SimpleFindings differs from the parser")
        let input = FuzzInput(bytes)
        let node = Analyzer.analyze(path: input.rootPath, options: FuzzInput.caps, fileSystem: input.fileSystem)
        _ = LintEngine().run([node])
    }
}

#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        FuzzAnalysis.test(FuzzDriver.bytes(data, size))
        return 0
    }
#endif
