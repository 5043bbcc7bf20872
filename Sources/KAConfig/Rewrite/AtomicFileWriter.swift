#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's bytes so that a reader sees either the old file or the new one, never a
/// mix: a temporary file in the same folder, written in full, given the old file's mode and
/// ownership, flushed with fsync, renamed over the old name, then the folder is flushed too.
/// On any failure the temporary file is removed and the old file is left as it was.
///
/// A symbolic link is followed: its target is replaced and the link stays a link.
public enum AtomicFileWriter {
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Writes `bytes` in place of the existing regular file at `path`. When `expectedOriginal`
    /// is given, the write is abandoned if the file no longer holds those bytes (it changed
    /// while we were formatting it).
    public static func replace(_ path: String, with bytes: [UInt8], expectedOriginal: [UInt8]? = nil) throws(Failure) {
        let target = try resolvedPath(path)
        var info = stat()
        guard stat(target, &info) == 0 else { throw failure(path, "cannot read file information", errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw Failure(path: path, reason: "not a regular file") }
        if let expectedOriginal {
            guard let current = try? FileReading.read(path: target), current == expectedOriginal else {
                throw Failure(path: path, reason: "the file changed while it was being formatted; nothing written")
            }
        }
        let folder = directory(of: target)
        var template = Array((folder + "/." + baseName(of: target) + ".kafmt-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure(path, "cannot create a temporary file in \(folder)", errno) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var isOpen = true
        do throws(Failure) {
            try writeAll(descriptor, bytes, path: path)
            guard fchmod(descriptor, info.st_mode & 0o7777) == 0 else { throw failure(path, "cannot set the file mode", errno) }
            if info.st_uid != geteuid() || info.st_gid != getegid() {
                guard fchown(descriptor, info.st_uid, info.st_gid) == 0 else {
                    throw failure(path, "cannot keep the file's owner and group", errno)
                }
                // chown may clear set-id bits; put the mode back.
                guard fchmod(descriptor, info.st_mode & 0o7777) == 0 else { throw failure(path, "cannot set the file mode", errno) }
            }
            guard fsync(descriptor) == 0 else { throw failure(path, "cannot flush the new contents to disk", errno) }
            isOpen = false
            guard close(descriptor) == 0 else { throw failure(path, "cannot close the temporary file", errno) }
        } catch {
            if isOpen { close(descriptor) }
            unlink(temporary)
            throw error
        }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure(path, "cannot rename the temporary file over the original", code)
        }
        syncDirectory(folder)
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(path, "cannot write the temporary file", errno)
            }
            offset += written
        }
    }

    private static func resolvedPath(_ path: String) throws(Failure) -> String {
        guard let resolved = realpath(path, nil) else { throw failure(path, "cannot open", errno) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func syncDirectory(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    package static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func failure(_ path: String, _ what: String, _ code: Int32) -> Failure {
        Failure(path: path, reason: "\(what): \(String(cString: strerror(code)))")
    }
}

private let systemRead = read

/// Whole-file reads, as kafmt needs them.
public enum FileReading {
    public static func read(path: String) throws(AtomicFileWriter.Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw AtomicFileWriter.failure(path, "cannot open", errno) }
        defer { close(descriptor) }
        return try readAll(descriptor, path: path)
    }

    public static func readStandardInput() throws(AtomicFileWriter.Failure) -> [UInt8] {
        try readAll(0, path: "<stdin>")
    }

    private static func readAll(_ descriptor: Int32, path: String) throws(AtomicFileWriter.Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw AtomicFileWriter.failure(path, "cannot read", errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
