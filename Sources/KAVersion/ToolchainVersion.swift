import CKAVersion

/// The one version of the toolchain that every tool's `--version` prints and the Debian package
/// carries. `release` is kept by hand (scripts/package.sh reads it from this line); the commit is
/// there only when the build was given one (package.sh passes `git describe`), so a plain
/// `swift build` and a packaged build of the same commit differ only in that suffix.
public enum ToolchainVersion {
    public static let release = "0.1.0"

    /// `git describe --always --dirty` of the packaged build, or nil.
    public static var commit: String? {
        let text = String(cString: ka_git_describe())
        return text.isEmpty ? nil : text
    }

    /// What `--version` prints: `0.1.0`, or `0.1.0 (git 79f9d53)`.
    public static var text: String {
        commit.map { "\(release) (git \($0))" } ?? release
    }
}
