/// Hands the expander's lines to a binder on another thread, chunk by chunk, in order. The
/// expander never waits on it (the queue is unbounded), so the binder may wait for the end.
final class LineChunkChannel: @unchecked Sendable {
    private let condition = ConditionLock()
    // Guarded by `condition`.
    private var chunks: [[LogicalLine]] = []
    private var nextChunk = 0
    /// No more chunks will come (the expansion may still be collecting the files' trees).
    private var linesEnded = false
    private var finalDiagnostics: [Diagnostic]?
    /// Chunks the binder is done with, for the expansion to refill: a new array of a few hundred
    /// KB is a fresh mapping whose every page faults on first touch (about 1,400 faults for the
    /// lines of a 5,000-instance file), while a reused one is mapped already.
    private var spares: [[LogicalLine]] = []
    /// Chunks walked after the last was sent, for the expansion's thread to destroy: it is idle
    /// then, waiting for the walk, while the binder's thread is the one the analysis waits on
    /// (destroying a chunk releases the words of each of its lines).
    private var discarded: [[LogicalLine]] = []
    /// The binder has taken and given back every chunk.
    private var walkEnded = false

    /// Queues `chunk` and leaves in its place a chunk the binder gave back (empty when none is).
    func send(_ chunk: inout [LogicalLine]) {
        var spare: [LogicalLine] = []
        condition.lock()
        if let given = spares.popLast() { spare = given }
        swap(&spare, &chunk)
        chunks.append(spare)
        condition.broadcast()
        condition.unlock()
    }

    /// A chunk the binder has walked, to be reused by `send`'s caller; once no more chunks
    /// will be sent, it is discarded instead (spares held to the end would only add to the peak).
    func giveBack(_ chunk: consuming [LogicalLine]) {
        condition.lock()
        if linesEnded {
            discarded.append(chunk)
            condition.broadcast()
        } else {
            spares.append(chunk)
        }
        condition.unlock()
    }

    /// The binder has given back its last chunk.
    func endWalk() {
        condition.lock()
        walkEnded = true
        condition.broadcast()
        condition.unlock()
    }

    /// Destroys the chunks the binder discards, as they come, until it has given back its last.
    func destroyDiscardedUntilWalkEnds() {
        while true {
            condition.lock()
            while discarded.isEmpty && !walkEnded { condition.wait() }
            let batch = discarded
            discarded = []
            let ended = walkEnded
            condition.unlock()
            // Destroyed here, outside the lock.
            withExtendedLifetime(batch) {}
            if ended && batch.isEmpty { return }
        }
    }

    /// The last chunk is sent: the binder can end its walk and build the model while the
    /// expansion waits for the syntax trees (which only the diagnostics need).
    func endLines() { end(diagnostics: nil) }

    /// The expansion ended: no more chunks; its diagnostics (with every file's syntax diagnostics).
    func finish(diagnostics: [Diagnostic]) { end(diagnostics: diagnostics) }

    /// No more chunks; the spares are dropped (freed after the lock is released).
    private func end(diagnostics: [Diagnostic]?) {
        condition.lock()
        linesEnded = true
        let unused = spares
        spares = []
        if let diagnostics { finalDiagnostics = diagnostics }
        condition.broadcast()
        condition.unlock()
        withExtendedLifetime(unused) {}
    }

    /// The next chunk, waiting for it; nil once every chunk is taken and no more will come.
    func next() -> [LogicalLine]? {
        condition.lock()
        defer { condition.unlock() }
        while nextChunk == chunks.count && !linesEnded { condition.wait() }
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
