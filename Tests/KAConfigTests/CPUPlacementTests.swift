import Testing
@testable import KAConfig

#if canImport(Glibc)
    import Glibc
#endif

/// `CPUPlacement` keeps the two threads of a pipeline on two CPUs: the expansion's held on its
/// own, the binder (and the findings scan) started off it. A process that may run on a single
/// CPU is left as it is.
@Suite struct CPUPlacementTests {
    /// The CPUs the calling thread may run on (of the first 1,024).
    static func allowedCPUs() -> [Int32] { (0..<1024).filter { CPUPlacement.mayRun(on: $0) == true } }

    /// What a thread started with `avoiding` may run on, and where it runs.
    static func started(avoiding cpu: Int32?) -> (allowed: [Int32], runsOn: Int32?) {
        let seen = OneShot<(allowed: [Int32], runsOn: Int32?)>()
        startDetachedThread(stackSize: 1 << 20, avoiding: cpu) {
            seen.set((Self.allowedCPUs(), CPUPlacement.currentCPU()))
        }
        return seen.value
    }

    @Test func aThreadStartedOffACPUNeverRunsThere() throws {
        #if os(Linux)
            let allowed = Self.allowedCPUs()
            let cpu = try #require(CPUPlacement.currentCPU())
            #expect(allowed.contains(cpu))
            let thread = Self.started(avoiding: cpu)
            if allowed.count > 1 {
                #expect(thread.allowed == allowed.filter { $0 != cpu })
                #expect(thread.runsOn != cpu)
            } else {
                #expect(thread.allowed == allowed)
            }
            // The starting thread is unchanged.
            #expect(Self.allowedCPUs() == allowed)
        #endif
    }

    /// The CPUs of the last thread of a chain, each thread started off the next of `cpus` by
    /// the one before, and what the last thread may run on itself.
    static func chain(avoiding cpus: ArraySlice<Int32>) -> [Int32] {
        guard let first = cpus.first else { return allowedCPUs() }
        let seen = OneShot<[Int32]>()
        startDetachedThread(stackSize: 1 << 20, avoiding: first) { seen.set(chain(avoiding: cpus.dropFirst())) }
        return seen.value
    }

    /// Started from a thread that may run on one CPU only (not held), a thread keeps that CPU
    /// even when asked to avoid it: it needs somewhere to run. (Threads started off every other
    /// CPU in turn leave the last one alone.)
    @Test func aSingleCPUIsLeftAlone() throws {
        #if os(Linux)
            let allowed = Self.allowedCPUs()
            let last = try #require(allowed.last)
            #expect(Self.chain(avoiding: allowed.dropLast()[...]) == [last])
            #expect(Self.chain(avoiding: allowed[...]) == [last])
        #endif
    }

    @Test func anUnknownCPUChangesNothing() {
        #if os(Linux)
            let allowed = Self.allowedCPUs()
            #expect(Self.started(avoiding: nil).allowed == allowed)
            #expect(Self.started(avoiding: -1).allowed == allowed)
            #expect(Self.started(avoiding: 1 << 20).allowed == allowed)
            #expect(CPUPlacement.mayRun(on: -1) == nil)
            #expect(!CPUPlacement.hold(on: nil))
            #expect(!CPUPlacement.hold(on: -1))
        #endif
    }

    /// The binder's job (`BackgroundJob(avoiding:)`) may run on every CPU the caller may, less
    /// the one named; a plain job keeps them all.
    @Test func aJobAvoidingACPULeavesIt() throws {
        #if os(Linux)
            let allowed = Self.allowedCPUs()
            let cpu = try #require(allowed.first)
            let avoiding = BackgroundJob(avoiding: cpu) { Self.allowedCPUs() }.value
            let plain = BackgroundJob { Self.allowedCPUs() }.value
            #expect(plain == allowed)
            #expect(avoiding == (allowed.count > 1 ? Array(allowed.dropFirst()) : allowed))
        #endif
    }

    /// A held thread may run on its CPU alone until released, then on all it could before. A
    /// thread it starts meanwhile may run on those too, not only on the held CPU, and one it
    /// starts off the held CPU (the binder) on all of them but that one.
    @Test func aHeldThreadGetsItsCPUsBack() throws {
        #if os(Linux)
            typealias Seen = (
                allowed: [Int32], held: Bool, whileHeld: [Int32], started: [Int32], startedOff: [Int32],
                heldTwice: Bool, released: [Int32]
            )
            let seen = OneShot<Seen>()
            startDetachedThread(stackSize: 1 << 20) {
                let allowed = Self.allowedCPUs()
                let cpu = allowed.last
                let held = CPUPlacement.hold(on: cpu)
                let whileHeld = Self.allowedCPUs()
                let started = Self.started(avoiding: nil).allowed
                let startedOff = Self.started(avoiding: cpu).allowed
                let heldTwice = CPUPlacement.hold(on: allowed.first)
                CPUPlacement.release()
                seen.set((allowed, held, whileHeld, started, startedOff, heldTwice, Self.allowedCPUs()))
            }
            let thread = seen.value
            #expect(thread.held == (thread.allowed.count > 1))
            #expect(thread.whileHeld == (thread.held ? Array(thread.allowed.suffix(1)) : thread.allowed))
            #expect(thread.started == thread.allowed)
            #expect(thread.startedOff == (thread.held ? Array(thread.allowed.dropLast()) : thread.allowed))
            #expect(!thread.heldTwice)
            #expect(thread.released == thread.allowed)
        #endif
    }

    /// A pipeline started alone holds its thread on its CPU and names it for the binder to
    /// avoid; one started while another runs changes nothing (a fleet's workers); each gives its
    /// CPUs back.
    @Test func onlyALonePipelineIsPlaced() throws {
        #if os(Linux)
            typealias Seen = (
                allowed: [Int32], first: CPUPlacement.Pipeline, whileFirst: [Int32], second: CPUPlacement.Pipeline,
                afterBoth: [Int32]
            )
            let seen = OneShot<Seen>()
            startDetachedThread(stackSize: 1 << 20) {
                let allowed = Self.allowedCPUs()
                let first = CPUPlacement.startPipeline()
                let whileFirst = Self.allowedCPUs()
                let second = CPUPlacement.startPipeline()
                second.end()
                first.end()
                seen.set((allowed, first, whileFirst, second, Self.allowedCPUs()))
            }
            let thread = seen.value
            #expect(!thread.second.isAlone)
            #expect(thread.second.cpu == nil)
            #expect(thread.afterBoth == thread.allowed)
            // Another test may run a pipeline at the same moment: this one is then not alone.
            if thread.first.isAlone, thread.allowed.count > 1 {
                let cpu = try #require(thread.first.cpu)
                #expect(thread.whileFirst == [cpu])
            } else if !thread.first.isAlone {
                #expect(thread.first.cpu == nil)
                #expect(thread.whileFirst == thread.allowed)
            }
        #endif
    }
}
