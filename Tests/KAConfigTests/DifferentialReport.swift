import Foundation
@testable import KAConfig

/// A keepalived message we do not report on its line.
struct DifferentialMiss: Sendable, Hashable, CustomStringConvertible {
    var file: String
    var line: Int
    var message: String

    var description: String { "\(file):\(line): \(message)" }
}

struct DifferentialReport: Sendable {
    var checkedFiles = 0
    /// Located keepalived messages that count (not ignored, not allowed).
    var total = 0
    var matched = 0
    var misses: [DifferentialMiss] = []
    /// Misses excused by `DifferentialAllowList`, with the reason.
    var allowed: [(miss: DifferentialMiss, reason: String)] = []
    /// Messages left out by `DifferentialIgnoreList` (not about the configuration).
    var ignored = 0
    /// Messages without a line (post-parse checks such as "(VI_1) the virtual router id must be set").
    var unlocated: [String] = []
    var timeouts: [String] = []
    /// Error-level diagnostics of ours on corpus lines keepalived says nothing about.
    var falseErrors: [DifferentialMiss] = []
    /// False errors excused by `FalseErrorAllowList`, with the reason.
    var allowedFalseErrors: [(error: DifferentialMiss, reason: String)] = []

    var percentage: Double { total == 0 ? 100 : Double(matched) * 100 / Double(total) }

    func summary() -> String {
        var lines = [
            String(
                format: "differential: %d of %d keepalived-reported lines matched (%.1f %%) over %d files; %d allowed, %d ignored, %d unlocated",
                matched, total, percentage, checkedFiles, allowed.count, ignored, unlocated.count)
        ]
        lines += misses.map { "  miss \($0)" }
        lines += allowed.map { "  allowed \($0.miss) — \($0.reason)" }
        lines += timeouts.map { "  timeout \($0)" }
        lines.append("false errors: \(falseErrors.count) (\(allowedFalseErrors.count) allowed)")
        lines += falseErrors.map { "  false error \($0)" }
        lines += allowedFalseErrors.map { "  allowed error \($0.error) — \($0.reason)" }
        return lines.joined(separator: "\n")
    }
}

/// keepalived messages that are not about the configuration text: the machine's users, scripts,
/// kernel and interfaces. Matched by substring.
enum DifferentialIgnoreList {
    static let entries: [(substring: String, reason: String)] = [
        ("SECURITY VIOLATION", "about the scripts' files on this machine, not the configuration text"),
        ("for script execution does not exist", "whether the user keepalived_script exists on this machine"),
        ("Unable to set default user", "whether the user keepalived_script exists on this machine"),
        ("cannot be accessed", "whether a script exists on this machine"),
        ("Cannot find script", "whether a script exists on this machine"),
        ("is not executable", "a script's file mode on this machine"),
        ("Error setting global script uid/gid", "whether script_user's account exists on this machine"),
        ("Invalid smtp server", "name resolution on this machine (the test machine has no DNS)"),
        ("Netlink", "kernel interface noise"),
        ("doesn't exist", "an interface the network namespace could not create"),
    ]

    static func reason(for message: String) -> String? {
        entries.first { message.contains($0.substring) }?.reason
    }

    /// keepalived drops a vrrp_script when the machine lacks its default script user ("Unable to
    /// set default user for vrrp script NAME - removing", ignored above); a later `track_script`
    /// naming it then reports "track script NAME not found". Both are about this machine's users:
    /// on a host with the keepalived_script user neither appears. Returns the names so dropped.
    static func scriptsDroppedForThisMachine(_ messages: [KeepalivedMessage]) -> Set<String> {
        let marker = "Unable to set default user for vrrp script "
        var names = Set<String>()
        for message in messages {
            guard let range = message.text.range(of: marker) else { continue }
            let rest = message.text[range.upperBound...]
            if let end = rest.range(of: " - removing") { names.insert(String(rest[..<end.lowerBound])) }
        }
        return names
    }

    static func isConsequence(_ message: String, droppedScripts: Set<String>) -> Bool {
        droppedScripts.contains { message.contains("track script \($0) not found") }
    }
}

/// Located keepalived messages we knowingly do not report, each with the reason. Keys: the file's
/// last path component, the line, and a substring of keepalived's message.
enum DifferentialAllowList {
    static let entries: [(file: String, line: Int, substring: String, reason: String)] = []

    static func reason(for miss: DifferentialMiss) -> String? {
        entries.first {
            miss.file.hasSuffix("/" + $0.file) && miss.line == $0.line && miss.message.contains($0.substring)
        }?.reason
    }
}

/// Error-level diagnostics of ours on corpus lines keepalived 2.2.7 says nothing about, each with
/// the reason it is still right. Keys: the file's last path component, the line, the rule code.
enum FalseErrorAllowList {
    static let entries: [(file: String, line: Int, code: String, reason: String)] = [
        (
            "039_swaphb_boilerplates_keepalived.conf", 15, "KA208",
            "keepalived exits at line 8's missing parameter (null_strvec() calls exit) and never reads line 15, whose auth_pass has no value either"
        ),
        (
            "039_swaphb_boilerplates_keepalived.conf", 26, "KA212",
            "keepalived exits at line 8's missing parameter and never reaches this second 'vrrp_instance VI_1'"
        ),
        (
            "050_goncaloGIT_mykernelpanic_keepalived.conf", 81, "KA231",
            "keepalived exits at line 83's missing parameter, before its post-read check that two instances share VRID 3 on eth0"
        ),
        (
            "050_goncaloGIT_mykernelpanic_keepalived.conf", 98, "KA217",
            "keepalived exits at line 83's missing parameter and never reads this track_script naming an undefined script"
        ),
    ]

    /// Files of corpus/realworld-2 (added by issue 16) with errors where keepalived's check is
    /// silent, not yet examined line by line: each is a follow-up (keepalived may stop before the
    /// line, or report it without a line number, or the front end may be wrong).
    static let pendingFiles: [(file: String, reason: String)] = [
        ("realworld-2/004_DjokerR_install-k8s_keepalived-backup.conf", "the last block is never closed: keepalived reports the missing '}' without a line"),
        ("realworld-2/023_wk4work_MyProfile_keepalived-details.conf", "a syntax reference, not a config (pending: realworld-2)"),
        ("realworld-2/075_fcwu_glusterfs-keepalived_conf_keepalived.conf", "instance without interface (pending: realworld-2)"),
        ("realworld-2/120_elyesbenamor_IP-failover-keepalived-vrrp_keepalived.conf", "mcast_src_ip written as a block, placeholders (pending: realworld-2)"),
        ("realworld-2/134_sangrealest_shell_keepalived_keepalived.conf", "sync group naming instances keepalived does not report (pending: realworld-2)"),
    ]

    static func reason(for error: DifferentialMiss) -> String? {
        if let pending = pendingFiles.first(where: { error.file.hasSuffix("/" + $0.file) }) { return pending.reason }
        return entries.first { error.file.hasSuffix("/" + $0.file) && error.line == $0.line && error.message.hasPrefix($0.code) }?
            .reason
    }
}

/// Runs keepalived and `analyze` on every corpus file and every broken variant and compares them
/// line by line. Throws when the oracle cannot run (not root, keepalived missing).
func differentialReport(analyze: TestAnalysis.Analyze) throws -> DifferentialReport {
    try KeepalivedOracle.requireAvailable()
    let variants = try DifferentialVariants.writeAll()
    defer { try? FileManager.default.removeItem(at: variants.directory) }
    let corpus = CorpusFiles.all().map(\.path)
    let paths = corpus + variants.files.map(\.path)
    let verdicts = KeepalivedOracle.checkAll(paths: paths)

    var report = DifferentialReport()
    for (offset, (path, result)) in zip(paths, verdicts).enumerated() {
        let verdict = try result.get()
        report.checkedFiles += 1
        if verdict.timedOut { report.timeouts.append(path) }
        let ours = analyze(path).filter { $0.severity >= .warning }
        var reportedLines: Set<String> = []
        for diagnostic in ours { reportedLines.insert("\(diagnostic.file)\u{0}\(diagnostic.line)") }
        if offset < corpus.count { collectFalseErrors(ours, verdict: verdict, path: path, into: &report) }
        let droppedScripts = DifferentialIgnoreList.scriptsDroppedForThisMachine(verdict.messages)
        // keepalived can say several things about one line; each line counts once.
        var seen: Set<String> = []
        for message in verdict.messages {
            if DifferentialIgnoreList.reason(for: message.text) != nil
                || DifferentialIgnoreList.isConsequence(message.text, droppedScripts: droppedScripts)
            {
                report.ignored += 1
                continue
            }
            guard let line = message.line else {
                report.unlocated.append("\(path): \(message.text)")
                continue
            }
            let file = message.file ?? path
            guard seen.insert("\(file)\u{0}\(line)").inserted else { continue }
            let miss = DifferentialMiss(file: file, line: line, message: message.text)
            if reportedLines.contains("\(file)\u{0}\(line)") {
                report.total += 1
                report.matched += 1
            } else if let reason = DifferentialAllowList.reason(for: miss) {
                report.allowed.append((miss, reason))
            } else {
                report.total += 1
                report.misses.append(miss)
            }
        }
    }
    return report
}

/// Our error-level diagnostics on lines of a corpus file that keepalived says nothing about.
func collectFalseErrors(_ ours: [Diagnostic], verdict: KeepalivedVerdict, path: String, into report: inout DifferentialReport) {
    var keepalivedLines: Set<String> = []
    for message in verdict.messages {
        guard let line = message.line else { continue }
        keepalivedLines.insert("\(message.file ?? path)\u{0}\(line)")
    }
    for diagnostic in ours where diagnostic.severity == .error {
        guard !keepalivedLines.contains("\(diagnostic.file)\u{0}\(diagnostic.line)") else { continue }
        let error = DifferentialMiss(file: diagnostic.file, line: diagnostic.line, message: "\(diagnostic.code) \(diagnostic.message)")
        if let reason = FalseErrorAllowList.reason(for: error) {
            report.allowedFalseErrors.append((error, reason))
        } else {
            report.falseErrors.append(error)
        }
    }
}
