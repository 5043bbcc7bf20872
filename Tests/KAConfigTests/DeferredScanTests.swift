import Synchronization
import Testing
@testable import KAConfig

#if canImport(Glibc)
    import Glibc
#endif

/// A deferred `BackgroundJob` runs its work exactly once, on the thread that claims it first or
/// on the first that asks for the value; the pipeline hands the root file's scan to the binder.
@Suite("Deferred jobs and the root file's scan")
struct DeferredScanTests {
    /// Which thread ran the work, and how often it ran.
    final class Runs: Sendable {
        let count = Atomic<Int>(0)
        func job() -> BackgroundJob<UInt> {
            BackgroundJob(deferred: { [self] in
                count.add(1, ordering: .relaxed)
                return UInt(pthread_self())
            })
        }
    }

    @Test func claimRunsTheWorkOnceOnTheClaimingThread() {
        let runs = Runs()
        let job = runs.job()
        let claimer = BackgroundJob { () -> UInt in
            job.claim()
            return UInt(pthread_self())
        }.value
        job.claim()
        #expect(job.value == claimer)
        #expect(job.take() == claimer)
        #expect(runs.count.load(ordering: .relaxed) == 1)
    }

    @Test func anUnclaimedJobRunsWhereItsValueIsAsked() {
        let runs = Runs()
        let job = runs.job()
        #expect(job.value == UInt(pthread_self()))
        #expect(runs.count.load(ordering: .relaxed) == 1)
    }

    @Test func racingClaimsAndReadsRunItOnce() {
        for _ in 0..<200 {
            let runs = Runs()
            let job = runs.job()
            let readers = (0..<4).map { index in
                BackgroundJob { () -> UInt in
                    if index % 2 == 0 { job.claim() }
                    return job.value
                }
            }
            let values = Set(readers.map(\.value))
            #expect(values.count == 1)
            #expect(runs.count.load(ordering: .relaxed) == 1)
        }
    }

    /// Only a large root file read for its findings (a lint: no syntax tree kept) is deferred,
    /// not a small one nor one whose tree is kept; the lint's analysis gives the parser's comments
    /// and findings for the root and for a large included file (scanned on a thread of its own).
    @Test func onlyALargeRootReadForFindingsIsDeferred() {
        let large = String(repeating: "vrrp_script chk {\n    script \"/bin/true\"\n}\n", count: 8_000) + "include /inc.conf\n"
        let included = String(repeating: "! comment\n", count: 40_000)
        let files = InMemoryFileSystem(files: ["/large.conf": large, "/small.conf": "a b\n", "/inc.conf": included])
        for (path, keepsTrees, deferred) in [("/large.conf", false, true), ("/small.conf", false, false), ("/large.conf", true, false)] {
            var options = ExpansionOptions()
            options.keepsSyntaxTrees = keepsTrees
            var reader = LineReader(fileSystem: files, options: options, preloaded: [:])
            reader.backgroundParseBytes = AnalysisPipeline.standard.minimumBytes
            Expander.openRoot(&reader, path: path)
            #expect((reader.rootScan != nil) == deferred, "\(path), trees kept: \(keepsTrees)")
        }
        // The lint's analysis of the large file: its comments and findings as the parser gives them.
        var lean = ExpansionOptions()
        lean.keepsSyntaxTrees = false
        let node = Analyzer.analyze(path: "/large.conf", options: lean, fileSystem: files)
        let full = Analyzer.analyze(path: "/large.conf", options: ExpansionOptions(), fileSystem: files)
        #expect(node.expanded.files.mapValues(\.comments) == full.expanded.files.mapValues(\.comments))
        #expect(node.frontEndDiagnostics == full.frontEndDiagnostics)
        #expect(node.expanded.files["/inc.conf"]?.comments.count == 40_000)
    }
}
