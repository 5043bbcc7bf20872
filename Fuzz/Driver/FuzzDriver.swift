#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The entry point of every fuzz target. Built by Fuzz/run.sh with `-sanitize=fuzzer,address
/// -D FUZZING`, it hands libFuzzer the target's `LLVMFuzzerTestOneInput` through
/// `LLVMFuzzerRunDriver` (SwiftPM renames the target's `main`, so the target's `@main` must
/// start libFuzzer itself, with libFuzzer's arguments); built normally, it replays the files and
/// folders given as arguments (a corpus or crash files), so the targets build and run in every
/// build.
public enum FuzzDriver {
    public static func run(_ body: ([UInt8]) -> Void) {
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in LLVMFuzzerTestOneInput(data, size) })
        #else
            // FUZZ_TIMES=1 prints each input's time (nanoseconds, then the path): where the
            // fuzzer's time goes.
            let printsTimes = getenv("FUZZ_TIMES") != nil
            var count = 0
            for argument in CommandLine.arguments.dropFirst() where !argument.hasPrefix("-") {
                for path in FuzzFiles.regularFiles(at: argument) {
                    guard let bytes = FuzzFiles.read(path) else { continue }
                    let start = FuzzFiles.now()
                    body(bytes)
                    if printsTimes { print(FuzzFiles.now() - start, path) }
                    count += 1
                }
            }
            print("replayed \(count) input\(count == 1 ? "" : "s") (Fuzz/run.sh builds this target for libFuzzer)")
        #endif
    }

    /// libFuzzer's input as bytes.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}

#if FUZZING
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32

    /// Defined by each target (`@_cdecl`): its body on one input.
    @_silgen_name("LLVMFuzzerTestOneInput")
    func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32
#endif

/// Reading corpus files without Foundation.
enum FuzzFiles {
    /// The monotonic clock in nanoseconds.
    static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1_000_000_000 + time.tv_nsec
    }

    static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        return bytes
    }

    /// The path itself when it is a file, else the regular files directly in the folder (sorted).
    static func regularFiles(at path: String) -> [String] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [] }
        if info.st_mode & S_IFMT != S_IFDIR { return [path] }
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted().map { path + "/" + $0 }.filter {
            var child = stat()
            return stat($0, &child) == 0 && child.st_mode & S_IFMT == S_IFREG
        }
    }
}
