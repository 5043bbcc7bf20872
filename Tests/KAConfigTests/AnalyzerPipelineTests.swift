import Foundation
import Testing
@testable import KAConfig
@testable import KALint

/// A large file is parsed and bound beside its expansion (`AnalysisPipeline`); the result must be
/// exactly what the one-thread order gives, whatever the chunk size.
@Suite("Analyzer: pipelined front end equals the sequential one")
struct AnalyzerPipelineTests {
    /// Every file pipelined, in chunks as small as they can be cut.
    static let eager = [
        AnalysisPipeline(minimumBytes: 0, chunkLines: 1),
        AnalysisPipeline(minimumBytes: 0, chunkLines: 5),
    ]

    static func assertSame(_ pipelined: NodeAnalysis, _ sequential: NodeAnalysis, _ label: String) {
        // Both drop the lines once they are bound; the statements below carry what they held.
        #expect(pipelined.expanded.lines.isEmpty && sequential.expanded.lines.isEmpty, "\(label): lines kept")
        #expect(pipelined.expanded.diagnostics == sequential.expanded.diagnostics, "\(label): expansion diagnostics")
        #expect(pipelined.bound.diagnostics == sequential.bound.diagnostics, "\(label): binding diagnostics")
        #expect(ModelJSON.encode(pipelined.model) == ModelJSON.encode(sequential.model), "\(label): model")
        #expect(pipelined.instanceBlocks == sequential.instanceBlocks, "\(label): instances")
        let files = pipelined.expanded.files, expected = sequential.expanded.files
        #expect(files.keys.sorted() == expected.keys.sorted(), "\(label): files")
        for (path, tree) in expected {
            #expect(files[path]?.source.bytes == tree.source.bytes, "\(label): \(path) source")
            #expect(files[path]?.source.lineStarts == tree.source.lineStarts, "\(label): \(path) line table")
            #expect(files[path]?.tree?.nodes.count == tree.tree?.nodes.count, "\(label): \(path) nodes")
            #expect(files[path]?.comments == tree.comments, "\(label): \(path) comments")
            #expect(files[path]?.diagnostics == tree.diagnostics, "\(label): \(path) syntax diagnostics")
        }
        let tree = pipelined.bound.tree, expectedTree = sequential.bound.tree
        #expect(tree.statements.count == expectedTree.statements.count, "\(label): statements")
        for (statement, other) in zip(tree.statements, expectedTree.statements) {
            guard statement.words == other.words, statement.storedBlock == other.storedBlock, statement.origin == other.origin,
                statement.entries == other.entries, statement.text == other.text, statement.row === other.row
            else {
                Issue.record("\(label): statement \(other.words.map(\.text)) differs")
                return
            }
        }
        #expect(tree.blocks.map(\.specName) == expectedTree.blocks.map(\.specName), "\(label): blocks")
        #expect(tree.blocks.map(\.opener) == expectedTree.blocks.map(\.opener), "\(label): block openers")
        #expect(tree.blocks.map(\.statements) == expectedTree.blocks.map(\.statements), "\(label): block statements")
        #expect(tree.blocks.map(\.closingBrace) == expectedTree.blocks.map(\.closingBrace), "\(label): closing braces")
        #expect(tree.emptyValueBlockEnds == expectedTree.emptyValueBlockEnds, "\(label): ends of empty value blocks")
    }

    static func assertSame(text: String, path: String = "/k.conf", options: ExpansionOptions = ExpansionOptions(), label: String) {
        let files = InMemoryFileSystem(files: [:])
        let sequential = Analyzer.analyze(path: path, text: text, options: options, fileSystem: files, pipeline: .sequential)
        for pipeline in eager {
            let pipelined = Analyzer.analyze(path: path, text: text, options: options, fileSystem: files, pipeline: pipeline)
            assertSame(pipelined, sequential, "\(label) (chunks of \(pipeline.chunkLines))")
        }
    }

    @Test func corpusFiles() throws {
        var checked = 0
        for url in CorpusFiles.all() {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            Self.assertSame(
                text: String(decoding: data, as: UTF8.self), path: url.path, options: ExpansionOptions(configID: "node1"),
                label: url.lastPathComponent)
            checked += 1
        }
        #expect(checked > 60)
    }

    /// A lint run keeps no syntax trees (its files are parsed for findings and comments only):
    /// the same files, sources, comments, findings, statements and model, pipelined or not.
    static func assertLeanSame(text: String, path: String, label: String) {
        var lean = ExpansionOptions(configID: "node1")
        lean.keepsSyntaxTrees = false
        let files = InMemoryFileSystem(files: [:])
        let full = Analyzer.analyze(path: path, text: text, options: ExpansionOptions(configID: "node1"), fileSystem: files)
        for pipeline in [AnalysisPipeline.sequential] + Self.eager {
            let node = Analyzer.analyze(path: path, text: text, options: lean, fileSystem: files, pipeline: pipeline)
            #expect(node.expanded.files.values.allSatisfy { $0.tree == nil }, "\(label): a tree was kept")
            #expect(node.expanded.files.mapValues(\.comments) == full.expanded.files.mapValues(\.comments), "\(label)")
            #expect(node.sources.mapValues(\.bytes) == full.sources.mapValues(\.bytes), "\(label)")
            #expect(node.frontEndDiagnostics == full.frontEndDiagnostics, "\(label)")
            #expect(node.bound.tree.statements.count == full.bound.tree.statements.count, "\(label)")
            #expect(node.model == full.model, "\(label)")
        }
    }

    @Test func withoutTreesOnlyTheTreesAreMissing() throws {
        var compared = 0
        for url in CorpusFiles.all().prefix(60) {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            Self.assertLeanSame(text: String(decoding: data, as: UTF8.self), path: url.path, label: url.lastPathComponent)
            compared += 1
        }
        #expect(compared > 30)
        for input in MalformedCatalogue.cases where input.bytes.count < 100_000 {
            Self.assertLeanSame(text: String(decoding: input.bytes, as: UTF8.self), path: "/k.conf", label: input.name)
        }
    }

    /// Stray and missing braces make the binder ask for the syntax diagnostics before the
    /// expansion has ended (it waits for them); traps and skipped blocks cross chunk ends.
    @Test(arguments: MalformedCatalogue.cases.filter { $0.bytes.count < 100_000 })
    func malformedInputs(_ input: MalformedCase) {
        Self.assertSame(text: String(decoding: input.bytes, as: UTF8.self), label: input.name)
    }

    @Test func bracesTrapsAndSkippedBlocks() {
        let text = """
            }
            vrrp_instance VI_1 {
                state MASTER
                unknown_block {
                    priority 100
                }
                advert_int 1 {
                }
            }
            }
            {
            vrrp_instance {
                priority 5
            }
            vrrp_instance VI_1 {
                priority 7
            }
            virtual_server 192.0.2.1 80 {
                real_server 192.0.2.2 80 {
                    TCP_CHECK {
                        connect_timeout 3
                    }
                }
            }
            vrrp_instance VI_2 {
                virtual_ipaddress
                192.0.2.9/24
                }
                track_script { chk }
            }
            global_defs
            router_id r1
            }
            """
        Self.assertSame(text: text, label: "braces")
        Self.assertSame(text: text + "\n" + text, label: "braces twice")
    }

    /// The line limit cuts the last chunk only.
    @Test func lineLimit() {
        let text = BinderPerformanceTests.config(instances: 30)
        for limit in [1, 2, 17, 100, 333] {
            Self.assertSame(text: text, options: ExpansionOptions(maxLogicalLines: limit), label: "limit \(limit)")
        }
    }

    /// Includes are read (and large ones parsed in the background) while the binder runs.
    @Test func includesThroughTheFileSystem() {
        let big = BinderPerformanceTests.config(instances: 600)
        #expect(big.utf8.count > AnalysisPipeline.standard.minimumBytes)
        let files = InMemoryFileSystem(files: [
            "/etc/k/keepalived.conf": "global_defs {\n router_id r1\n}\ninclude conf.d/*.conf\n$X=2\nvrrp_instance VI_X {\n priority $X\n}\n",
            "/etc/k/conf.d/a.conf": big,
            "/etc/k/conf.d/b.conf": "vrrp_script chk {\n script /bin/true\n}\n}\n",
        ])
        let options = ExpansionOptions()
        let sequential = Analyzer.analyze(path: "/etc/k/keepalived.conf", options: options, fileSystem: files, pipeline: .sequential)
        for pipeline in Self.eager + [.standard] {
            let pipelined = Analyzer.analyze(path: "/etc/k/keepalived.conf", options: options, fileSystem: files, pipeline: pipeline)
            Self.assertSame(pipelined, sequential, "includes (chunks of \(pipeline.chunkLines))")
        }
        let missing = Analyzer.analyze(
            path: "/etc/k/none.conf", options: options, fileSystem: files, pipeline: AnalysisPipeline(minimumBytes: 0, chunkLines: 1))
        #expect(missing.frontEndDiagnostics.map(\.code) == [SyntaxRules.unreadableFile.code])
    }

    /// The public entry points take the pipelined path on a large file and give the same result.
    @Test func largeFileThroughThePublicEntryPoint() {
        let text = BinderPerformanceTests.config(instances: 1500) + "}\nvrrp_instance VI_7 {\n}\n"
        #expect(text.utf8.count > AnalysisPipeline.standard.minimumBytes)
        let pipelined = Analyzer.analyze(path: "/k.conf", text: text)
        let sequential = Analyzer.analyze(
            path: "/k.conf", text: text, options: ExpansionOptions(), fileSystem: InMemoryFileSystem(files: [:]), pipeline: .sequential)
        Self.assertSame(pipelined, sequential, "large file")
        #expect(pipelined.model.instances.count == 1500)
        #expect(pipelined.frontEndDiagnostics.contains { $0.rule == SemanticRules.duplicateName })
    }

    /// Many large analyses at once (as `FleetAnalysis` runs them on every core) neither deadlock
    /// nor mix their results.
    @Test func concurrentLargeAnalyses() {
        let texts = (0..<4).map { BinderPerformanceTests.config(instances: 1100 + $0) }
        let results = FleetAnalysis.analyze(texts.enumerated().map { FleetAnalysis.File(path: "/n\($0.offset).conf", text: $0.element) }, workers: 4)
        #expect(results.map(\.model.instances.count) == [1100, 1101, 1102, 1103])
    }

    /// The binder gives each walked chunk back and the expansion refills that array: the lines
    /// arrive in order, and a chunk's array is a given-back one (its pages mapped already).
    @Test func walkedChunksAreRefilled() {
        let channel = LineChunkChannel()
        func line(_ word: String) -> LogicalLine {
            let origin = Origin(file: "/k.conf", line: 1, column: 1)
            return LogicalLine(words: [ExpandedWord(text: word, origin: origin)], origin: origin)
        }
        var chunk = [line("a"), line("b")]
        channel.send(&chunk)
        #expect(chunk.isEmpty, "no chunk given back yet: an empty array takes the chunk's place")
        let first = channel.next()
        #expect(first?.map { $0.firstWordText } == ["a", "b"])
        var walked = first ?? []
        walked.reserveCapacity(64)
        let buffer = walked.withUnsafeBufferPointer { $0.baseAddress }
        channel.giveBack(walked)
        chunk = [line("c")]
        channel.send(&chunk)
        #expect(chunk.withUnsafeBufferPointer { $0.baseAddress } == buffer, "the given-back array comes back")
        #expect(chunk.map { $0.firstWordText } == ["a", "b"], "still holding the walked lines, for the expansion to empty")
        channel.endLines()
        #expect(channel.next()?.map { $0.firstWordText } == ["c"])
        #expect(channel.next() == nil)
    }

    /// The expansion runs at most `maximumAhead` chunks ahead of the binder: one more send
    /// waits for a chunk to come back and returns that chunk's array to refill.
    @Test func expansionWaitsWhenTooFarAhead() {
        @Sendable func line(_ word: String) -> LogicalLine {
            let origin = Origin(file: "/k.conf", line: 1, column: 1)
            return LogicalLine(words: [ExpandedWord(text: word, origin: origin)], origin: origin)
        }
        let channel = LineChunkChannel(maximumAhead: 2)
        for word in ["a", "b"] {
            var chunk = [line(word)]
            channel.send(&chunk)
            #expect(chunk.isEmpty)
        }
        let refill = OneShot<[String]>()
        startDetachedThread(stackSize: 1 << 20) {
            var chunk = [line("c")]
            channel.send(&chunk)
            refill.set(chunk.compactMap { $0.firstWordText })
        }
        // Long enough for an unbounded send to have returned an empty array.
        usleep(50_000)
        let first = channel.next() ?? []
        channel.giveBack(first)
        #expect(refill.value == ["a"], "the third send waited and got the walked chunk back")
        channel.endLines()
        #expect(channel.next()?.compactMap { $0.firstWordText } == ["b"])
        #expect(channel.next()?.compactMap { $0.firstWordText } == ["c"])
        #expect(channel.next() == nil)
    }

    /// A binder that asks for the syntax diagnostics (a stray brace) waits for the expansion's
    /// end: the expansion, waiting to run further ahead, must then stop waiting.
    @Test(.timeLimit(.minutes(1))) func binderWaitingForTheEndReleasesTheExpansion() {
        @Sendable func line(_ word: String) -> LogicalLine {
            let origin = Origin(file: "/k.conf", line: 1, column: 1)
            return LogicalLine(words: [ExpandedWord(text: word, origin: origin)], origin: origin)
        }
        let channel = LineChunkChannel(maximumAhead: 1)
        var first = [line("a")]
        channel.send(&first)
        let sent = OneShot<Bool>()
        startDetachedThread(stackSize: 1 << 20) {
            var chunk = [line("b")]
            channel.send(&chunk)
            sent.set(true)
        }
        let diagnostics = OneShot<Int>()
        startDetachedThread(stackSize: 1 << 20) { diagnostics.set(channel.diagnostics().count) }
        #expect(sent.value)
        channel.finish(diagnostics: [])
        #expect(diagnostics.value == 0)
        #expect(channel.next()?.compactMap { $0.firstWordText } == ["a"])
        #expect(channel.next()?.compactMap { $0.firstWordText } == ["b"])
        #expect(channel.next() == nil)
    }

    /// Chunks the binder gives back after the last one was sent are not kept as spares: the
    /// expansion's thread, idle then, destroys them as they come and stops waiting once every
    /// chunk sent has come back (none sent at all included).
    @Test func chunksWalkedAfterTheLastSendAreDestroyedByTheExpansion() {
        func line(_ word: String) -> LogicalLine {
            let origin = Origin(file: "/k.conf", line: 1, column: 1)
            return LogicalLine(words: [ExpandedWord(text: word, origin: origin)], origin: origin)
        }
        let channel = LineChunkChannel()
        for word in ["a", "b", "c"] {
            var chunk = [line(word)]
            channel.send(&chunk)
        }
        channel.endLines()
        let walked = OneShot<[String]>()
        startDetachedThread(stackSize: 1 << 20) {
            var seen: [String] = []
            while let chunk = channel.next() {
                seen += chunk.compactMap { $0.firstWordText }
                channel.giveBack(chunk)
            }
            walked.set(seen)
        }
        channel.destroyDiscardedUntilWalkEnds()
        #expect(walked.value == ["a", "b", "c"])
        var next = [line("d")]
        channel.send(&next)
        #expect(next.isEmpty, "no spare kept once the lines ended")

        let quiet = LineChunkChannel()
        quiet.endLines()
        #expect(quiet.next() == nil)
        quiet.destroyDiscardedUntilWalkEnds()
    }
}
