import Foundation

/// A daemon's stdout and stderr written to its log file line by line, each prefixed with the
/// monotonic time it arrived (`12345.678901 line`): one clock for karun's and keepalived's lines,
/// whose own console timestamps have milliseconds and whole seconds.
final class StampedLog: @unchecked Sendable {
    let pipe = Pipe()

    init(path: String) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let reader = pipe.fileHandleForReading
        let thread = Thread {
            var pending = Data()
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                let now = monotonicSeconds()
                pending.append(chunk)
                while let newline = pending.firstIndex(of: 10) {
                    output.write(Data(String(format: "%.6f ", now).utf8) + pending[pending.startIndex...newline])
                    pending.removeSubrange(pending.startIndex...newline)
                }
            }
            try? output.close()
        }
        thread.start()
    }

    /// The lines of a stamped log file with their arrival times.
    static func lines(_ path: String) -> [(time: Double, text: String)] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard let space = line.firstIndex(of: " "), let time = Double(line[..<space]) else { return nil }
            return (time, String(line[line.index(after: space)...]))
        }
    }
}
