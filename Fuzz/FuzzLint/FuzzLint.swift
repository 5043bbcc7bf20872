import FuzzConfig
import FuzzDriver
import KAConfig
import KALint

/// kalint as a user runs it, on one file or on two node files (the input split at its first line
/// `%%`), in one of its output formats: the input's byte sum picks which, so the corpus covers
/// all four while each run analyses the files once (four analyses a run cost three quarters of
/// the fuzzer's time).
@main
struct FuzzLint {
    static func main() { FuzzDriver.run(test) }

    static func test(_ bytes: [UInt8]) {
        let input = FuzzInput(bytes)
        let nodes = Array(input.files.prefix(2))
        let fileSystem = input.fileSystem
        let formats = ["human", "json", "sarif", "github"]
        let format = formats[Int(bytes.reduce(0 as UInt8, &+)) % formats.count]
        var request = KalintRequest(files: nodes.map(\.path), format: format)
        request.expansionCaps = FuzzInput.caps
        _ = KalintDriver.run(request, fileSystem: fileSystem)
    }
}

#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        FuzzLint.test(FuzzDriver.bytes(data, size))
        return 0
    }
#endif
