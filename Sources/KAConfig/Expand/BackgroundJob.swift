import Foundation

/// A value computed on a thread of its own, waited for once. Large files are parsed and bound
/// this way while the expansion goes on; the result is the same as computing it in place, only
/// sooner on a machine with more than one core.
///
/// A dedicated thread, not a Dispatch queue: callers may already run on every worker of the
/// global pool (`FleetAnalysis`) and block here, which must never starve the job itself.
final class BackgroundJob<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var result: Value?

    /// Starts `work` at once on a new thread with a stack as large as the main thread's.
    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let value = work()
            condition.lock()
            result = value
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Blocks until the value is there.
    var value: Value {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }
}

/// A file's syntax tree: parsed already, or being parsed in the background.
enum PendingTree: Sendable {
    case ready(SyntaxTree)
    case parsing(BackgroundJob<SyntaxTree>, SourceFile)

    /// Parses the file in place, or on its own thread when it has at least `backgroundBytes`
    /// bytes (its line table is then built here first: the expansion needs it at once).
    init(path: String, bytes: [UInt8], backgroundBytes: Int) {
        if bytes.count >= backgroundBytes {
            let source = SourceFile(path: path, bytes: bytes)
            self = .parsing(BackgroundJob { Parser.parse(source) }, source)
        } else {
            self = .ready(Parser.parse(path: path, bytes: bytes))
        }
    }

    /// The source, available before the parse ends.
    var source: SourceFile {
        switch self {
        case .ready(let tree): tree.source
        case .parsing(_, let source): source
        }
    }

    var tree: SyntaxTree {
        switch self {
        case .ready(let tree): tree
        case .parsing(let job, _): job.value
        }
    }
}
