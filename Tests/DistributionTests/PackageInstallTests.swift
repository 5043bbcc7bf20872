import Foundation
import KAVersion
import Testing

/// The Debian package that scripts/package.sh builds, installed for real with dpkg: the tools run
/// from /usr/bin with no Swift toolchain on PATH or the library path, `man` shows their pages,
/// the completions are where the shells look, and removing the package leaves nothing behind.
///
/// The package comes from KA_PACKAGE_DEB (scripts/test.sh builds it once with package.sh after
/// the lab tests and runs this suite with it). Outside CI the suite is skipped without root,
/// dpkg or KA_PACKAGE_DEB; in CI (CI=true) any of them missing is a failure.
@Suite(.serialized) struct PackageInstallTests {
    static let deb = ProcessInfo.processInfo.environment["KA_PACKAGE_DEB"]
    static let hasDpkg = Toolbox.isExecutable("/usr/bin/dpkg")
    static let runnable = Toolbox.isCI || (Toolbox.isRoot && hasDpkg && deb != nil)
    static let why = "needs root, dpkg and KA_PACKAGE_DEB=path of scripts/package.sh's .deb (scripts/test.sh sets it)"

    static let name = "keepalived-toolchain"
    static let tools = ["kalint", "kafmt", "karun"]
    /// What a machine without Swift has: the system folders, nothing else in the environment.
    static let plainEnvironment = ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8", "MANWIDTH": "100"]

    @Test(.enabled(if: runnable, .init(rawValue: why)), .timeLimit(.minutes(3)))
    func installRunAndPurge() throws {
        try #require(Toolbox.isRoot, "CI runs as root; dpkg -i needs it")
        try #require(Self.hasDpkg, "dpkg is missing")
        let deb = try #require(Self.deb, "KA_PACKAGE_DEB is not set: run this suite through scripts/test.sh")
        try #require(FileManager.default.fileExists(atPath: deb), "\(deb) does not exist")
        #expect(!Self.plainEnvironment["PATH"]!.contains("swift"))

        // A leftover of an interrupted run goes first; every check below starts from nothing.
        _ = try Toolbox.run("/usr/bin/dpkg", ["--purge", Self.name])
        let contents = try packagedFiles(deb)
        for path in contents { #expect(!FileManager.default.fileExists(atPath: path), "\(path) exists before install") }

        let install = try Toolbox.run("/usr/bin/dpkg", ["-i", deb])
        #expect(install.status == 0, "dpkg -i: \(install.output)")
        defer { _ = try? Toolbox.run("/usr/bin/dpkg", ["--purge", Self.name]) }
        try #require(install.status == 0)

        try checkTools()
        try checkLibcVersion(deb)
        try checkManPages()
        try checkCompletions()
        #expect(FileManager.default.fileExists(atPath: "/lib/systemd/system/karun.service"))
        #expect(FileManager.default.fileExists(atPath: "/usr/share/doc/\(Self.name)/rules/vrid-mismatch.md"))
        #expect(FileManager.default.fileExists(atPath: "/usr/share/doc/\(Self.name)/copyright"))

        let remove = try Toolbox.run("/usr/bin/dpkg", ["-r", Self.name])
        #expect(remove.status == 0, "dpkg -r: \(remove.output)")
        let purge = try Toolbox.run("/usr/bin/dpkg", ["--purge", Self.name])
        #expect(purge.status == 0, "dpkg --purge: \(purge.output)")
        let status = try Toolbox.run("/usr/bin/dpkg-query", ["-W", "-f=${Status}", Self.name])
        #expect(status.status != 0 || !status.output.contains("installed"), "still known to dpkg: \(status.output)")
        for path in contents { #expect(!FileManager.default.fileExists(atPath: path), "\(path) is left after purge") }
        #expect(!FileManager.default.fileExists(atPath: "/usr/share/doc/\(Self.name)"))
    }

    /// The regular files and links of the package (`dpkg-deb -c`), as absolute paths.
    func packagedFiles(_ deb: String) throws -> [String] {
        let listing = try Toolbox.run("/usr/bin/dpkg-deb", ["-c", deb])
        try #require(listing.status == 0, "dpkg-deb -c: \(listing.output)")
        let paths = listing.output.split(separator: "\n").compactMap { line -> String? in
            guard !line.hasPrefix("d"), let dot = line.range(of: " ./") else { return nil }
            return String(line[dot.upperBound...]).components(separatedBy: " -> ")[0].withPrefix("/")
        }
        #expect(paths.contains("/usr/bin/kalint"))
        return paths
    }

    /// The binaries are linked with packed relocations, which need glibc's GLIBC_ABI_DT_RELR
    /// (2.36); dpkg-shlibdeps sees only symbols, so package.sh raises the libc6 version itself.
    func checkLibcVersion(_ deb: String) throws {
        let versions = try Toolbox.run("/usr/bin/readelf", ["-V", "/usr/bin/karun"])
        #expect(versions.status == 0)
        let depends = try Toolbox.run("/usr/bin/dpkg-deb", ["-f", deb, "Depends"]).output
        if versions.output.contains("GLIBC_ABI_DT_RELR") {
            #expect(depends.contains("libc6 (>= 2.36)"), "Depends: \(depends)")
        }
        let sections = try Toolbox.run("/usr/bin/readelf", ["-SW", "/usr/bin/karun"]).output
        #expect(sections.contains(".relr.dyn"), "karun is linked without packed relocations")
    }

    func run(_ arguments: [String], in folder: String? = nil) throws -> Toolbox.Result {
        try Toolbox.run("/usr/bin/" + arguments[0], Array(arguments.dropFirst()), environment: Self.plainEnvironment, in: folder)
    }

    func checkTools() throws {
        for tool in Self.tools {
            let linked = try Toolbox.run("/usr/bin/ldd", ["/usr/bin/" + tool])
            #expect(!linked.output.contains("libswift") && !linked.output.contains("not found"), "\(tool): \(linked.output)")
            let version = try run([tool, "--version"])
            #expect(version.status == 0, "\(tool) --version: \(version.output)")
            #expect(version.output.hasPrefix(ToolchainVersion.release), "\(tool) --version: \(version.output)")
        }
        let samples = Toolbox.packageRoot + "/samples/gateway"
        let lint = try run(["kalint", "--no-color", "node1.conf", "node2.conf"], in: samples)
        #expect(lint.status == 0, "kalint on the gateway sample: \(lint.output)")
        let folder = try Toolbox.temporaryFolder("ka-deb")
        defer { Toolbox.remove(folder) }
        try Toolbox.write(DistributionSamples.bad, to: folder + "/keepalived.conf")
        let bad = try run(["kalint", "--no-color", "keepalived.conf"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.output.contains(DistributionSamples.badDiagnostic), "\(bad.output)")
        let format = try run(["kafmt", "--check", "node1.conf", "node2.conf"], in: samples)
        #expect(format.status == 0, "kafmt --check: \(format.output)")
        let check = try run(["karun", "run", "--check", "node1.conf"], in: samples)
        #expect(check.status == 0, "karun run --check: \(check.output)")
        #expect(check.output.contains("configuration is usable"))
    }

    func checkManPages() throws {
        for (tool, section, option) in [
            ("kalint", "1", "--fail-on"), ("kafmt", "1", "--check"), ("karun", "8", "--log-level"), ("kalsp", "1", "--stdio"),
        ] {
            let page = try run(["man", "-P", "cat", section, tool])
            #expect(page.status == 0, "man \(section) \(tool): \(page.output)")
            // groff may hyphenate and embolden; compare letters only.
            let letters = page.output.replacingOccurrences(of: "\u{2010}", with: "-")
            #expect(letters.contains(tool.uppercased()), "man \(tool): \(page.output.prefix(300))")
            #expect(letters.contains(option), "man \(tool) lacks \(option)")
        }
        let kalint = try run(["man", "-P", "cat", "kalint"]).output
        #expect(kalint.contains("human"), "the values of --format are on the page")
        // The hand-written pages carry the package's date (package.sh fills in .TH's).
        #expect(kalint.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression) != nil, "\(kalint.suffix(200))")
    }

    func checkCompletions() throws {
        for tool in Self.tools {
            for path in [
                "/usr/share/bash-completion/completions/\(tool)", "/usr/share/zsh/vendor-completions/_\(tool)",
                "/usr/share/fish/vendor_completions.d/\(tool).fish",
            ] {
                #expect(FileManager.default.fileExists(atPath: path), "\(path) is missing")
            }
        }
        // bash really completes the values of --format from the installed script.
        let completed = try Toolbox.bashCompletions(
            script: "/usr/share/bash-completion/completions/kalint", words: ["kalint", "--format", ""],
            environment: Self.plainEnvironment)
        #expect(completed == ["github", "human", "json", "sarif"])
        let kafmt = try Toolbox.bashCompletions(
            script: "/usr/share/bash-completion/completions/kafmt", words: ["kafmt", "--re"], environment: Self.plainEnvironment)
        #expect(kafmt == ["--recursive"])
    }
}

extension String {
    func withPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? self : prefix + self }
}
