import FuzzConfig
import FuzzDriver
import KAConfig
import KALint

/// kalint as a user runs it, on one file or on two node files (the input split at its first line
/// `%%`), with every output format.
@main
struct FuzzLint {
    static func main() { FuzzDriver.run(test) }

    static func test(_ bytes: [UInt8]) {
        let input = FuzzInput(bytes)
        let nodes = Array(input.files.prefix(2))
        let fileSystem = input.fileSystem
        for format in ["human", "json", "sarif", "github"] {
            let request = KalintRequest(files: nodes.map(\.path), format: format)
            _ = KalintDriver.run(request, fileSystem: fileSystem)
        }
    }
}

#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        FuzzLint.test(FuzzDriver.bytes(data, size))
        return 0
    }
#endif
