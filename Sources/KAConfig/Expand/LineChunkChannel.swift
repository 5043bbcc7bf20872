import Foundation

/// Hands the expander's lines to a binder on another thread, chunk by chunk, in order. The
/// expander never waits on it (the queue is unbounded), so the binder may wait for the end.
final class LineChunkChannel: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var chunks: [[LogicalLine]] = []
    private var nextChunk = 0
    private var finalDiagnostics: [Diagnostic]?

    func send(_ chunk: [LogicalLine]) {
        condition.lock()
        chunks.append(chunk)
        condition.broadcast()
        condition.unlock()
    }

    /// The expansion ended: no more chunks; its diagnostics (with every file's syntax diagnostics).
    func finish(diagnostics: [Diagnostic]) {
        condition.lock()
        finalDiagnostics = diagnostics
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, waiting for it; nil once every chunk is taken and the expansion ended.
    func next() -> [LogicalLine]? {
        condition.lock()
        defer { condition.unlock() }
        while nextChunk == chunks.count && finalDiagnostics == nil { condition.wait() }
        guard nextChunk < chunks.count else { return nil }
        // Taken chunks are released at once: the binder holds the only other reference.
        let chunk = chunks[nextChunk]
        chunks[nextChunk] = []
        nextChunk += 1
        return chunk
    }

    /// The expansion's diagnostics, waiting for its end.
    func diagnostics() -> [Diagnostic] {
        condition.lock()
        defer { condition.unlock() }
        while finalDiagnostics == nil { condition.wait() }
        return finalDiagnostics!
    }
}
