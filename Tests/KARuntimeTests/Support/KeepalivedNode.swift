import Foundation
import Glibc

/// keepalived 2.2.7 (Debian's package) as a live peer in a lab namespace: its VRRP process only,
/// in the foreground, logging to a file the test reads.
final class KeepalivedNode: @unchecked Sendable {
    let process = Process()
    let logPath: String
    let vrrpPIDPath: String
    /// keepalived's TMPDIR: where SIGUSR1/SIGUSR2 make it write keepalived.data / .stats.
    let temporaryDirectory: String

    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: "/usr/sbin/keepalived") }

    init(namespace: String, configPath: String, directory: String, label: String) throws {
        logPath = "\(directory)/\(label).log"
        vrrpPIDPath = "\(directory)/\(label).vrrp.pid"
        temporaryDirectory = "\(directory)/\(label).tmp"
        try FileManager.default.createDirectory(atPath: temporaryDirectory, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "ip", "netns", "exec", namespace, "/usr/sbin/keepalived", "--vrrp", "--dont-fork", "--log-console",
            "--log-detail", "-f", configPath, "-p", "\(directory)/\(label).pid", "-r", vrrpPIDPath,
            "-c", "\(directory)/\(label).checkers.pid",
        ]
        process.standardOutput = log
        process.standardError = log
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporaryDirectory]) { _, new in new }
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    /// The VRRP child's pid once it has written its pid file.
    var vrrpPID: pid_t? {
        (try? String(contentsOfFile: vrrpPIDPath, encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// SIGKILL kills the parent and the VRRP child (a crash of the node's keepalived); other
    /// signals go to the parent, which forwards them as keepalived does.
    func kill(_ signal: Int32) {
        if signal == SIGKILL, let child = vrrpPID { Glibc.kill(child, SIGKILL) }
        if process.isRunning { Glibc.kill(process.processIdentifier, signal) }
    }

    func wait(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(5_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// The last "Entering X STATE" of `instance` in the log.
    func state(_ instance: String) -> String? {
        var state: String?
        for line in log.split(separator: "\n") where line.contains("(\(instance)) Entering ") {
            for candidate in ["MASTER", "BACKUP", "FAULT"] where line.contains("Entering \(candidate) STATE") { state = candidate }
        }
        return state
    }

    /// keepalived.stats as its VRRP process writes it on SIGUSR2: per instance, "Section/Key" →
    /// count ("Advertisements/Received", "Became master", "Packet Errors/Address List", ...).
    /// Nil when no fresh file came within `timeout`.
    func stats(timeout: Double = 3) -> [String: [String: Int]]? {
        let path = "\(temporaryDirectory)/keepalived.stats"
        try? FileManager.default.removeItem(atPath: path)
        guard let child = vrrpPID else { return nil }
        Glibc.kill(child, SIGUSR2)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            // Written with fopen/fprintf/fclose: complete once the last instance's last line is there.
            if let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasSuffix("\n"),
               text.split(separator: "\n").last?.contains("    Sent:") == true {
                return Self.parseStats(text)
            }
            usleep(5_000)
        }
        return nil
    }

    static func parseStats(_ text: String) -> [String: [String: Int]] {
        var result: [String: [String: Int]] = [:]
        var instance = ""
        var section = ""
        for line in text.split(separator: "\n") {
            if line.hasPrefix("VRRP Instance: ") {
                instance = String(line.dropFirst("VRRP Instance: ".count))
                continue
            }
            let indent = line.prefix { $0 == " " }.count
            let parts = line.drop { $0 == " " }.split(separator: ":", maxSplits: 1)
            let key = String(parts.first ?? "")
            let value = parts.count > 1 ? Int(parts[1].trimmingCharacters(in: .whitespaces)) : nil
            if indent == 2 {
                if let value { result[instance, default: [:]][key] = value; section = "" } else { section = key }
            } else if let value {
                result[instance, default: [:]][section.isEmpty ? key : "\(section)/\(key)"] = value
            }
        }
        return result
    }

    /// Log lines where keepalived complains about a packet it received.
    var protocolComplaints: [String] {
        log.split(separator: "\n").map(String.init).filter(Self.isComplaint)
    }

    /// Whether a log line holds one of the words keepalived complains with. Words, not substrings:
    /// an address such as `fe80::e8f8:78ff:fe3e:8bad` must not read as "bad" (a CI run failed on one).
    static func isComplaint(_ line: String) -> Bool {
        let markers = ["invalid", "wrong", "mismatch", "bad", "unknown", "error", "ignoring", "not present", "does not match"]
        let words = line.lowercased().split { !($0.isLetter || $0.isNumber) }
        let spaced = " " + words.joined(separator: " ") + " "
        return markers.contains { spaced.contains(" \($0) ") }
    }
}

extension KarunLab {
    /// Starts keepalived in `host` with `config`.
    func startKeepalived(_ host: String, config: String, name: String) throws -> KeepalivedNode {
        let path = "\(directory)/\(name).conf"
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        let node = try KeepalivedNode(namespace: namespace(host), configPath: path, directory: directory, label: name)
        keepalivedNodes.append(node)
        return node
    }
}
