#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The fields of `struct stat` the script checks need.
public struct FileStatus: Hashable, Sendable {
    public var mode: UInt32
    public var uid: UInt32
    public var gid: UInt32

    public init(mode: UInt32, uid: UInt32, gid: UInt32) {
        self.mode = mode
        self.uid = uid
        self.gid = gid
    }

    var type: UInt32 { mode & UInt32(S_IFMT) }
    public var isDirectory: Bool { type == UInt32(S_IFDIR) }
    public var isRegular: Bool { type == UInt32(S_IFREG) }
    public var isSymbolicLink: Bool { type == UInt32(S_IFLNK) }
    func has<Bits: BinaryInteger>(_ bits: Bits) -> Bool { mode & UInt32(truncatingIfNeeded: bits) != 0 }
}

/// keepalived's script checks (`check_script_secure` / `check_security` in core/notify.c), pure
/// over a file-status provider so they can be tested without touching the file system.
///
/// - A bare name is looked up in PATH; not found there is an error (the script is disabled).
/// - The file must exist and be executable for the uid/gid that runs it.
/// - When it runs as root (uid or gid 0, or the file is setuid/setgid root), every path component
///   of the configured name and of the resolved file must be owned by root and not writable by a
///   non-root group or by others (directories with the sticky bit excepted). With
///   `enable_script_security` an unsafe script is disabled, without it a warning is logged and
///   the script runs.
public struct ScriptSecurity: Sendable {
    public enum Severity: String, Hashable, Sendable {
        /// Logged; the script still runs.
        case warning
        /// The script does not run: its tracker counts as failed.
        case disabled
    }

    public struct Finding: Hashable, Sendable, CustomStringConvertible {
        public var severity: Severity
        public var path: String
        public var message: String

        public init(_ severity: Severity, _ path: String, _ message: String) {
            self.severity = severity
            self.path = path
            self.message = message
        }

        public var description: String { "\(message) (\(path))\(severity == .disabled ? " - disabling" : "")" }
    }

    /// The outcome for one command.
    public struct Verdict: Hashable, Sendable {
        /// The file to exec (argv[0] found in PATH, or as given); nil when not found.
        public var executablePath: String?
        public var findings: [Finding]
        /// Some component is unsafe for a root script (whether or not that disables it).
        public var insecure: Bool

        public var disabled: Bool { findings.contains { $0.severity == .disabled } }
    }

    /// Where file facts come from: the real file system, or a table in tests.
    public struct FileSystem: Sendable {
        /// lstat (symbolic links not followed); the errno on failure.
        public var lstat: @Sendable (String) -> Result<FileStatus, SystemError>
        /// stat (following links).
        public var stat: @Sendable (String) -> Result<FileStatus, SystemError>
        /// The canonical path (realpath), nil when it cannot be resolved.
        public var realPath: @Sendable (String) -> String?

        public init(
            lstat: @escaping @Sendable (String) -> Result<FileStatus, SystemError>,
            stat: @escaping @Sendable (String) -> Result<FileStatus, SystemError>,
            realPath: @escaping @Sendable (String) -> String?
        ) {
            self.lstat = lstat
            self.stat = stat
            self.realPath = realPath
        }

        public static let system = FileSystem(
            lstat: { path in FileSystem.status(path, follow: false) },
            stat: { path in FileSystem.status(path, follow: true) },
            realPath: { path in
                guard let resolved = Glibc.realpath(path, nil) else { return nil }
                defer { free(resolved) }
                return String(cString: resolved)
            })

        static func status(_ path: String, follow: Bool) -> Result<FileStatus, SystemError> {
            var buffer = Glibc.stat()
            let result = fstatat(AT_FDCWD, path, &buffer, follow ? 0 : AT_SYMLINK_NOFOLLOW)
            guard result == 0 else { return .failure(SystemError(follow ? "stat(\(path))" : "lstat(\(path))")) }
            return .success(FileStatus(mode: buffer.st_mode, uid: buffer.st_uid, gid: buffer.st_gid))
        }
    }

    /// `enable_script_security`.
    public var enabled: Bool
    /// PATH directories for bare command names.
    public var searchPath: [String]
    public var fileSystem: FileSystem

    public init(enabled: Bool, searchPath: [String]? = nil, fileSystem: FileSystem = .system) {
        self.enabled = enabled
        self.searchPath = searchPath ?? ScriptSecurity.environmentPath()
        self.fileSystem = fileSystem
    }

    /// PATH from the environment, or the C library's default (`_CS_PATH`) as execvp uses.
    public static func environmentPath() -> [String] {
        let text = getenv("PATH").map { String(cString: $0) } ?? "/bin:/usr/bin"
        return text.split(separator: ":", omittingEmptySubsequences: false).map { $0.isEmpty ? "." : String($0) }
    }

    /// Checks the command whose argv[0] is `command`, run as `uid`/`gid`.
    public func check(command: String, uid: UInt32, gid: UInt32) -> Verdict {
        var verdict = Verdict(executablePath: nil, findings: [], insecure: false)
        var path = command
        if !command.contains("/") {
            guard let found = searchExecutable(command, uid: uid, gid: gid) else {
                verdict.findings.append(Finding(.disabled, command, "cannot find script in PATH"))
                return verdict
            }
            path = found
        }
        guard let real = fileSystem.realPath(path) else {
            verdict.findings.append(Finding(.disabled, path, "script cannot be accessed"))
            return verdict
        }
        guard case .success(let file) = fileSystem.stat(real) else {
            verdict.findings.append(Finding(.disabled, path, "unable to access script"))
            return verdict
        }
        verdict.executablePath = path
        guard Self.isExecutable(file, uid: uid, gid: gid) else {
            verdict.findings.append(Finding(.disabled, path, "script is not executable for uid:gid \(uid):\(gid)"))
            return verdict
        }
        let runsAsRoot = uid == 0 || gid == 0
            || (file.uid == 0 && file.has(S_IXUSR) && file.has(S_ISUID))
            || (file.gid == 0 && file.has(S_IXGRP) && file.has(S_ISGID))
        guard runsAsRoot else { return verdict }
        // keepalived 2.2.7 walks the resolved path; we walk the configured one too (a symbolic link
        // owned by a user could be re-pointed), stopping at the first finding.
        checkComponents(path, into: &verdict)
        if real != path, verdict.findings.isEmpty { checkComponents(real, into: &verdict) }
        return verdict
    }

    /// keepalived's `is_executable`.
    static func isExecutable(_ file: FileStatus, uid: UInt32, gid: UInt32) -> Bool {
        if uid == 0 { return file.has(S_IXUSR | S_IXGRP | S_IXOTH) }
        if uid == file.uid { return file.has(S_IXUSR) }
        if gid == file.gid { return file.has(S_IXGRP) }
        return file.has(S_IXOTH)
    }

    private func searchExecutable(_ name: String, uid: UInt32, gid: UInt32) -> String? {
        for directory in searchPath {
            let candidate = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if case .success(let file) = fileSystem.stat(candidate), file.isRegular,
               Self.isExecutable(file, uid: uid, gid: gid) {
                return candidate
            }
        }
        return nil
    }

    /// keepalived's `check_security`: "/", then each prefix of `path`, then the file itself.
    private func checkComponents(_ path: String, into verdict: inout Verdict) {
        var prefixes: [String] = []
        if path.hasPrefix("/") { prefixes.append("/") }
        var current = ""
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        for (index, part) in parts.enumerated() {
            current += (current.isEmpty && !path.hasPrefix("/") ? "" : "/") + part
            if index < parts.count - 1 { prefixes.append(current) }
        }
        let components = prefixes.map { ($0, false) } + [(path, true)]
        for (component, isLast) in components {
            guard case .success(let status) = fileSystem.lstat(component) else {
                verdict.findings.append(Finding(.disabled, component, "could not find script path component"))
                return
            }
            // A symbolic link on the way (/bin -> usr/bin) is judged by its owner here; where it
            // leads is checked along the resolved path.
            if isLast ? !(status.isRegular || status.isSymbolicLink) : !(status.isDirectory || status.isSymbolicLink) {
                verdict.findings.append(Finding(.disabled, component, "wrong file type in script path"))
                return
            }
            let writableDirectoryOrFile = (status.isDirectory && !status.has(S_ISVTX)) || status.isRegular
            let unsafe = status.uid != 0
                || (writableDirectoryOrFile && ((status.gid != 0 && status.has(S_IWGRP)) || status.has(S_IWOTH)))
            if unsafe {
                verdict.insecure = true
                let who = status.uid != 0 ? "owned by uid \(status.uid)" : "writable by a non-root user"
                verdict.findings.append(Finding(
                    enabled ? .disabled : .warning, component, "unsafe permissions for a root script: \(who)"))
                return
            }
        }
    }
}
