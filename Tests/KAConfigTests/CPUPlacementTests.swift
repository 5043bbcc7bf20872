import Testing
@testable import KAConfig

#if canImport(Glibc)
    import Glibc
#endif

/// `CPUPlacement` keeps a helper thread off the CPU of the thread it works beside (the binder
/// off the expansion's), and leaves a thread that may run on a single CPU as it is.
@Suite struct CPUPlacementTests {
    /// The CPUs the calling thread may run on (of the first 1,024).
    static func allowedCPUs() -> [Int32] { (0..<1024).filter { CPUPlacement.mayRun(on: $0) == true } }

    @Test func helperKeepsOffTheGivenCPU() throws {
        #if os(Linux)
            let caller = try #require(CPUPlacement.currentCPU())
            let allowed = Self.allowedCPUs()
            #expect(allowed.contains(caller))
            let seen = OneShot<(avoided: Bool, allowed: [Int32], runsOn: Int32?)>()
            startDetachedThread(stackSize: 1 << 20) {
                let avoided = CPUPlacement.avoid(caller)
                sched_yield()
                seen.set((avoided, Self.allowedCPUs(), CPUPlacement.currentCPU()))
            }
            let helper = seen.value
            if allowed.count > 1 {
                #expect(helper.avoided)
                #expect(helper.allowed == allowed.filter { $0 != caller })
                // The kernel moves a thread off a CPU it may no longer use at once.
                #expect(helper.runsOn != caller)
            } else {
                #expect(!helper.avoided)
                #expect(helper.allowed == allowed)
            }
            // Only the helper's own set changed.
            #expect(Self.allowedCPUs() == allowed)
        #endif
    }

    @Test func aThreadLeftOneCPUKeepsIt() throws {
        #if os(Linux)
            let seen = OneShot<(allowed: [Int32], lastAvoided: Bool, remaining: [Int32])>()
            startDetachedThread(stackSize: 1 << 20) {
                let allowed = Self.allowedCPUs()
                for cpu in allowed.dropLast() { CPUPlacement.avoid(cpu) }
                let lastAvoided = allowed.last.map { CPUPlacement.avoid($0) } ?? false
                seen.set((allowed, lastAvoided, Self.allowedCPUs()))
            }
            let helper = seen.value
            #expect(!helper.allowed.isEmpty)
            #expect(!helper.lastAvoided)
            #expect(helper.remaining == Array(helper.allowed.suffix(1)))
        #endif
    }

    @Test func anUnknownCPUChangesNothing() {
        let allowed = Self.allowedCPUs()
        #expect(!CPUPlacement.avoid(nil))
        #expect(!CPUPlacement.avoid(-1))
        #expect(!CPUPlacement.avoid(1 << 20))
        #expect(CPUPlacement.mayRun(on: -1) == nil)
        #expect(Self.allowedCPUs() == allowed)
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

    /// A held thread may run on its CPU alone until released, then on all it could before; a
    /// thread it starts meanwhile may run on those too (not only on the held CPU).
    @Test func aHeldThreadGetsItsCPUsBack() throws {
        #if os(Linux)
            let seen = OneShot<(allowed: [Int32], held: Bool, whileHeld: [Int32], started: [Int32], heldTwice: Bool, released: [Int32])>()
            startDetachedThread(stackSize: 1 << 20) {
                let allowed = Self.allowedCPUs()
                let held = CPUPlacement.hold(on: allowed.last)
                let whileHeld = Self.allowedCPUs()
                let started = OneShot<[Int32]>()
                startDetachedThread(stackSize: 1 << 20) { started.set(Self.allowedCPUs()) }
                let heldTwice = CPUPlacement.hold(on: allowed.first)
                CPUPlacement.release()
                seen.set((allowed, held, whileHeld, started.value, heldTwice, Self.allowedCPUs()))
            }
            let thread = seen.value
            #expect(thread.held == (thread.allowed.count > 1))
            #expect(thread.whileHeld == (thread.held ? Array(thread.allowed.suffix(1)) : thread.allowed))
            #expect(thread.started == thread.allowed)
            #expect(!thread.heldTwice)
            #expect(thread.released == thread.allowed)
            #expect(!CPUPlacement.hold(on: nil))
            #expect(!CPUPlacement.hold(on: -1))
        #endif
    }

    /// A pipeline started alone holds its thread on its CPU and names it for the binder to
    /// avoid; one started while another runs changes nothing (a fleet's workers); each gives its
    /// CPUs back.
    @Test func onlyALonePipelineIsPlaced() throws {
        #if os(Linux)
            let seen = OneShot<(allowed: [Int32], first: CPUPlacement.Pipeline, whileFirst: [Int32], second: CPUPlacement.Pipeline, afterBoth: [Int32])>()
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
