import Foundation
import Glibc

/// Test hosts: network namespaces joined by veth pairs or a bridge, built with iproute2 inside
/// the test and removed afterwards. Documentation addresses only (192.0.2.0/24, 2001:db8::/32).
final class Lab: @unchecked Sendable {
    /// True when this process may create namespaces (root); network tests skip, saying so, otherwise.
    static var isPrivileged: Bool { geteuid() == 0 }

    let prefix: String
    private(set) var namespaces: [String] = []

    /// `tag` keeps parallel tests apart; names stay under 15 characters for interface names too.
    init(_ tag: String) {
        prefix = "k\(tag.prefix(4))\(getpid() % 10_000)"
    }

    deinit { tearDown() }

    /// A new namespace with loopback up; its name is `prefix-suffix`.
    @discardableResult
    func host(_ suffix: String) throws -> String {
        let name = "\(prefix)\(suffix)"
        _ = try? Lab.run(["ip", "netns", "del", name])
        try Lab.check(["ip", "netns", "add", name])
        namespaces.append(name)
        try Lab.check(["ip", "-n", name, "link", "set", "lo", "up"])
        return name
    }

    /// A veth pair between two namespaces, both ends up, with the given addresses (CIDR) if any.
    func link(_ a: String, _ aName: String, _ b: String, _ bName: String, addresses: [String: [String]] = [:]) throws {
        try Lab.check(["ip", "-n", a, "link", "add", aName, "type", "veth", "peer", "name", bName, "netns", b])
        for (namespace, interface) in [(a, aName), (b, bName)] {
            for address in addresses[interface] ?? [] {
                let extra = address.contains(":") ? ["nodad"] : []
                try Lab.check(["ip", "-n", namespace, "addr", "add", address, "dev", interface] + extra)
            }
            try Lab.check(["ip", "-n", namespace, "link", "set", interface, "up"])
        }
    }

    func tearDown() {
        for namespace in namespaces.reversed() { _ = try? Lab.run(["ip", "netns", "del", namespace]) }
        namespaces.removeAll()
    }

    struct Outcome {
        var status: Int32
        var output: String
    }

    /// Runs a command (PATH lookup through /usr/bin/env), waits at most `timeout` seconds.
    @discardableResult
    static func run(_ arguments: [String], timeout: Double = 10) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(1_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    struct CommandFailed: Error, CustomStringConvertible {
        var command: [String]
        var outcome: Outcome
        var description: String { "\(command.joined(separator: " ")) exited \(outcome.status): \(outcome.output)" }
    }

    @discardableResult
    static func check(_ arguments: [String], timeout: Double = 10) throws -> String {
        let outcome = try run(arguments, timeout: timeout)
        guard outcome.status == 0 else { throw CommandFailed(command: arguments, outcome: outcome) }
        return outcome.output
    }
}
