import Foundation
import Glibc
import KAAddress
@testable import KARuntime

/// A lab host listening on its eth0 for the IPv4 multicast adverts of one source (and VRID, when
/// given), noting when each arrived: how the reload tests see that no advert went missing.
final class AdvertListener {
    private let socket: VRRPSocket
    private let source: IPAddress
    private let virtualRouterID: UInt8?
    private(set) var arrivals: [Date] = []

    init(lab: KarunLab, host: String = "c", source: IPAddress, virtualRouterID: UInt8? = nil) throws {
        socket = try NetworkNamespace.with(lab.namespace(host)) {
            try VRRPSocket(family: .ipv4, interface: ("eth0", Int32(if_nametoindex("eth0"))))
        }
        self.source = source
        self.virtualRouterID = virtualRouterID
        do {
            try socket.join(group: .vrrpMulticastIPv4)
        } catch {
            socket.close()
            throw error
        }
    }

    deinit { socket.close() }

    /// Receives for `seconds`, waking at least every `pollMilliseconds`.
    func listen(for seconds: Double, pollMilliseconds: Int32 = 2) {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            var descriptor = pollfd(fd: socket.receiveFD, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, pollMilliseconds) > 0 else { continue }
            while let received = socket.receive() {
                guard case .datagram(let datagram) = received, datagram.source == source else { continue }
                if let virtualRouterID, datagram.payload.count < 2 || datagram.payload[1] != virtualRouterID { continue }
                arrivals.append(Date())
            }
        }
    }

    /// Seconds between consecutive arrivals.
    var gaps: [Double] { zip(arrivals.dropFirst(), arrivals).map { $0.timeIntervalSince($1) } }
}
