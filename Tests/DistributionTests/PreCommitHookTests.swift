import Foundation
import Testing

/// The repository's .pre-commit-hooks.yaml run by the real pre-commit (PyPI; setup.sh installs
/// it) on a scratch git repository: `pre-commit try-repo` takes the hooks from this checkout as
/// a user's `repo:` entry would. kalint and kafmt are found on PATH (language: system), here the
/// debug builds.
@Suite struct PreCommitHookTests {
    static let ready = Toolbox.isExecutable(Toolbox.binFolder + "/kalint") && Toolbox.pythonHas("pre_commit")
    static let runnable = Toolbox.isCI || ready
    static let why = "needs pre-commit (python3 -m pip install pre-commit; scripts/setup.sh does) and the debug kalint"

    /// A git repository holding `files` (added, not committed: --all-files takes the index).
    func scratchRepository(_ files: [String: String]) throws -> String {
        let folder = try Toolbox.temporaryFolder("ka-pre-commit")
        for (name, text) in files {
            let path = folder + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Toolbox.write(text, to: path)
        }
        for arguments in [["init", "-q"], ["add", "."]] {
            let git = try Toolbox.run("/usr/bin/git", arguments, in: folder)
            try #require(git.status == 0, "git \(arguments): \(git.output)")
        }
        return folder
    }

    func preCommit(in folder: String, home: String) throws -> Toolbox.Result {
        let environment = Toolbox.environmentWithTools([
            "PRE_COMMIT_HOME": home, "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1",
            "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.org",
            "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.org",
        ])
        return try Toolbox.run(
            Toolbox.python ?? "python3", ["-m", "pre_commit", "try-repo", Toolbox.packageRoot, "--all-files"],
            environment: environment, in: folder, seconds: 180)
    }

    @Test(.enabled(if: runnable, .init(rawValue: why)), .timeLimit(.minutes(4)))
    func goodConfigPassesBadConfigFails() throws {
        try #require(Self.ready, Comment(rawValue: Self.why))
        let home = try Toolbox.temporaryFolder("ka-pre-commit-home")
        defer { Toolbox.remove(home) }

        let good = try scratchRepository([
            "keepalived.conf": DistributionSamples.good, "README.md": "not a keepalived file {\n",
        ])
        defer { Toolbox.remove(good) }
        let passed = try preCommit(in: good, home: home)
        #expect(passed.status == 0, "\(passed.output)")
        #expect(passed.output.range(of: #"kalint \(keepalived\.conf\)\.+Passed"#, options: .regularExpression) != nil, "\(passed.output)")
        #expect(passed.output.range(of: #"kafmt --check \(keepalived\.conf\)\.+Passed"#, options: .regularExpression) != nil, "\(passed.output)")

        let bad = try scratchRepository([
            "nodes/keepalived-gw1.conf": DistributionSamples.bad, "keepalived.conf": DistributionSamples.unformatted,
        ])
        defer { Toolbox.remove(bad) }
        let failed = try preCommit(in: bad, home: home)
        #expect(failed.status == 1, "\(failed.output)")
        #expect(failed.output.range(of: #"kalint \(keepalived\.conf\)\.+Failed"#, options: .regularExpression) != nil, "\(failed.output)")
        #expect(failed.output.contains("nodes/keepalived-gw1.conf:"), "kalint's diagnostic names the file")
        #expect(failed.output.contains(DistributionSamples.badDiagnostic), "\(failed.output)")
        #expect(failed.output.range(of: #"kafmt --check \(keepalived\.conf\)\.+Failed"#, options: .regularExpression) != nil, "\(failed.output)")
    }
}
