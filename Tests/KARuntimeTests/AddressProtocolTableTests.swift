import Foundation
import Testing
@testable import KARuntime

/// The IFA_PROTO value karun tags addresses with: iproute2's rt_addrprotos entry "keepalived",
/// as keepalived ≥ 2.3.2 looks it up, else 18.
@Suite struct AddressProtocolTableTests {
    @Test func readsTheKeepalivedEntryAsIproute2Writes() {
        let text = """
            # reserved values
            0\tunspecified
            1\tkernel_lo
            0x2 kernel_ra   # hex
            42\tkeepalived\t# added by keepalived
            """
        #expect(AddressProtocolTable.lookup("keepalived", in: text) == 42)
        #expect(AddressProtocolTable.lookup("kernel_ra", in: text) == 2)
        #expect(AddressProtocolTable.lookup("bird", in: text) == nil)
        #expect(AddressProtocolTable.lookup("keepalived", in: "# 42 keepalived\n300 keepalived\n") == nil, "comments and out-of-range numbers")
    }

    @Test func fallsBackTo18AndReadsDotDFolders() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("addrprotos-\(getpid())").path
        try FileManager.default.createDirectory(atPath: "\(directory)/rt_addrprotos.d", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(AddressProtocolTable.keepalivedProtocol(paths: ["\(directory)/rt_addrprotos", "\(directory)/rt_addrprotos.d"]) == 18)
        try "99 keepalived\n".write(toFile: "\(directory)/rt_addrprotos.d/keepalived.conf", atomically: true, encoding: .utf8)
        try "3 kernel_ll\n".write(toFile: "\(directory)/rt_addrprotos", atomically: true, encoding: .utf8)
        #expect(AddressProtocolTable.keepalivedProtocol(paths: ["\(directory)/rt_addrprotos", "\(directory)/rt_addrprotos.d"]) == 99)
    }
}
