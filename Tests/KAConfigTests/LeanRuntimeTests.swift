import Foundation
@testable import KAConfig
import Testing

/// kalint and kafmt load only the Swift core, Synchronization and Glibc runtimes: no Dispatch,
/// Concurrency, string processing or Foundation (together about 3 MB resident in every run).
/// Their parallel loops run on `ParallelWork`'s own threads.
@Suite struct LeanRuntimeTests {
    @Test func everyIndexRunsOnceWhateverTheThreads() {
        for (count, threads) in [(0, 4), (1, 4), (3, 8), (1000, 2), (1000, 7), (50, 1), (50, 0)] {
            var runs = [Int](repeating: 0, count: count)
            runs.withUnsafeMutableBufferPointer { buffer in
                // Each index is written by the one thread that takes it.
                nonisolated(unsafe) let output = buffer
                ParallelWork.forEach(count, threads: threads) { output[$0] += 1 }
            }
            #expect(runs.allSatisfy { $0 == 1 }, "\(count) on \(threads) threads")
        }
    }

    /// A thread that cannot start (here: a stack no machine has) leaves its share to the others.
    @Test func threadsThatCannotStartLeaveTheWorkToTheCaller() {
        #expect(tryStartDetachedThread(stackSize: 1 << 60) {} != 0, "such a thread must fail to start")
        var runs = [Int](repeating: 0, count: 100)
        runs.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            ParallelWork.forEach(100, threads: 4, stackSize: 1 << 60) { output[$0] += 1 }
        }
        #expect(runs.allSatisfy { $0 == 1 })
    }

    /// On Linux both carry the Swift runtime (kafmt linked with `-static-stdlib`, as the package
    /// links it; kalint as a static executable): no libswift*.so to load and relocate at start,
    /// and of the runtime only what they use is linked in.
    @Test(arguments: ["kalint", "kafmt"])
    func linksNoRuntimeItDoesNotUse(_ tool: String) throws {
        let binary = FormatTestSupport.packageRoot + "/.build/debug/" + tool
        try #require(FormatTestSupport.isRegularFile(binary), "\(tool) is not built")
        let dynamic = try #require(FormatTestSupport.run("/usr/bin/readelf", ["-d", binary]))
        #expect(dynamic.status == 0)
        let needed = dynamic.output.split(separator: "\n").filter { $0.contains("(NEEDED)") }
        #expect(!needed.contains { $0.contains("libswift") || $0.contains("libdispatch") || $0.contains("libFoundation") }, "\(dynamic.output)")
        let symbols = try #require(FormatTestSupport.run("/usr/bin/readelf", ["-W", "--syms", binary]))
        #expect(symbols.status == 0)
        // The runtime is in (and the symbol table is there to look at)...
        #expect(symbols.output.contains("swift_retain"), "\(tool) has no Swift runtime symbols")
        // ...but not Dispatch, Concurrency, string processing or Foundation.
        for marker in ["dispatch_async", "$s8Dispatch", "swift_task_create", "$s12_Concurrency", "$s17_StringProcessing", "$s10Foundation"] {
            #expect(!symbols.output.contains(marker), "\(tool) links \(marker)")
        }
    }

    /// Both keep glibc's mapping threshold fixed (`ka_fix_mmap_threshold`): the call compiles to
    /// nothing when the C file does not see glibc, as it once did, and then 5-8 % more memory
    /// stays resident at 5,000-20,000 instances with no other sign.
    @Test(arguments: ["kalint", "kafmt"])
    func fixesTheMallocMappingThreshold(_ tool: String) throws {
        let binary = FormatTestSupport.packageRoot + "/.build/debug/" + tool
        try #require(FormatTestSupport.isRegularFile(binary), "\(tool) is not built")
        // kafmt imports it from libc.so (mallopt@GLIBC_...); kalint, a static executable, has it in.
        let result = try #require(FormatTestSupport.run("/usr/bin/readelf", ["--syms", "-W", binary]))
        #expect(result.status == 0)
        let names = result.output.split(separator: "\n").compactMap { $0.split(separator: " ").last }
        #expect(names.contains { $0 == "mallopt" || $0.hasPrefix("mallopt@") }, "\(tool) does not call mallopt")
    }

    /// kalint's code that a lint runs comes first, in the order `scripts/code-order/kalint.symbols`
    /// lists it (each function in its own section, placed by the linker): the functions of the
    /// list in kalint's own modules that the binary defines follow the list's order. Without the
    /// ordering about 60 % of consecutive pairs do (the objects' order), with it all of them.
    @Test func kalintsHotCodeIsLaidOutInTheListsOrder() throws {
        #if os(Linux)
            let root = FormatTestSupport.packageRoot
            let binary = root + "/.build/debug/kalint"
            try #require(FormatTestSupport.isRegularFile(binary), "kalint is not built")
            let list = try String(contentsOfFile: root + "/scripts/code-order/kalint.symbols", encoding: .utf8)
            let order = list.split(separator: "\n").map(String.init)
            #expect(order.count > 1_000, "the list names the functions a lint runs")
            let symbols = try #require(FormatTestSupport.run("/usr/bin/nm", ["--defined-only", binary]))
            #expect(symbols.status == 0)
            var address: [String: UInt64] = [:]
            for line in symbols.output.split(separator: "\n") {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count == 3, fields[1] == "t" || fields[1] == "T", let value = UInt64(fields[0], radix: 16) else { continue }
                address[String(fields[2])] = value
            }
            // Functions (mangled names ending in F or FZ) of kalint's modules: their names are
            // the same in debug and release builds, where specialisations and thunks are not.
            let modules = ["8KAConfig", "6KALint", "13KACommandLine", "9KAAddress", "6KAJSON", "9KAVersion", "6kalint"]
            let placed = order.filter { name in
                modules.contains { name.hasPrefix("$s" + $0) } && (name.hasSuffix("F") || name.hasSuffix("FZ"))
            }.compactMap { address[$0] }
            #expect(placed.count > 100, "\(placed.count) listed functions in the binary: the list is stale, run scripts/code-order/generate.sh")
            let inOrder = zip(placed, placed.dropFirst()).filter { $0.0 < $0.1 }.count
            #expect(Double(inOrder) >= 0.9 * Double(placed.count - 1), "\(inOrder) of \(placed.count - 1) pairs in the list's order")
        #endif
    }

    /// The compiler's unnamed helpers (`.text..L*` sections, no symbol the list could name) sit
    /// together in `.text.unnamed`, directly before `.text` and its ordered code
    /// (scripts/code-order/kalint-hot.ld); left in their objects, a lint faulted in a dozen
    /// scattered 64 KB windows for them.
    @Test func kalintsUnnamedHelpersSitTogetherBeforeTheOrderedCode() throws {
        #if os(Linux)
            let binary = FormatTestSupport.packageRoot + "/.build/debug/kalint"
            try #require(FormatTestSupport.isRegularFile(binary), "kalint is not built")
            let sections = try #require(FormatTestSupport.run("/usr/bin/readelf", ["-SW", binary]))
            #expect(sections.status == 0)
            // Name, address and size of each section header line, in address order.
            var layout: [(name: String, address: UInt64, size: UInt64)] = []
            for line in sections.output.split(separator: "\n") {
                let fields = line.replacingOccurrences(of: "[ ", with: "[").split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count > 6, fields[0].hasPrefix("["), let address = UInt64(fields[3], radix: 16),
                    let size = UInt64(fields[5], radix: 16), address > 0
                else { continue }
                layout.append((String(fields[1]), address, size))
            }
            layout.sort { $0.address < $1.address }
            let helpers = try #require(layout.firstIndex { $0.name == ".text.unnamed" }, "no .text.unnamed section")
            #expect(layout[helpers].size > 0)
            #expect(layout[helpers].size < 64 << 10, "the helpers are a few bytes each")
            #expect(layout.indices.contains(helpers + 1) && layout[helpers + 1].name == ".text", "\(layout.map(\.name))")
        #endif
    }

    /// kalint is a static executable on Linux: no loader or shared library is mapped at its start.
    @Test func kalintIsAStaticExecutable() throws {
        #if os(Linux)
            let binary = FormatTestSupport.packageRoot + "/.build/debug/kalint"
            try #require(FormatTestSupport.isRegularFile(binary), "kalint is not built")
            let headers = try #require(FormatTestSupport.run("/usr/bin/readelf", ["-lW", binary]))
            #expect(headers.status == 0)
            #expect(!headers.output.contains("INTERP"), "kalint asks for a program interpreter")
            #expect(!headers.output.contains("DYNAMIC"), "kalint has a dynamic section")
        #endif
    }
}
