import Foundation
import Glibc
import Testing
@testable import KARuntime

extension ScriptTests {
    @Suite struct Security {
        /// A fake file system: path → status; realpath is the identity for known paths.
        static func fileSystem(_ table: [String: FileStatus], links: [String: String] = [:]) -> ScriptSecurity.FileSystem {
            let lookup: @Sendable (String) -> Result<FileStatus, SystemError> = { path in
                table[path].map { .success($0) } ?? .failure(SystemError("stat", code: ENOENT))
            }
            let real: @Sendable (String) -> String? = { path in
                if let target = links[path] { return target }
                return table[path] == nil ? nil : path
            }
            return ScriptSecurity.FileSystem(lstat: lookup, stat: { lookup(real($0) ?? $0) }, realPath: real)
        }

        static let directory = UInt32(S_IFDIR)
        static let regular = UInt32(S_IFREG)
        static let table: [String: FileStatus] = [
            "/": FileStatus(mode: directory | 0o755, uid: 0, gid: 0),
            "/tmp": FileStatus(mode: directory | 0o1777, uid: 0, gid: 0),
            "/tmp/open": FileStatus(mode: directory | 0o777, uid: 0, gid: 0),
            "/tmp/open/check.sh": FileStatus(mode: regular | 0o755, uid: 0, gid: 0),
            "/etc": FileStatus(mode: directory | 0o755, uid: 0, gid: 0),
            "/etc/keepalived": FileStatus(mode: directory | 0o755, uid: 0, gid: 0),
            "/etc/keepalived/check.sh": FileStatus(mode: regular | 0o755, uid: 0, gid: 0),
            "/etc/keepalived/plain.txt": FileStatus(mode: regular | 0o644, uid: 0, gid: 0),
            "/etc/keepalived/group.sh": FileStatus(mode: regular | 0o775, uid: 0, gid: 50),
            "/usr": FileStatus(mode: directory | 0o755, uid: 0, gid: 0),
            "/usr/bin": FileStatus(mode: directory | 0o755, uid: 0, gid: 0),
            "/usr/bin/check": FileStatus(mode: regular | 0o755, uid: 0, gid: 0),
            "/bin": FileStatus(mode: UInt32(S_IFLNK) | 0o777, uid: 0, gid: 0),
            "/home": FileStatus(mode: directory | 0o755, uid: 0, gid: 0),
            "/home/alice": FileStatus(mode: directory | 0o755, uid: 1000, gid: 1000),
            "/home/alice/bin": FileStatus(mode: UInt32(S_IFLNK) | 0o777, uid: 1000, gid: 1000),
            // lstat follows links before the last component: these are /usr/bin/check.
            "/bin/check": FileStatus(mode: regular | 0o755, uid: 0, gid: 0),
            "/home/alice/bin/check": FileStatus(mode: regular | 0o755, uid: 0, gid: 0),
        ]
        static let links = ["/bin/check": "/usr/bin/check", "/home/alice/bin/check": "/usr/bin/check"]

        func security(enabled: Bool) -> ScriptSecurity {
            ScriptSecurity(enabled: enabled, searchPath: ["/usr/local/bin", "/usr/bin"], fileSystem: Self.fileSystem(Self.table, links: Self.links))
        }

        @Test func aWorldWritableDirectoryDisablesARootScriptWithScriptSecurity() {
            let verdict = security(enabled: true).check(command: "/tmp/open/check.sh", uid: 0, gid: 0)
            #expect(verdict.disabled)
            #expect(verdict.insecure)
            #expect(verdict.findings.map(\.path) == ["/tmp/open"])
            #expect(verdict.findings.first?.severity == .disabled)
        }

        @Test func withoutScriptSecurityItIsOnlyAWarning() {
            let verdict = security(enabled: false).check(command: "/tmp/open/check.sh", uid: 0, gid: 0)
            #expect(!verdict.disabled)
            #expect(verdict.findings.map(\.severity) == [.warning])
            #expect(verdict.executablePath == "/tmp/open/check.sh")
        }

        @Test func scriptsOfOtherUsersAreNotPathChecked() {
            let verdict = security(enabled: true).check(command: "/tmp/open/check.sh", uid: 65534, gid: 65534)
            #expect(verdict.findings.isEmpty)
        }

        @Test func safePathsAndPathSearch() {
            let safe = security(enabled: true).check(command: "/etc/keepalived/check.sh", uid: 0, gid: 0)
            #expect(safe.findings.isEmpty && safe.executablePath == "/etc/keepalived/check.sh")
            let found = security(enabled: true).check(command: "check", uid: 0, gid: 0)
            #expect(found.findings.isEmpty && found.executablePath == "/usr/bin/check")
            let missing = security(enabled: false).check(command: "nowhere", uid: 0, gid: 0)
            #expect(missing.disabled && missing.executablePath == nil)
        }

        @Test func symbolicLinksOnThePathAreJudgedByTheirOwner() {
            let merged = security(enabled: true).check(command: "/bin/check", uid: 0, gid: 0)
            #expect(merged.findings.isEmpty)
            #expect(merged.executablePath == "/bin/check")
            let users = security(enabled: true).check(command: "/home/alice/bin/check", uid: 0, gid: 0)
            #expect(users.disabled)
            #expect(users.findings.map(\.path) == ["/home/alice"])
        }

        @Test func notExecutableAndGroupWritableFiles() {
            let plain = security(enabled: false).check(command: "/etc/keepalived/plain.txt", uid: 0, gid: 0)
            #expect(plain.disabled)
            let group = security(enabled: true).check(command: "/etc/keepalived/group.sh", uid: 0, gid: 0)
            #expect(group.disabled && group.findings.map(\.path) == ["/etc/keepalived/group.sh"])
        }

        @Test func theRealFileSystemProviderSeesAWorldWritableDirectory() throws {
            guard geteuid() == 0 else { return }
            let scratch = try ScriptScratch(mode: 0o777)
            let script = try scratch.script("check.sh", "exit 0")
            let verdict = ScriptSecurity(enabled: true).check(command: script, uid: 0, gid: 0)
            #expect(verdict.disabled)
            #expect(verdict.findings.map(\.path) == [scratch.path])
            chmod(scratch.path, 0o755)
            #expect(ScriptSecurity(enabled: true).check(command: script, uid: 0, gid: 0).findings.isEmpty)
        }
    }
}
