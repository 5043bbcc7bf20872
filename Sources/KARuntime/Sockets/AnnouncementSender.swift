import Glibc
import CKARuntime
import KAVRRP

/// Sends gratuitous ARP and unsolicited NA frames out of an interface, over one `AF_PACKET`
/// `SOCK_RAW` socket shared by every interface (protocol 0 and a drop-all BPF filter: nothing is
/// ever received on it). Non-blocking: a full device queue is an error for the caller to log.
public final class AnnouncementSender {
    public private(set) var fd: Int32

    public init() throws {
        fd = socket(AF_PACKET, Int32(SOCK_RAW.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SystemError("socket(AF_PACKET, SOCK_RAW)") }
        guard ckaruntime_attach_drop_all_filter(fd) == 0 else {
            let error = SystemError("SO_ATTACH_FILTER")
            closeDescriptor(fd)
            throw error
        }
    }

    deinit { close() }

    public func close() {
        if fd >= 0 { closeDescriptor(fd) }
        fd = -1
    }

    /// Sends one whole Ethernet frame (from `AnnouncementFrames`) out of interface `ifindex`.
    public func send(_ frame: [UInt8], ifindex: Int32) throws {
        guard fd >= 0 else { throw SystemError("send frame: socket closed", code: EBADF) }
        while true {
            let sent = frame.withUnsafeBytes { ckaruntime_send_frame(fd, ifindex, $0.baseAddress, $0.count) }
            if sent < 0 {
                if errno == EINTR { continue }
                throw SystemError("send frame on ifindex \(ifindex)")
            }
            guard sent == frame.count else {
                throw SystemError("send frame on ifindex \(ifindex): sent \(sent) of \(frame.count) bytes", code: EMSGSIZE)
            }
            return
        }
    }

    /// Whether `interface` forwards `family` packets (`/proc/sys/net/ipv{4,6}/conf/IF/forwarding`,
    /// read in the calling thread's network namespace), for the NA Router flag. False when unreadable.
    public static func isForwarding(interface: String, family: AddressFamily) -> Bool {
        guard !interface.isEmpty, !interface.contains("/"), interface != ".", interface != ".." else { return false }
        let path = "/proc/sys/net/\(family == .ipv4 ? "ipv4" : "ipv6")/conf/\(interface)/forwarding"
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { closeDescriptor(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 16)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        let text = bytes[0..<count].prefix { $0 != 0x0A && $0 != 0x20 }
        return !text.isEmpty && !text.allSatisfy { $0 == 0x30 }
    }
}
