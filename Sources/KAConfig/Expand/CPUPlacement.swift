import CKAThread
import Synchronization

/// Keeps two threads that hand work to each other on two CPUs.
///
/// The expansion and the binder gain only when they run on two cores at once. A scheduler that
/// packs tasks onto few virtual CPUs (the kernel of the VMs this project is measured on does:
/// `sched_vcpu_pack`) puts a thread woken by another on the waker's CPU and leaves the other
/// CPU idle: the two then take turns on one core. At 5,000 instances that took the expansion's
/// stage from about 15 ms to anywhere up to 34 ms from one run to the next. Keeping only the
/// binder off the expansion's CPU was not enough: the expansion, woken by the binder, could
/// follow it to its CPU; so the expansion's thread is also held on its own CPU while the two
/// work, until the model is built (about 25 ms at 5,000 instances), then given its CPUs back.
///
/// The thread that scans a large included file for its findings (`PendingFile`) keeps off the
/// expansion's CPU as well: at equal priority it took turns with the expansion there, about
/// 2 ms of a 5,000-instance run. (The root file's scan has no thread: the binder runs it
/// before the first lines reach it, see `LineReader.rootScan`.) So do `ParallelWork`'s helpers
/// off their caller's: a helper placed beside its caller could wait until the caller had taken
/// every index.
///
/// Each thread gets its CPUs in its attributes, before it starts (`threadAttributes`).
///
/// The binder is only kept off one CPU: the scheduler still chooses among all the others. A
/// process allowed a single CPU is left as it is, and so is every pipeline but the first when
/// several run at once (a fleet's workers fill the CPUs already; two held on one CPU would
/// take turns there).
package enum CPUPlacement {
    /// The pipelines that run now.
    private static let pipelines = Atomic<Int>(0)

    /// Starts a pipeline on the calling thread: when it is the only one, the calling thread is
    /// held on its CPU and `cpu` names that CPU for the helper to avoid. `end()` on the same
    /// thread gives the CPUs back. Threads the held thread starts meanwhile (the binder) begin
    /// with the CPUs it had before (see `threadAttributes`).
    package static func startPipeline() -> Pipeline {
        let (previous, _) = pipelines.add(1, ordering: .relaxed)
        let isAlone = previous == 0
        guard isAlone, let cpu = currentCPU(), hold(on: cpu) else {
            return Pipeline(isAlone: isAlone, cpu: nil)
        }
        return Pipeline(isAlone: isAlone, cpu: cpu)
    }

    /// A pipeline started by `startPipeline`.
    package struct Pipeline: Sendable {
        /// No other pipeline ran when this one started.
        package let isAlone: Bool
        /// The CPU the calling thread is held on and the pipeline's helper keeps off (nil: none).
        package let cpu: Int32?

        /// Gives the calling thread its CPUs back, on the thread that started the pipeline.
        package func end() {
            if cpu != nil { release() }
            CPUPlacement.pipelines.subtract(1, ordering: .relaxed)
        }
    }

    /// The CPU the calling thread is on at this moment (nil where that is not known).
    package static func currentCPU() -> Int32? {
        let cpu = ka_current_cpu()
        return cpu < 0 ? nil : cpu
    }

    /// Keeps the calling thread on `cpu` alone until `release()`, when it may run on another CPU
    /// too and is not held already. Returns whether it did.
    @discardableResult
    package static func hold(on cpu: Int32?) -> Bool {
        guard let cpu else { return false }
        return ka_hold_on_cpu(cpu) == 1
    }

    /// Gives a held calling thread back the CPUs it had before `hold(on:)`.
    package static func release() { ka_release_cpu() }

    /// For a thread the calling thread starts: the CPUs the caller may run on (those it had
    /// before it was held, when it is held: not the one CPU it would inherit), less `avoid`.
    /// Set before the thread starts, so that the kernel places it there at once.
    static func threadAttributes(_ attributes: inout pthread_attr_t, avoiding avoid: Int32?) {
        _ = ka_thread_attributes(&attributes, avoid ?? -1)
    }

    /// Whether the calling thread may run on `cpu` (nil where that is not known).
    package static func mayRun(on cpu: Int32) -> Bool? {
        switch ka_may_run_on(cpu) {
        case 1: true
        case 0: false
        default: nil
        }
    }
}
