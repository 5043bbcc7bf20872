#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CKARuntime

/// What the kernel's process events connector says (linux/cn_proc.h), for processes only (thread
/// group leaders); threads are left out.
public enum ProcessEvent: Hashable, Sendable {
    case fork(parent: Int32, child: Int32)
    case exec(Int32)
    case comm(Int32, String)
    case exit(Int32)
    /// The socket's buffer overflowed: events were lost, every process must be read again.
    case lost
}

/// A NETLINK_CONNECTOR socket subscribed to process events (fork, exec, comm, exit), as
/// keepalived's track_process listens (CONFIG_PROC_EVENTS, root). The connector exists in the
/// initial network namespace only: when karun runs in another one, the socket is opened in the
/// namespace of PID 1 (it carries events of every process all the same).
final class ProcConnector {
    let fd: Int32
    /// Reused for every datagram (a busy host sends events all the time).
    private var buffer = [UInt8](repeating: 0, count: 8192)

    // linux/connector.h, linux/cn_proc.h
    static let processIndex: UInt32 = 1
    static let forkEvent: UInt32 = 0x0000_0001
    static let execEvent: UInt32 = 0x0000_0002
    static let commEvent: UInt32 = 0x0000_0200
    static let exitEvent: UInt32 = 0x8000_0000

    /// Opens and subscribes; throws when the kernel has no connector here or in PID 1's namespace.
    init() throws {
        do {
            fd = try Self.openSubscribed()
        } catch {
            // Another network namespace: the connector lives in the initial one.
            fd = try NetworkNamespace.with(path: "/proc/1/ns/net") { try Self.openSubscribed() }
        }
    }

    deinit { ckaruntime_proc_connector_close(fd) }

    private static func openSubscribed() throws -> Int32 {
        let fd = ckaruntime_proc_connector_open()
        guard fd >= 0 else { throw SystemError("process events connector (NETLINK_CONNECTOR, CN_IDX_PROC)") }
        return fd
    }

    /// Every event waiting (the socket is non-blocking).
    func receive() -> [ProcessEvent] {
        var events: [ProcessEvent] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == ENOBUFS { events.append(.lost); continue }
                return events
            }
            if count == 0 { return events }
            Self.parse(buffer[..<count], into: &events)
        }
    }

    /// The events of one datagram (one or more netlink messages).
    static func parse(_ bytes: ArraySlice<UInt8>, into events: inout [ProcessEvent]) {
        func u32(_ offset: Int) -> UInt32? {
            guard offset >= 0, offset + 4 <= bytes.count else { return nil }
            let base = bytes.startIndex + offset
            return UInt32(bytes[base]) | UInt32(bytes[base + 1]) << 8 | UInt32(bytes[base + 2]) << 16 | UInt32(bytes[base + 3]) << 24
        }
        var offset = 0
        while let length = u32(offset).map(Int.init), length >= 16, offset + length <= bytes.count {
            // nlmsghdr (16), cn_msg (20), proc_event: what, cpu, timestamp (16), then the data.
            let event = offset + 36
            let data = event + 16
            if u32(offset + 16) == processIndex, let what = u32(event) {
                switch what {
                case forkEvent:
                    if let parent = u32(data + 4), let child = u32(data + 8), let childGroup = u32(data + 12), child == childGroup {
                        events.append(.fork(parent: Int32(bitPattern: parent), child: Int32(bitPattern: child)))
                    }
                case execEvent:
                    if let pid = u32(data), let group = u32(data + 4), pid == group { events.append(.exec(Int32(bitPattern: pid))) }
                case commEvent:
                    if let pid = u32(data), let group = u32(data + 4), pid == group, data + 24 <= bytes.count {
                        let start = bytes.startIndex + data + 8
                        let raw = bytes[start..<(start + 16)]
                        let name = String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                        events.append(.comm(Int32(bitPattern: pid), name))
                    }
                case exitEvent:
                    if let pid = u32(data), let group = u32(data + 4), pid == group { events.append(.exit(Int32(bitPattern: pid))) }
                default:
                    break
                }
            }
            // NLMSG_ALIGN
            offset += (length + 3) & ~3
        }
    }
}
