#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KAConfig
import KAVRRP

/// One `track_file` block as the watcher needs it.
public struct TrackedFile: Hashable, Sendable {
    public var name: String
    public var path: String
    /// `init_file [VALUE]`: written at start when the file does not exist (VALUE defaults to 0).
    public var initValue: Int?
    /// `init_file ... overwrite`: written even when the file exists.
    public var overwrite: Bool

    public init(name: String, path: String, initValue: Int? = nil, overwrite: Bool = false) {
        self.name = name
        self.path = path
        self.initValue = initValue
        self.overwrite = overwrite
    }

    /// From the model's `track_file`; nil without a `file`.
    public init?(_ model: TrackFile) {
        guard let path = model.file, !path.isEmpty else { return nil }
        var initValue: Int?
        var overwrite = false
        if let words = model.other["init_file"] {
            initValue = 0
            for word in words {
                if word == "overwrite" { overwrite = true } else if let number = Int(word) { initValue = number }
            }
        }
        self.init(name: model.name, path: path, initValue: initValue, overwrite: overwrite)
    }
}

/// Watches `track_file` files with inotify (on their directories, so a replace-by-rename is seen)
/// and reports the number each holds as `TrackerStatus.value`, on the loop's thread. No polling.
///
/// keepalived semantics (trackers/track_file.c): the file is read when written and closed or moved
/// in; a missing, empty or non-numeric file reads as 0 (`strtol`, base 0: hex and octal allowed);
/// a deleted or moved-away file is 0; a number outside the 32-bit range is ignored (logged). Only
/// changes are reported, plus each file's first value from `configure`.
public final class TrackFileWatcher {
    /// Called on the loop's thread with each tracked file's first value and every change.
    public var onChange: ((TrackerKey, TrackerStatus) -> Void)?

    private unowned let loop: EventLoop
    private let log: (String) -> Void
    private let inotify: Int32
    private var files: [String: Watched] = [:]
    /// Watch descriptor → directory, and directory → its descriptor.
    private var directories: [Int32: String] = [:]
    private var watchDescriptors: [String: Int32] = [:]

    private struct Watched {
        var file: TrackedFile
        var directory: String
        var baseName: String
        var value: Int
    }

    public init(loop: EventLoop, log: @escaping (String) -> Void) throws {
        self.loop = loop
        self.log = log
        inotify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard inotify >= 0 else { throw SystemError("inotify_init1") }
        do {
            try loop.watch(fd: inotify) { [weak self] _ in self?.readEvents() }
        } catch {
            close(inotify)
            throw error
        }
    }

    deinit {
        loop.unwatch(fd: inotify)
        close(inotify)
    }

    public func value(of name: String) -> Int? { files[name]?.value }

    /// Installs the files (first start or reload): applies `init_file`, reads each file and reports
    /// the values that are new or changed; files no longer configured stop being watched.
    public func configure(_ tracked: [TrackedFile]) {
        let previous = files
        files = [:]
        for file in tracked {
            if let initValue = file.initValue { initialise(file.path, value: initValue, overwrite: file.overwrite) }
            let (directory, baseName) = Self.split(file.path)
            var watched = Watched(file: file, directory: directory, baseName: baseName, value: 0)
            watched.value = read(file.path) ?? 0
            files[file.name] = watched
            if previous[file.name]?.file.path != file.path || previous[file.name]?.value != watched.value {
                onChange?(TrackerKey(.file, file.name), .value(watched.value))
            }
        }
        syncWatches()
    }

    /// Stops watching every file.
    public func stop() {
        files.removeAll()
        syncWatches()
    }

    // MARK: Private

    private func syncWatches() {
        let wanted = Set(files.values.map(\.directory))
        for (directory, descriptor) in watchDescriptors where !wanted.contains(directory) {
            _ = inotify_rm_watch(inotify, descriptor)
            watchDescriptors[directory] = nil
            directories[descriptor] = nil
        }
        let mask = UInt32(IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)
        for directory in wanted where watchDescriptors[directory] == nil {
            let descriptor = inotify_add_watch(inotify, directory, mask)
            guard descriptor >= 0 else {
                log("track_file: cannot watch \(directory): \(SystemError("inotify_add_watch"))")
                continue
            }
            watchDescriptors[directory] = descriptor
            directories[descriptor] = directory
        }
    }

    private func readEvents() {
        var buffer = [UInt8](repeating: 0, count: 8_192)
        var overflowed = false
        defer {
            // Events were lost: read every file again.
            if overflowed { rescan() }
        }
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(inotify, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                let header = 16
                while offset + header <= count {
                    let descriptor = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = bytes[(offset + header)..<min(count, offset + header + length)]
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    offset += header + length
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 { overflowed = true }
                    if mask & UInt32(IN_ISDIR) != 0 { continue }
                    guard let directory = directories[descriptor] else { continue }
                    handle(directory: directory, name: name, gone: mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0)
                }
            }
        }
    }

    private func handle(directory: String, name: String, gone: Bool) {
        for (key, watched) in files where watched.directory == directory && watched.baseName == name {
            let newValue: Int
            if gone {
                newValue = 0
            } else {
                guard let read = read(watched.file.path) else { continue }
                newValue = read
            }
            guard newValue != watched.value else { continue }
            files[key]?.value = newValue
            onChange?(TrackerKey(.file, key), .value(newValue))
        }
    }

    private func rescan() {
        for (key, watched) in files {
            guard let newValue = read(watched.file.path), newValue != watched.value else { continue }
            files[key]?.value = newValue
            onChange?(TrackerKey(.file, key), .value(newValue))
        }
    }

    /// The file's number: 0 when missing, empty or not a number; nil (ignore) when out of range.
    private func read(_ path: String) -> Int? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return 0 }
        var buffer = [CChar](repeating: 0, count: 128)
        let length = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 127) }
        close(fd)
        guard length > 0 else { return 0 }
        errno = 0
        let number = strtol(buffer, nil, 0)
        if errno != 0 || number < Int(Int32.min) || number > Int(Int32.max) + 1 {
            log("track_file: invalid number read from \(path) - ignoring")
            return nil
        }
        return number
    }

    private func initialise(_ path: String, value: Int, overwrite: Bool) {
        let flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (overwrite ? 0 : O_EXCL)
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else {
            if errno != EEXIST { log("track_file: cannot initialise \(path): \(SystemError("open"))") }
            return
        }
        let text = Array("\(value)\n".utf8)
        _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }
}
