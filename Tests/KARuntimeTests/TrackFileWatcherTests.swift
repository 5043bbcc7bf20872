import Foundation
import Glibc
import KAVRRP
import Testing
@testable import KARuntime

extension ScriptTests {
    @Suite struct TrackFiles {
        @Test func valuesAreReportedAfterWritesRenamesAndDeletion() throws {
            let scratch = try ScriptScratch()
            let path = scratch.file("weight")
            try "5\n".write(toFile: path, atomically: false, encoding: .utf8)
            let loop = try EventLoop()
            let watcher = try TrackFileWatcher(loop: loop) { _ in }
            var values: [Int] = []
            watcher.onChange = { key, status in
                #expect(key == TrackerKey(.file, "weight"))
                if case .value(let number) = status { values.append(number) }
            }
            watcher.configure([TrackedFile(name: "weight", path: path)])
            #expect(values == [5])

            try "7\n".write(toFile: path, atomically: false, encoding: .utf8)
            #expect(runLoop(loop, limit: 3) { values.count == 2 })
            #expect(values.last == 7)

            // Replace by rename: the directory watch sees the new file moved in.
            try "-3\n".write(toFile: scratch.file("weight.tmp"), atomically: false, encoding: .utf8)
            #expect(rename(scratch.file("weight.tmp"), path) == 0)
            #expect(runLoop(loop, limit: 3) { values.count == 3 })
            #expect(values.last == -3)
            #expect(watcher.value(of: "weight") == -3)

            // Writing the same value again reports nothing; garbage reads as 0; deletion is 0 too.
            try "-3\n".write(toFile: path, atomically: false, encoding: .utf8)
            try "0x10\n".write(toFile: path, atomically: false, encoding: .utf8)
            #expect(runLoop(loop, limit: 3) { values.count == 4 })
            #expect(values.last == 16)
            unlink(path)
            #expect(runLoop(loop, limit: 3) { values.count == 5 })
            #expect(values == [5, 7, -3, 16, 0])
            watcher.stop()
        }

        @Test func initFileCreatesOrOverwrites() throws {
            let scratch = try ScriptScratch()
            let loop = try EventLoop()
            let watcher = try TrackFileWatcher(loop: loop) { _ in }
            var values: [String: Int] = [:]
            watcher.onChange = { key, status in
                if case .value(let number) = status { values[key.name] = number }
            }
            try "9\n".write(toFile: scratch.file("kept"), atomically: false, encoding: .utf8)
            try "9\n".write(toFile: scratch.file("over"), atomically: false, encoding: .utf8)
            watcher.configure([
                TrackedFile(name: "new", path: scratch.file("new"), initValue: 4),
                TrackedFile(name: "kept", path: scratch.file("kept"), initValue: 4),
                TrackedFile(name: "over", path: scratch.file("over"), initValue: -2, overwrite: true),
                TrackedFile(name: "absent", path: scratch.file("absent")),
            ])
            #expect(values == ["new": 4, "kept": 9, "over": -2, "absent": 0])
            #expect(scratch.read("new") == "4\n")
            watcher.stop()
        }
    }
}
