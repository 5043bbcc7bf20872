import CKAThread

/// Keeps a helper thread off the CPU of the thread it works beside.
///
/// Two threads that hand work to each other (the expansion and the binder, a parallel loop's
/// threads) gain only when they run on two cores at once. A scheduler that packs tasks onto few
/// virtual CPUs (the kernel of the VMs this project is measured on does: `sched_vcpu_pack`)
/// puts a thread woken by another on the waker's CPU and leaves the other CPU idle: the two
/// then take turns on one core. At 5,000 instances that took the expansion's stage from about
/// 15 ms to anywhere up to 34 ms from one run to the next.
///
/// The helper is only kept off one CPU: the scheduler still chooses among all the others, and
/// a process allowed a single CPU is left as it is.
package enum CPUPlacement {
    /// The CPU the calling thread is on at this moment (nil where that is not known).
    package static func currentCPU() -> Int32? {
        let cpu = ka_current_cpu()
        return cpu < 0 ? nil : cpu
    }

    /// Keeps the calling thread off `cpu` when it may run on another one. Returns whether it
    /// did (nil `cpu`, or a single allowed CPU: nothing changes).
    @discardableResult
    package static func avoid(_ cpu: Int32?) -> Bool {
        guard let cpu else { return false }
        return ka_avoid_cpu(cpu) == 1
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
