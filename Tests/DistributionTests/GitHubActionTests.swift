import Foundation
import Testing

/// The composite GitHub Action (action.yml) run the way the runner runs it: its one step's
/// `env:` and `run:` with `${{ inputs.* }}` (defaults included) and `${{ github.* }}` filled in,
/// in bash, from the workspace, with a GITHUB_OUTPUT file. kalint is the debug build on PATH.
@Suite struct GitHubActionTests {
    static let ready = Toolbox.isExecutable(Toolbox.binFolder + "/kalint") && Toolbox.pythonHas("yaml")
    static let runnable = Toolbox.isCI || ready
    static let why = "needs PyYAML (it comes with pre-commit; scripts/setup.sh installs that) and the debug kalint"

    /// Reads action.yml, expands the expressions of the composite step and runs it: the part of
    /// GitHub's runner that this action uses. argv: action folder, workspace, inputs as JSON.
    static let runner = #"""
        import json, os, re, subprocess, sys, yaml
        action_path, workspace, given = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
        action = yaml.safe_load(open(os.path.join(action_path, "action.yml")))
        assert action["runs"]["using"] == "composite"
        inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
        missing = [name for name, spec in action["inputs"].items() if spec.get("required") and name not in given]
        assert not missing, missing
        inputs.update(given)
        context = {"inputs": inputs, "github": {"action_path": action_path, "workspace": workspace}}
        def expand(text):
            def value(match):
                scope, name = match.group(1).split(".", 1)
                return context[scope][name]
            return re.sub(r"\$\{\{\s*([a-z_]+\.[a-z_-]+)\s*\}\}", value, str(text))
        outputs = os.path.join(workspace, ".github-output")
        open(outputs, "w").close()
        status = 0
        for step in action["runs"]["steps"]:
            env = dict(os.environ, GITHUB_OUTPUT=outputs, GITHUB_ACTION_PATH=action_path)
            env.update({key: expand(value) for key, value in step.get("env", {}).items()})
            cwd = expand(step.get("working-directory", workspace))
            status = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", expand(step["run"])], env=env, cwd=cwd).returncode
            if status:
                break
        print("STATUS", status)
        print("OUTPUTS", json.dumps(dict(l.split("=", 1) for l in open(outputs).read().splitlines())))
        """#

    func runAction(_ inputs: [String: String], workspace: String) throws -> (status: Int32, outputs: [String: String], log: String) {
        let python = try #require(Toolbox.python)
        let json = String(decoding: try JSONEncoder().encode(inputs), as: UTF8.self)
        let result = try Toolbox.run(
            python, ["-c", Self.runner, Toolbox.packageRoot, workspace, json], environment: Toolbox.environmentWithTools(),
            in: workspace)
        let lines = result.output.split(separator: "\n")
        let status = try #require(lines.last { $0.hasPrefix("STATUS ") }.flatMap { Int32($0.dropFirst(7)) }, "\(result.output)")
        let outputsLine = try #require(lines.last { $0.hasPrefix("OUTPUTS ") }, "\(result.output)")
        let outputs = try JSONDecoder().decode([String: String].self, from: Data(outputsLine.dropFirst(8).utf8))
        return (status, outputs, result.output)
    }

    @Test(.enabled(if: runnable, .init(rawValue: why)), .timeLimit(.minutes(2)))
    func writesSarifForCodeScanning() throws {
        try #require(Self.ready, Comment(rawValue: Self.why))
        let workspace = try Toolbox.temporaryFolder("ka-action")
        defer { Toolbox.remove(workspace) }
        try FileManager.default.createDirectory(atPath: workspace + "/nodes/lb", withIntermediateDirectories: true)
        try Toolbox.write(DistributionSamples.good, to: workspace + "/nodes/good.conf")
        try Toolbox.write(DistributionSamples.bad, to: workspace + "/nodes/lb/bad.conf")

        let clean = try runAction(["files": "nodes/good.conf"], workspace: workspace)
        #expect(clean.status == 0, "\(clean.log)")
        #expect(clean.outputs == ["sarif-file": "kalint.sarif", "exit-code": "0"])
        let cleanLog = try sarif(workspace + "/kalint.sarif")
        #expect(cleanLog.results?.allSatisfy { $0.level == "note" } == true, "only the firewall hint (info)")

        let dirty = try runAction(["files": "nodes/**/*.conf", "sarif-file": "out/lint.sarif", "args": "--no-color"], workspace: workspace)
        #expect(dirty.status == 1, "\(dirty.log)")
        #expect(dirty.outputs["exit-code"] == "1")
        #expect(dirty.log.contains("::error::kalint: findings at or above error"))
        let log = try sarif(workspace + "/out/lint.sarif")
        #expect(log.version == "2.1.0")
        let results = try #require(log.results)
        #expect(results.contains { $0.ruleId == DistributionSamples.badCode && $0.level == "error" })
        let uris = Set(results.flatMap { $0.locations.map(\.physicalLocation.artifactLocation.uri) })
        #expect(uris.contains("nodes/lb/bad.conf"), "paths relative to the repository root: \(uris)")

        let nothing = try runAction(["files": "missing/*.conf"], workspace: workspace)
        #expect(nothing.status == 2)
        #expect(nothing.log.contains("no file matches 'missing/*.conf'"))
    }

    struct Log: Decodable {
        struct Run: Decodable { var results: [Result] }
        struct Result: Decodable {
            var ruleId: String
            var level: String
            var locations: [Location]
        }
        struct Location: Decodable {
            struct Physical: Decodable {
                struct Artifact: Decodable { var uri: String }
                var artifactLocation: Artifact
            }
            var physicalLocation: Physical
        }
        var version: String
        var runs: [Run]
        var results: [Result]? { runs.first?.results }
    }

    func sarif(_ path: String) throws -> Log {
        let data = try #require(FileManager.default.contents(atPath: path), "\(path) was not written")
        return try JSONDecoder().decode(Log.self, from: data)
    }
}
