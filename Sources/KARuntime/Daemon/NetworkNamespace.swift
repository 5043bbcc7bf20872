#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CKARuntime

/// Runs code with the calling thread inside a named network namespace (`ip netns` names, under
/// /run/netns), then returns it to the namespace it was in. Sockets opened inside stay in that
/// namespace after the thread leaves, which is how tests talk to their lab hosts and how
/// keepalived's `net_namespace` keyword is served.
public enum NetworkNamespace {
    public static func path(of name: String) -> String { "/run/netns/\(name)" }

    /// Moves the calling thread into `name` for the duration of `body` (no suspension inside).
    public static func with<T>(_ name: String, _ body: () throws -> T) throws -> T {
        try with(path: path(of: name), body)
    }

    /// Moves the calling thread into the namespace at `path` (`/proc/1/ns/net`) for `body`.
    public static func with<T>(path: String, _ body: () throws -> T) throws -> T {
        let original = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC)
        guard original >= 0 else { throw SystemError("open /proc/thread-self/ns/net") }
        defer { close(original) }
        let target = open(path, O_RDONLY | O_CLOEXEC)
        guard target >= 0 else { throw SystemError("open \(path)") }
        defer { close(target) }
        guard ckaruntime_setns_net(target) == 0 else { throw SystemError("setns \(path)") }
        defer { _ = ckaruntime_setns_net(original) }
        return try body()
    }

    /// Moves the calling thread into `name` for good (karun's `--namespace`, before it starts).
    public static func enter(_ name: String) throws {
        let target = open(path(of: name), O_RDONLY | O_CLOEXEC)
        guard target >= 0 else { throw SystemError("open \(path(of: name))") }
        defer { close(target) }
        guard ckaruntime_setns_net(target) == 0 else { throw SystemError("setns \(name)") }
    }
}
