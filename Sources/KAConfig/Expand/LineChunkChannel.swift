/// Hands the expander's lines to a binder on another thread, chunk by chunk, in order. The
/// expander runs at most `maximumAhead` chunks ahead of the binder: past that it waits for one
/// to come back and refills it. The binder is the slower of the two, so the wait costs the
/// analysis nothing, while every chunk the expander ran ahead with was a new array of a few
/// hundred KB, each page faulting on first touch. Once the binder waits for the expansion's
/// end (a stray brace makes it ask for the syntax diagnostics), the expander no longer waits.
final class LineChunkChannel: @unchecked Sendable {
    private let condition = ConditionLock()
    private let maximumAhead: Int
    // Guarded by `condition`.
    /// Chunks sent and not given back yet (queued, or being walked).
    private var outstanding = 0
    /// The binder waits for the expansion's end (`diagnostics()`): the expander must not wait.
    private var binderAwaitsEnd = false
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

    init(maximumAhead: Int = 4) {
        self.maximumAhead = max(1, maximumAhead)
    }

    /// Queues `chunk` and leaves in its place a chunk the binder gave back (empty when none is,
    /// and fewer than `maximumAhead` are out).
    func send(_ chunk: inout [LogicalLine]) {
        condition.lock()
        while spares.isEmpty && outstanding >= maximumAhead && !binderAwaitsEnd { condition.wait() }
        var spare = spares.popLast() ?? []
        swap(&spare, &chunk)
        // Moved, not copied: a reference left here until this call returns made the chunk
        // shared when the binder, woken at once, began to write into it, and the binder copied
        // it (a new array, its pages faulting) while this thread freed the old.
        chunks.append(consume spare)
        outstanding += 1
        condition.broadcast()
        condition.unlock()
    }

    /// A chunk the binder has walked, to be reused by `send`'s caller; once no more chunks
    /// will be sent, it is discarded instead (spares held to the end would only add to the peak).
    func giveBack(_ chunk: consuming [LogicalLine]) {
        condition.lock()
        outstanding -= 1
        if linesEnded {
            discarded.append(chunk)
        } else {
            spares.append(chunk)
        }
        condition.broadcast()
        condition.unlock()
    }

    /// Destroys the chunks the binder discards, as they come, until it has given back the last
    /// (the lines ended and none is out). Called after `endLines` or `finish`.
    func destroyDiscardedUntilWalkEnds() {
        while true {
            condition.lock()
            while discarded.isEmpty && !(linesEnded && outstanding == 0) { condition.wait() }
            let batch = discarded
            discarded = []
            let ended = linesEnded && outstanding == 0
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
        if finalDiagnostics == nil {
            binderAwaitsEnd = true
            condition.broadcast()
        }
        while finalDiagnostics == nil { condition.wait() }
        return finalDiagnostics!
    }
}
