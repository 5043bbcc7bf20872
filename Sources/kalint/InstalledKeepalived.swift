#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The version of the keepalived installed here, as `keepalived -v` prints it ("Keepalived v2.2.7
/// (...)"): read from the binary, else from running it; nil when there is none.
/// `--target-version` defaults to it.
enum InstalledKeepalived {
    static let candidates = ["/usr/sbin/keepalived", "/usr/local/sbin/keepalived", "/sbin/keepalived"]

    static func version() -> String? {
        guard let path = candidates.first(where: { access($0, X_OK) == 0 }) else { return nil }
        return versionInBinary(path) ?? versionFromRunning(path)
    }

    /// The banner `keepalived -v` prints is a string in its binary: reading it (about 1 MB) costs
    /// far less than starting keepalived for every kalint run. Read 64 KB at a time, so that
    /// the search holds no more than that (a whole-binary buffer was most of the heap kalint
    /// needs for a small file).
    static func versionInBinary(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        let chunk = 1 << 16
        // A banner cut by a chunk's end is found whole in the next window: each window starts
        // with the previous window's last `overlap` bytes.
        let overlap = 64
        var window = [UInt8](repeating: 0, count: chunk + overlap)
        var kept = 0
        var total = 0
        while total < 16 << 20 {
            let count = window.withUnsafeMutableBytes { fread($0.baseAddress! + kept, 1, chunk, file) }
            if count <= 0 { return nil }
            total += count
            let length = kept + count
            if let version = banner(in: window, length: length, complete: count < chunk) { return version }
            kept = min(overlap, length)
            window.withUnsafeMutableBytes { raw in
                raw.baseAddress!.copyMemory(from: raw.baseAddress! + length - kept, byteCount: kept)
            }
        }
        return nil
    }

    /// The version after "Keepalived v" in the first `length` bytes of `bytes`. A match too
    /// close to the end (its digits may go on in the next window) counts only when `complete`.
    static func banner(in bytes: [UInt8], length: Int, complete: Bool) -> String? {
        let marker = Array("Keepalived v".utf8)
        var offset = 0
        while offset < length {
            // memchr finds each 'K' at memory speed (glibc's memmem is not exported to Swift).
            let found: Int? = bytes.withUnsafeBytes { raw in
                memchr(raw.baseAddress! + offset, Int32(marker[0]), length - offset).map { UnsafeRawPointer($0) - raw.baseAddress! }
            }
            guard let position = found else { return nil }
            guard position + marker.count <= length, bytes[position..<(position + marker.count)].elementsEqual(marker) else {
                offset = position + 1
                continue
            }
            let start = position + marker.count
            var end = start
            while end < length, (bytes[end] >= 0x30 && bytes[end] <= 0x39) || bytes[end] == 0x2E { end += 1 }
            if end == length, !complete { return nil }
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            if text.contains("."), text.first?.isNumber == true { return text }
            offset = start
        }
        return nil
    }

    /// `keepalived -v` itself, for a binary whose banner is not a plain string.
    static func versionFromRunning(_ path: String) -> String? {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 2)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(path), strdup("-v"), nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        guard spawned == 0 else { return nil }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 512)
        while output.count < 4096 {
            let count = buffer.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
            if count > 0 {
                output += buffer[..<count]
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return parse(String(decoding: output, as: UTF8.self))
    }

    /// "Keepalived v2.2.7 (01/16,2022)" -> "2.2.7".
    static func parse(_ text: String) -> String? {
        let marker = "Keepalived v"
        guard let offset = text.firstOffset(of: marker) else { return nil }
        // The marker is ASCII: the index after it is a character boundary.
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: offset + marker.utf8.count)
        let version = text[start...].prefix { $0.isNumber || $0 == "." }
        return version.contains(".") ? String(version) : nil
    }
}
