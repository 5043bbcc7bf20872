import KAConfig

/// `(0..<count).map(body)` on every core, results in index order: the rules of a large node
/// are independent of each other, and after the front end has finished the cores are free.
enum ParallelMap {
    /// The rules of one node are a few dozen of very unequal cost: past a few threads more only
    /// cost their start (a node of 10,000 statements or more starts them afresh).
    static let maximumThreads = 8

    static func map<Value: Sendable>(
        _ count: Int, threads: Int = min(FleetAnalysis.processorCount, maximumThreads), _ body: @Sendable (Int) -> Value
    ) -> [Value] {
        var results = [Value?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own index, so the writes never overlap.
            nonisolated(unsafe) let output = buffer
            ParallelWork.forEach(count, threads: threads) { index in
                output[index] = body(index)
            }
        }
        return results.map { $0! }
    }

    /// `(first(), second())`, side by side when `parallel`.
    static func both<First: Sendable, Second: Sendable>(
        parallel: Bool, _ first: @Sendable () -> First, _ second: @Sendable () -> Second
    ) -> (First, Second) {
        guard parallel else { return (first(), second()) }
        nonisolated(unsafe) var one: First?
        nonisolated(unsafe) var two: Second?
        ParallelWork.forEach(2, threads: 2) { index in
            if index == 0 { one = first() } else { two = second() }
        }
        return (one!, two!)
    }
}
