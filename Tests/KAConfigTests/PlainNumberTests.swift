import Foundation
import Testing
@testable import KAConfig

/// The plain-number fast path answers only where the general reading gives the same number, and
/// leaves everything else (signs, points, junk, out of range, too long) to it, findings included.
@Suite("PlainNumber: the fast path reads what NumberReader reads")
struct PlainNumberTests {
    static let plans: [(ArgumentPlan, @Sendable (String) -> Result<Int, NumberProblem>)] = [
        (.unsigned(0...255), { NumberReader.unsigned($0, in: 0...255) }),
        (.unsigned(1...Int.max), { NumberReader.unsigned($0, in: 1...Int.max) }),
        (.integer(-5...100), { NumberReader.integer($0, in: -5...100) }),
        (.decimal(range: 0...Int.max, places: 6, scale: 1_000_000), { NumberReader.decimal($0, places: 6, in: 0...Int.max) }),
        (.decimal(range: 1_000...40_000, places: 3, scale: 1_000), { NumberReader.decimal($0, places: 3, in: 1_000...40_000) }),
    ]

    static let curated = [
        "0", "00", "007", "1", "42", "100", "255", "256", "-1", "+5", "1.5", "1.", ".5", "1e3", "0x10", "", " 5",
        "12abc", "٣", "999999999999999", "9999999999999999", "99999999999999999999", "40", "41", "4294967296",
    ]

    /// Each answer of the fast path is the general reading's success, never a number it rejects.
    static func checkAgreement(_ text: String) {
        for (plan, general) in plans {
            guard let fast = PlainNumber.value(text, plan: plan) else { continue }
            guard case .success(let number) = general(text) else {
                Issue.record("'\(text)' read as \(fast) by \(plan), rejected by NumberReader")
                continue
            }
            #expect(fast == number, "'\(text)' by \(plan)")
        }
    }

    @Test func curatedWordsAgree() {
        for text in Self.curated { Self.checkAgreement(text) }
    }

    @Test func randomWordsAgree() {
        var random = SplitMix(state: 0x5EED_16)
        let alphabet = Array("0123456789+-. ex")
        for _ in 0..<5_000 {
            let length = random.next(18)
            Self.checkAgreement(String((0..<length).map { _ in alphabet[random.next(alphabet.count)] }))
        }
    }

    /// The path is taken: plain digits in range read at once (a fast path that always declined
    /// would pass the agreement tests).
    @Test func plainDigitsInRangeAreRead() {
        #expect(PlainNumber.value("51", plan: .unsigned(0...255)) == 51)
        #expect(PlainNumber.value("007", plan: .integer(-5...100)) == 7)
        #expect(PlainNumber.value("1", plan: .decimal(range: 0...Int.max, places: 6, scale: 1_000_000)) == 1_000_000)
        #expect(PlainNumber.value("256", plan: .unsigned(0...255)) == nil)
        #expect(PlainNumber.value("-1", plan: .integer(-5...100)) == nil)
        #expect(PlainNumber.value("1.5", plan: .decimal(range: 0...Int.max, places: 6, scale: 1_000_000)) == nil)
        #expect(PlainNumber.value("7", plan: .word) == nil)
    }

    /// Through the binder and the model: plain values land in the model, and a value the fast
    /// path declines still gets its finding and keepalived's outcome.
    @Test func modelReadsPlainAndGeneralValues() throws {
        let text = """
            vrrp_instance VI_1 {
                state BACKUP
                interface eth0
                virtual_router_id 051
                priority 250
                advert_int 2
                garp_master_refresh 60
                preempt_delay 1.5
            }
            vrrp_instance VI_2 {
                interface eth0
                virtual_router_id 52
                priority 300
                advert_int 0.5
            }
            """
        let result = BinderTestSupport.bind(text)
        let first = result.model.instances[0]
        #expect(first.virtualRouterID == 51)
        #expect(first.priority == 250)
        #expect(first.advertIntervalMicroseconds == 2_000_000)
        #expect(first.garp.masterRefreshMicroseconds == 60_000_000)
        #expect(first.preemptDelayMicroseconds == 1_500_000)
        let second = result.model.instances[1]
        #expect(second.virtualRouterID == 52)
        #expect(second.advertIntervalMicroseconds == 500_000)
        // 300 is out of range: reported, and the fast path did not read it.
        #expect(result.diagnostics(SemanticRules.valueOutOfRange).contains { $0.line == 13 })
        #expect(second.priority == 100)
    }

    /// Every argument of every statement in the corpus: the fast paths agree with the general
    /// reading (a plain number is the value it reads; `isRejected` is "the value is nil").
    @Test func corpusArgumentsAgree() {
        var plain = 0
        var arguments = 0
        for file in CorpusFiles.all() {
            let node = Analyzer.analyze(path: file.path, fileSystem: LocalFileSystem())
            for statement in node.bound.tree.statements {
                let values = statement.values
                for position in values.indices {
                    arguments += 1
                    let value = values[position]
                    #expect(values.isRejected(position) == (value == nil), "\(file.lastPathComponent) \(statement.keyword)")
                    guard let read = ArgumentChecker.plainNumber(of: statement.words, at: position + 1, row: statement.row)
                    else { continue }
                    plain += 1
                    #expect(value == .number(read.value), "\(file.lastPathComponent) \(statement.keyword) \(position)")
                }
            }
        }
        // The corpus is full of plain numbers: a fast path that never answered would show here.
        #expect(plain > 1_000 && arguments > plain)
    }

    /// `isRejected` decides word and enumeration plans without making the value: any word is
    /// taken, a choice only as spelled.
    @Test func rejectionOfWordsAndChoices() throws {
        let result = BinderTestSupport.bind(
            "vrrp_instance VI_1 {\n    state Master\n    interface eth0\n    authentication {\n        auth_type PASS\n    }\n}\n")
        var checked: [String: Bool] = [:]
        for statement in result.tree.statements where statement.words.count > 1 {
            let values = statement.values
            guard !values.isEmpty else { continue }
            #expect(values.isRejected(0) == (values[0] == nil), "\(statement.keyword)")
            checked[statement.keyword] = values.isRejected(0)
        }
        #expect(checked == ["vrrp_instance": false, "state": true, "interface": false, "auth_type": false])
        #expect(result.model.instances[0].state == .backup && result.model.instances[0].interface == "eth0")
    }
}
