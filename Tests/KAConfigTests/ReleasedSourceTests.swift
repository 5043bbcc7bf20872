import Foundation
import Synchronization
import Testing
@testable import KAConfig
@testable import KALint

/// A released `SourceFile` (kalint drops each file's bytes once expanded) reads back exactly
/// what the bytes held, reads nothing from a file that changed since, and the analysis keeps
/// no other copy of the bytes (else releasing them frees nothing).
@Suite struct ReleasedSourceTests {
    /// A file system that keeps each array it hands out and counts the ranged reads.
    final class RecordingFileSystem: ConfigFileSystem {
        let base: InMemoryFileSystem
        private let state = Mutex<(arrays: [String: [UInt8]], rangedReads: Int)>(([:], 0))

        init(files: [String: String]) { base = InMemoryFileSystem(files: files) }

        func readFile(_ path: String) throws -> [UInt8] {
            // A fresh array per read: only this file system and the analysis hold it.
            var bytes = try base.readFile(path)
            bytes.append(0)
            bytes.removeLast()
            state.withLock { $0.arrays[path] = bytes }
            return bytes
        }

        func readFile(_ path: String, range: Range<Int>) throws -> (bytes: [UInt8], fileSize: Int) {
            state.withLock { $0.rangedReads += 1 }
            return try base.readFile(path, range: range)
        }

        func glob(_ pattern: String, relativeTo directory: String) -> [String] { base.glob(pattern, relativeTo: directory) }
        func fileKind(_ path: String) -> ConfigFileKind { base.fileKind(path) }

        var rangedReads: Int { state.withLock { $0.rangedReads } }

        /// Whether the array handed out for `path` is held by nobody else: writing to a uniquely
        /// held array does not copy it (copy-on-write), so its storage stays where it was. A
        /// shared one is copied, and the copy is what this file system holds from then on.
        func isHeldOnlyHere(_ path: String) -> Bool {
            state.withLock { state -> Bool in
                guard var bytes = state.arrays.removeValue(forKey: path) else { return false }
                let before = bytes.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
                let after = bytes.withUnsafeMutableBufferPointer { UInt(bitPattern: $0.baseAddress) }
                state.arrays[path] = bytes
                return before == after
            }
        }
    }

    static let instance = """
        vrrp_instance VI_%d {  # instance %d
            state BACKUP
            interface eth0
            virtual_router_id %d
            priority 100
            virtual_ipaddress {
                192.0.2.%d/24
            }
        }

        """

    /// `count` instances: 240 of them make a small file, 2,000 one past the threshold where the
    /// analysis binds on a second thread (a different path through `Analyzer.run`).
    static func config(instances count: Int) -> String {
        (0..<count).map { String(format: instance, $0, $0, $0 % 255 + 1, $0 % 250 + 1) }.joined()
    }

    /// Checked where the peak memory is: for a large file, while the model is built (the facts
    /// kalint derives meanwhile get the tree); for a small one, after the analysis.
    @Test(arguments: [240, 2_000])
    func theAnalysisHoldsNoCopyOfReleasedBytes(instances: Int) {
        let text = Self.config(instances: instances)
        let large = text.utf8.count >= AnalysisPipeline.standard.minimumBytes
        #expect(large == (instances > 1_000))
        for releases in [true, false] {
            let fileSystem = RecordingFileSystem(files: ["/c/a.conf": text])
            var options = ExpansionOptions(keepsSyntaxTrees: false)
            options.releasesSources = releases
            let (analysis, heldOnlyHere) = Analyzer.analyze(path: "/c/a.conf", options: options, fileSystem: fileSystem) {
                tree, besideModel in
                #expect(besideModel == large)
                // One check a run: a check that finds the array shared leaves the file system a copy.
                return besideModel ? fileSystem.isHeldOnlyHere("/c/a.conf") : nil
            }
            withExtendedLifetime(analysis) {
                #expect(analysis.model.instances.count == instances)
                #expect(analysis.expanded.files["/c/a.conf"]?.source.isReleased == releases)
                // Released: the bytes are freed once the file system lets go of its copy too.
                #expect((heldOnlyHere ?? fileSystem.isHeldOnlyHere("/c/a.conf")) == releases, "releases \(releases)")
            }
        }
    }

    /// Every line, terminator and comment of the corpus files reads the same from a released
    /// source (read back from disk) as from the bytes.
    @Test func releasedSourcesReadTheCorpusAsTheBytesDo() throws {
        var lines = 0
        for url in CorpusFiles.all() {
            let bytes = try LocalFileSystem().readFile(url.path)
            let kept = SourceFile(path: url.path, bytes: bytes)
            let released = kept.released(rereadingThrough: LocalFileSystem())
            #expect(released.isReleased && !kept.isReleased)
            #expect(released.byteCount == bytes.count && released.lineCount == kept.lineCount)
            for line in 1...max(1, kept.lineCount) {
                #expect(released.readLine(line).map(Array.init) == kept.readLine(line).map(Array.init), "\(url.path):\(line)")
                #expect(released.lineEndsWithCRLF(line) == kept.lineEndsWithCRLF(line))
                lines += 1
            }
            for comment in ExpandedFile(parsingWithoutTree: kept).comments {
                #expect(released.text(comment.range) == kept.text(comment.range))
            }
            #expect(released.bytes == bytes)
        }
        #expect(lines > 10_000)
    }

    /// Lines across window ends, CRLF, a last line without a newline, a range longer than a
    /// window, and the clamping of ranges past the end.
    @Test func windowsAndTerminators() throws {
        var text = ""
        for index in 0..<6_000 {
            text += String(repeating: "x", count: index % 97) + (index % 3 == 0 ? " crlf\r\n" : " lf\n")
        }
        text += "\r\n\nlast line"
        let url = try Self.temporaryFile(text)
        defer { try? FileManager.default.removeItem(at: url) }
        let kept = SourceFile(path: url.path, text: text)
        let released = kept.released(rereadingThrough: LocalFileSystem())
        #expect(kept.byteCount > 4 * SourceRereader.windowBytes)
        // Backwards too: each read may need another window.
        for line in (1...kept.lineCount).reversed() {
            #expect(Array(released.lineBytes(line)) == Array(kept.lineBytes(line)), "line \(line)")
            #expect(released.lineEndsWithCRLF(line) == kept.lineEndsWithCRLF(line), "line \(line)")
        }
        #expect(Array(released.lineBytes(kept.lineCount)) == Array("last line".utf8))
        let long = 1_000..<(1_000 + 3 * SourceRereader.windowBytes)
        #expect(Array(released.bytes(in: long)) == Array(kept.bytes(in: long)))
        #expect(Array(released.bytes(in: (kept.byteCount - 4)..<(kept.byteCount + 10))) == Array("line".utf8))
        #expect(released.readLine(0) == nil && released.readLine(kept.lineCount + 1) == nil)
    }

    /// Lines read back and forth across the file (findings with notes on earlier lines) read a
    /// window per miss only up to `windowedMisses`; then the whole file once, and no more.
    @Test func scatteredReadsEndInOneWholeRead() throws {
        let text = Self.config(instances: 2_000)
        let fileSystem = RecordingFileSystem(files: ["/c/a.conf": text])
        let kept = SourceFile(path: "/c/a.conf", text: text)
        let released = kept.released(rereadingThrough: fileSystem)
        #expect(kept.byteCount > 4 * SourceRereader.windowBytes)
        for round in 0..<200 {
            let line = round % 2 == 0 ? 1 + round : kept.lineCount - round
            #expect(released.readLine(line).map(Array.init) == kept.readLine(line).map(Array.init))
        }
        #expect(fileSystem.rangedReads == SourceRereader.windowedMisses + 1)
    }

    /// A released source keeps every 64th line start only; every start, line and location it
    /// finds by reading back is the full table's: at segment edges, for a last line with and
    /// without a newline (and an empty one after it), CRLF, an empty file, read forwards,
    /// backwards, and scattered until every start is found from the whole file.
    @Test func sparseLineTablesAgreeWithTheFullOnes() throws {
        let stride = LineStartTable.sparseStride
        var texts = ["", "a", "a\n", "\n", "\n\n", "x\r\ny"]
        for lines in [stride - 1, stride, stride + 1, 2 * stride, 3 * stride + 5] {
            let body = (0..<lines).map { String(repeating: "w", count: $0 % 7) + " \($0)" }.joined(separator: "\n")
            texts += [body, body + "\n", body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"]
        }
        texts.append(Self.config(instances: 40))
        for text in texts {
            let url = try Self.temporaryFile(text)
            defer { try? FileManager.default.removeItem(at: url) }
            let kept = SourceFile(path: url.path, text: text)
            let released = kept.released(rereadingThrough: LocalFileSystem())
            #expect(released.lineStarts.isSparse && !kept.lineStarts.isSparse)
            #expect(released.lineStarts.starts.count == (kept.lineCount + stride - 1) / stride)
            #expect(released.lineCount == kept.lineCount)
            let order = Array(0..<kept.lineCount)
            for line in order + order.reversed() {
                #expect(released.lineStarts[line] == kept.lineStarts[line], "\(text.prefix(20)) line \(line)")
                #expect(released.readLine(line + 1).map(Array.init) == kept.readLine(line + 1).map(Array.init))
                #expect(released.lineEndsWithCRLF(line + 1) == kept.lineEndsWithCRLF(line + 1))
            }
            for offset in 0...kept.byteCount {
                #expect(released.location(of: offset) == kept.location(of: offset), "\(text.prefix(20)) offset \(offset)")
            }
            #expect(released.lineStarts == kept.lineStarts)
        }
        // Scattered over more segments than are decoded one by one: every start is then found
        // from the whole file, and still the same.
        let text = Self.config(instances: 2_000)
        let kept = SourceFile(path: "/c/a.conf", text: text)
        let released = kept.released(rereadingThrough: RecordingFileSystem(files: ["/c/a.conf": text]))
        let segments = kept.lineCount / stride
        #expect(segments > 2 * SourceRereader.segmentMisses)
        for round in 0..<(4 * SourceRereader.segmentMisses) {
            let line = (round * 7_919) % kept.lineCount
            #expect(released.lineStarts[line] == kept.lineStarts[line], "line \(line)")
            #expect(released.readLine(line + 1).map(Array.init) == kept.readLine(line + 1).map(Array.init))
        }
        #expect(released.lineStarts == kept.lineStarts)
    }

    /// A file that changed size or went away after its release gives no lines: a line of another
    /// version would sit under the wrong finding. The human output then has no excerpt.
    @Test func aChangedFileGivesNoLines() throws {
        let text = "vrrp_instance VI_1 {\n    virtual_router_id 300\n}\n"
        let url = try Self.temporaryFile(text)
        defer { try? FileManager.default.removeItem(at: url) }
        let kept = SourceFile(path: url.path, text: text)
        let released = kept.released(rereadingThrough: LocalFileSystem())
        let diagnostic = Diagnostic(
            DiagnosticRule(code: "KA999", slug: "test", severity: .error, summary: ""), "m",
            at: SourceSpan(file: url.path, start: SourceLocation(line: 2, column: 5), end: SourceLocation(line: 2, column: 22)))
        let expected = HumanRenderer(sources: [url.path: kept], color: false).render(diagnostic)
        #expect(expected.contains("virtual_router_id 300\n"))
        #expect(HumanRenderer(sources: [url.path: released], color: false).render(diagnostic) == expected)

        // A fresh release (the first one keeps its window), after the file grew.
        let grown = kept.released(rereadingThrough: LocalFileSystem())
        try (text + "# more\n").write(to: url, atomically: false, encoding: .utf8)
        #expect(grown.readLine(2) == nil && grown.lineBytes(2).isEmpty && grown.text(0..<5).isEmpty)
        let shown = HumanRenderer(sources: [url.path: grown], color: false).render(diagnostic)
        #expect(shown == "\(url.path):2:5: error: m [KA999 test]\n")

        let removed = kept.released(rereadingThrough: LocalFileSystem())
        try FileManager.default.removeItem(at: url)
        #expect(removed.readLine(1) == nil && removed.bytes.isEmpty)
    }

    /// A released file keeps the comments a lint reads (directives, glued ones) and drops the
    /// rest; kalint still honours the directive and reports the glued one.
    @Test func aReleasedFileKeepsTheCommentsALintReads() {
        let text = """
            # a plain comment
            vrrp_instance VI_1 {  ! another
                virtual_router_id 300  # kalint disable=vrid-range
                auth_pass abc#def
            }

            """
        let fileSystem = RecordingFileSystem(files: ["/c/a.conf": text])
        let kept = ExpandedFile(parsingWithoutTree: SourceFile(path: "/c/a.conf", text: text))
        let released = kept.releasingSource(rereadingThrough: fileSystem)
        #expect(kept.comments.count == 4)
        #expect(released.comments == kept.comments.filter { $0.mayBeDirective || $0.gluedWord != nil })
        #expect(released.comments.count == 2)
        let response = KalintDriver.run(KalintRequest(files: ["/c/a.conf"]), fileSystem: fileSystem)
        #expect(!response.stdout.contains("vrid-range"), "\(response.stdout)")
        #expect(response.stdout.contains("[KA234 glued-comment]") && response.stdout.contains("(1 suppressed)"), "\(response.stdout)")
    }

    /// kalint reads back the lines it shows (the sources are released); `--fix` edits the bytes
    /// as they were read, so it keeps them.
    @Test func kalintReleasesUnlessItFixes() {
        let files = ["/c/a.conf": "vrrp_instance VI_1 {\n    virtual_router_id 300\n}\n"]
        let linting = RecordingFileSystem(files: files)
        let response = KalintDriver.run(KalintRequest(files: ["/c/a.conf"]), fileSystem: linting)
        #expect(response.stdout.contains("    virtual_router_id 300\n"))
        #expect(linting.rangedReads > 0)
        let fixing = RecordingFileSystem(files: files)
        _ = KalintDriver.run(KalintRequest(files: ["/c/a.conf"], fix: true, diff: true), fileSystem: fixing)
        #expect(fixing.rangedReads == 0)
    }

    /// The lexer marks the comments that may be suppressions, as `Suppressions` would read them
    /// from the bytes, on both of its paths (findings only, and the whole tree).
    @Test func commentsAreMarkedAtLexing() throws {
        var marked = 0
        var comments = 0
        let extra = SourceFile(path: "x.conf", text: "a b#kalint disable=x\n# kalint disable-file=y\n!kalint\n# kal\n")
        var sources = [extra]
        for url in CorpusFiles.all() { sources.append(SourceFile(path: url.path, bytes: try LocalFileSystem().readFile(url.path))) }
        for source in sources {
            let findings = ExpandedFile(parsingWithoutTree: source).comments
            let whole = ExpandedFile(Parser.parse(source), keepingTree: false).comments
            #expect(findings == whole)
            for comment in findings {
                #expect(comment.mayBeDirective == FileComment.mayBeLintDirective(source.bytes[comment.range]))
                if comment.mayBeDirective { marked += 1 }
                comments += 1
            }
        }
        #expect(marked >= 3 && comments > 1_000)
    }

    static func temporaryFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("released-\(UUID().uuidString).conf")
        try text.write(to: url, atomically: false, encoding: .utf8)
        return url
    }
}
