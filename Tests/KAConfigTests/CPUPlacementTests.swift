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

    /// The binder's job (`BackgroundJob(besideCaller:)`) may run on every CPU the caller may,
    /// less one: the one the caller was on as it started the job. A plain job keeps them all.
    @Test func aJobBesideItsCallerLeavesTheCallersCPU() {
        #if os(Linux)
            let allowed = Self.allowedCPUs()
            let beside = BackgroundJob(besideCaller: true) { Self.allowedCPUs() }.value
            let plain = BackgroundJob { Self.allowedCPUs() }.value
            #expect(plain == allowed)
            if allowed.count > 1 {
                #expect(beside.count == allowed.count - 1)
                #expect(Set(beside).isSubset(of: Set(allowed)))
            } else {
                #expect(beside == allowed)
            }
        #endif
    }
}
