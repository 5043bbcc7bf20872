#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one entry point of every fuzz target. Built with `-sanitize=fuzzer,address -D FUZZING`
/// (see the README), it hands the target to libFuzzer (`LLVMFuzzerRunDriver`, with libFuzzer's own
/// arguments); built normally, it replays the files and folders given as arguments (a corpus or
/// crash files), so the targets build and run in every `swift build`.
public enum FuzzDriver {
    public static func run(_ body: @escaping @Sendable ([UInt8]) -> Void) -> Never {
        FuzzTarget.body = body
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            let status = withUnsafeMutablePointer(to: &argv) { pointer in
                LLVMFuzzerRunDriver(&argc, pointer) { data, size in
                    FuzzTarget.body?(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
                    return 0
                }
            }
            exit(status)
        #else
            var count = 0
            for argument in CommandLine.arguments.dropFirst() where !argument.hasPrefix("-") {
                for path in FuzzFiles.regularFiles(at: argument) {
                    guard let bytes = FuzzFiles.read(path) else { continue }
                    body(bytes)
                    count += 1
                }
            }
            print("replayed \(count) input\(count == 1 ? "" : "s") (build with -D FUZZING -sanitize=fuzzer,address to fuzz)")
            exit(0)
        #endif
    }
}

/// The target's body, for libFuzzer's C callback (which cannot capture it). Set once, before the
/// driver starts; read only afterwards.
enum FuzzTarget {
    nonisolated(unsafe) static var body: (@Sendable ([UInt8]) -> Void)?
}

#if FUZZING
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32
#endif

/// Reading corpus files without Foundation.
enum FuzzFiles {
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
