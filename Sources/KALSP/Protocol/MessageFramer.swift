/// LSP's base protocol: each message is `Content-Length: N\r\n` (other headers allowed and
/// ignored) `\r\n`, then N bytes of JSON. Bytes arrive in any pieces; `next()` hands out whole
/// bodies. A header block without a usable length is reported and skipped; a body longer than
/// `maximumBodyBytes` is reported and its bytes thrown away as they come, so a broken or hostile
/// client costs bounded memory and never stops the reader.
struct MessageFramer {
    enum Frame: Equatable {
        case body([UInt8])
        case malformed(String)
    }

    static let maximumBodyBytes = 64 << 20
    static let maximumHeaderBytes = 8 << 10

    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes of an oversized body still to throw away.
    private var discarding = 0

    mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    mutating func next() -> Frame? {
        defer { compact() }
        if discarding > 0 {
            let dropped = min(discarding, buffer.count - start)
            start += dropped
            discarding -= dropped
            if discarding > 0 { return nil }
        }
        guard let headerEnd = findHeaderEnd() else {
            if buffer.count - start > Self.maximumHeaderBytes {
                start = buffer.count
                return .malformed("header longer than \(Self.maximumHeaderBytes) bytes without an empty line")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        let bodyStart = headerEnd + 4
        guard let length = Self.contentLength(header) else {
            start = bodyStart
            return .malformed("header without a valid Content-Length")
        }
        guard length <= Self.maximumBodyBytes else {
            start = bodyStart
            discarding = length
            return .malformed("message of \(length) bytes is larger than \(Self.maximumBodyBytes)")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        return .body(body)
    }

    /// The index of the `\r\n\r\n` that ends the header at `start`.
    private func findHeaderEnd() -> Int? {
        var index = start
        while index + 3 < buffer.count {
            if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D, buffer[index + 3] == 0x0A {
                return index
            }
            index += 1
        }
        return nil
    }

    static func contentLength(_ header: String) -> Int? {
        var length: Int?
        for line in header.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            if name == "content-length" {
                guard let parsed = Int(value.prefix { $0 != " " && $0 != "\t" }), parsed >= 0 else { return nil }
                length = parsed
            }
        }
        return length
    }

    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.count < 1 << 20)
            start = 0
        } else if start > 1 << 16, start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }

    /// One framed message.
    static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
