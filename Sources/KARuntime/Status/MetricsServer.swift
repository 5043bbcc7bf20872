#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CKARuntime
import KAVRRP

/// Where `--metrics` listens: `ADDR:PORT`, `[V6ADDR]:PORT` or just `PORT` (loopback).
public struct MetricsEndpoint: Sendable, Hashable, CustomStringConvertible {
    public var address: IPAddress
    public var port: UInt16

    public init(address: IPAddress, port: UInt16) {
        self.address = address
        self.port = port
    }

    /// nil when the text is not an address and port.
    public init?(parsing text: String) {
        var host = "127.0.0.1"
        var portText = text
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            portText = String(rest.dropFirst())
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = String(text[text.index(after: colon)...])
        }
        guard let address = IPAddress(host), let port = UInt16(portText) else { return nil }
        self.init(address: address, port: port)
    }

    public var isLoopback: Bool {
        let bytes = address.bytes
        if address.family == .ipv4 { return bytes.first == 127 }
        return bytes == [UInt8](repeating: 0, count: 15) + [1]
    }

    public var description: String {
        address.family == .ipv4 ? "\(address):\(port)" : "[\(address)]:\(port)"
    }
}

/// A small HTTP/1.1 responder on the event loop for Prometheus scrapes: non-blocking sockets,
/// one response per connection (`Connection: close`), no threads. `GET /metrics` answers the
/// exposition text; anything else gets 404 (or 405 for other methods). A client has 5 s to send
/// its request and read the answer; at most 16 connections are open at once.
public final class MetricsServer {
    public let endpoint: MetricsEndpoint
    private let fd: Int32
    private unowned let loop: EventLoop
    private let render: () -> [UInt8]
    private var connections: [Int32: Connection] = [:]
    /// Scrapes answered (tests and the metrics themselves read it).
    public private(set) var scrapes = 0

    static let maximumConnections = 16
    static let maximumRequest = 8_192
    static let timeout = VRRPDuration.seconds(5)

    private struct Connection {
        var request: [UInt8] = []
        var response: [UInt8] = []
        var sent = 0
        var deadline: EventLoop.TimerToken?
    }

    public init(endpoint: MetricsEndpoint, loop: EventLoop, render: @escaping () -> [UInt8]) throws {
        self.endpoint = endpoint
        self.loop = loop
        self.render = render
        let family = endpoint.address.family == .ipv4 ? AF_INET : AF_INET6
        fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw SystemError("socket(metrics)") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        if family == AF_INET6 { setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &one, socklen_t(MemoryLayout<Int32>.size)) }
        let bound = Self.withSocketAddress(endpoint) { bind(fd, $0, $1) }
        guard bound == 0, listen(fd, 16) == 0 else {
            let error = SystemError("bind/listen \(endpoint)")
            close(fd)
            throw error
        }
        try loop.watch(fd: fd) { [unowned self] _ in self.acceptClients() }
    }

    deinit {
        for (client, connection) in connections {
            if let deadline = connection.deadline { loop.cancel(deadline) }
            loop.unwatch(fd: client)
            close(client)
        }
        loop.unwatch(fd: fd)
        close(fd)
    }

    /// The port actually bound (when the endpoint asked for port 0).
    public var boundPort: UInt16 {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return withUnsafeBytes(of: &storage) { bytes in UInt16(bytes[2]) << 8 | UInt16(bytes[3]) }
    }

    private func acceptClients() {
        while true {
            let client = accept(fd, nil, nil)
            guard client >= 0 else { return }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
            guard connections.count < Self.maximumConnections else {
                close(client)
                continue
            }
            var connection = Connection()
            connection.deadline = loop.schedule(after: Self.timeout) { [unowned self] in self.finish(client) }
            connections[client] = connection
            do {
                try loop.watch(fd: client) { [unowned self] events in self.ready(client, events: events) }
            } catch {
                finish(client)
            }
        }
    }

    private func ready(_ client: Int32, events: UInt32) {
        guard var connection = connections[client] else { return }
        if !connection.response.isEmpty {
            connections[client] = connection
            flush(client)
            return
        }
        var buffer = [UInt8](repeating: 0, count: 2_048)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                connection.request += buffer[0..<count]
                if connection.request.count > Self.maximumRequest { break }
                continue
            }
            if count == 0 {
                // The peer closed before a full request: nothing to answer.
                if !Self.headerComplete(connection.request) {
                    finish(client)
                    return
                }
            } else if errno == EINTR {
                continue
            }
            break
        }
        guard Self.headerComplete(connection.request) || connection.request.count > Self.maximumRequest else {
            connections[client] = connection
            return
        }
        connection.response = respond(to: connection.request)
        connections[client] = connection
        do {
            try loop.watch(fd: client, events: UInt32(EPOLLOUT.rawValue)) { [unowned self] events in self.ready(client, events: events) }
        } catch {
            finish(client)
            return
        }
        flush(client)
    }

    private func flush(_ client: Int32) {
        guard var connection = connections[client] else { return }
        while connection.sent < connection.response.count {
            let written = connection.response[connection.sent...].withUnsafeBytes {
                send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                connection.sent += written
            } else if written < 0, errno == EINTR {
                continue
            } else if written < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                connections[client] = connection
                return
            } else {
                break
            }
        }
        connections[client] = connection
        finish(client)
    }

    private func finish(_ client: Int32) {
        guard let connection = connections.removeValue(forKey: client) else { return }
        if let deadline = connection.deadline { loop.cancel(deadline) }
        loop.unwatch(fd: client)
        shutdown(client, Int32(SHUT_WR))
        close(client)
    }

    static func headerComplete(_ request: [UInt8]) -> Bool {
        guard request.count >= 4 else { return false }
        for index in 0...(request.count - 4) where request[index] == 13 && request[index + 1] == 10
            && request[index + 2] == 13 && request[index + 3] == 10 {
            return true
        }
        return false
    }

    private func respond(to request: [UInt8]) -> [UInt8] {
        let line = request.prefix { $0 != 13 && $0 != 10 }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ")
        guard request.count <= Self.maximumRequest, words.count >= 2 else {
            return Self.response(status: "400 Bad Request", type: "text/plain", body: "bad request\n", head: false)
        }
        let method = words[0]
        let path = words[1].split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        guard method == "GET" || method == "HEAD" else {
            return Self.response(status: "405 Method Not Allowed", type: "text/plain", body: "GET only\n", head: false, extra: "Allow: GET, HEAD\r\n")
        }
        switch path {
        case "/metrics":
            scrapes += 1
            return Self.response(status: "200 OK", type: "text/plain; version=0.0.4; charset=utf-8", body: render(), head: method == "HEAD")
        case "/":
            return Self.response(status: "200 OK", type: "text/plain", body: "karun: metrics at /metrics\n", head: method == "HEAD")
        default:
            return Self.response(status: "404 Not Found", type: "text/plain", body: "not found\n", head: method == "HEAD")
        }
    }

    static func response(status: String, type: String, body: String, head: Bool, extra: String = "") -> [UInt8] {
        response(status: status, type: type, body: Array(body.utf8), head: head, extra: extra)
    }

    static func response(status: String, type: String, body bytes: [UInt8], head: Bool, extra: String = "") -> [UInt8] {
        let header = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(bytes.count)\r\n\(extra)Connection: close\r\n\r\n"
        return Array(header.utf8) + (head ? [] : bytes)
    }

    static func withSocketAddress<T>(_ endpoint: MetricsEndpoint, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        let bytes = endpoint.address.bytes
        if endpoint.address.family == .ipv4 {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = endpoint.port.bigEndian
            withUnsafeMutableBytes(of: &address.sin_addr) { for index in 0..<4 { $0[index] = bytes[index] } }
            return withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = endpoint.port.bigEndian
        withUnsafeMutableBytes(of: &address.sin6_addr) { for index in 0..<16 { $0[index] = bytes[index] } }
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
        }
    }
}
