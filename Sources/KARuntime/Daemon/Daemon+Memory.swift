import CKARuntime
import KAConfig

extension Daemon {
    /// After a check (start, reload): the analysis' shared tables go back, and malloc returns the
    /// free pages the check left in its heap, so that the resident set is what the running
    /// instances need.
    func releaseAnalysisMemory() {
        AnalysisCaches.release()
        ckaruntime_malloc_trim()
    }
}
