#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The IFA_PROTO value karun tags its addresses with: the "keepalived" entry of iproute2's
/// `rt_addrprotos` files, else 18, what keepalived (≥ 2.3.2, `set_addrproto`) uses then too, so
/// that either daemon recognises the other's addresses. keepalived 2.2.7 tags none of its
/// addresses; its routes and rules carry RTPROT_KEEPALIVED (18).
public enum AddressProtocolTable {
    /// keepalived's fallback when no file names it: RTPROT_KEEPALIVED's number.
    public static let keepalivedDefault: UInt8 = 18

    /// The files iproute2 and keepalived read, in keepalived's order (etc before usr).
    public static let searchPaths = [
        "/etc/iproute2/rt_addrprotos", "/etc/iproute2/rt_addrprotos.d",
        "/usr/share/iproute2/rt_addrprotos", "/usr/share/iproute2/rt_addrprotos.d",
        "/usr/lib/iproute2/rt_addrprotos", "/usr/lib/iproute2/rt_addrprotos.d",
    ]

    /// The number named `name` in the files on this host, or `keepalivedDefault`.
    public static func keepalivedProtocol(paths: [String] = searchPaths) -> UInt8 {
        for path in paths {
            for text in contents(of: path) {
                if let value = lookup("keepalived", in: text) { return value }
            }
        }
        return keepalivedDefault
    }

    /// `NUMBER NAME` lines (`#` starts a comment; numbers decimal or 0x hex), as iproute2 reads them.
    static func lookup(_ name: String, in text: String) -> UInt8? {
        for line in text.split(separator: "\n") {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count >= 2, words[1] == name else { continue }
            let number = words[0]
            let value = number.hasPrefix("0x") ? UInt8(number.dropFirst(2), radix: 16) : UInt8(number)
            if let value { return value }
        }
        return nil
    }

    /// A file's text, or the texts of a `.d` folder's `*.conf` files in name order.
    static func contents(of path: String) -> [String] {
        if path.hasSuffix(".d") {
            guard let folder = opendir(path) else { return [] }
            defer { closedir(folder) }
            var names: [String] = []
            while let entry = readdir(folder) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name.hasSuffix(".conf") { names.append(name) }
            }
            return names.sorted().compactMap { readText("\(path)/\($0)") }
        }
        return readText(path).map { [$0] } ?? []
    }

    static func readText(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 1 << 20 {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
