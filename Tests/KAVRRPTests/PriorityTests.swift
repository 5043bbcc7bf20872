import Testing
import KAVRRP

@Suite("Effective priority from trackers")
struct PriorityTests {
    let script = TrackerKey(.script, "chk")
    let other = TrackerKey(.script, "chk2")
    let file = TrackerKey(.file, "state")

    func evaluate(_ base: UInt8, _ trackers: [TrackerConfiguration], _ status: [TrackerKey: TrackerStatus]) -> PriorityEvaluation {
        PriorityEvaluation.evaluate(basePriority: base, trackers: trackers) { status[$0] ?? .unknown }
    }

    @Test func positiveWeightAddsWhileUp() {
        let trackers = [TrackerConfiguration(script, weight: 20)]
        #expect(evaluate(100, trackers, [script: .up]).effectivePriority == 120)
        #expect(evaluate(100, trackers, [script: .down]).effectivePriority == 100)
    }

    @Test func negativeWeightSubtractsWhileDown() {
        let trackers = [TrackerConfiguration(script, weight: -30)]
        #expect(evaluate(100, trackers, [script: .up]).effectivePriority == 100)
        #expect(evaluate(100, trackers, [script: .down]).effectivePriority == 70)
    }

    @Test func reverseInvertsTheDirection() {
        let trackers = [TrackerConfiguration(script, weight: 20, reverse: true)]
        #expect(evaluate(100, trackers, [script: .up]).effectivePriority == 80)
        #expect(evaluate(100, trackers, [script: .down]).effectivePriority == 100)
    }

    @Test func clampedToOneThrough254() {
        let trackers = [TrackerConfiguration(script, weight: 200), TrackerConfiguration(other, weight: 100)]
        #expect(evaluate(100, trackers, [script: .up, other: .up]).effectivePriority == 254)
        let down = [TrackerConfiguration(script, weight: -200), TrackerConfiguration(other, weight: -100)]
        #expect(evaluate(100, down, [script: .down, other: .down]).effectivePriority == 1)
        // The sum is not clamped step by step: +200 then −100 is +100.
        let mixed = [TrackerConfiguration(script, weight: 200), TrackerConfiguration(other, weight: -100)]
        #expect(evaluate(100, mixed, [script: .up, other: .down]).effectivePriority == 200)
    }

    @Test func weightZeroMeansFault() {
        let trackers = [TrackerConfiguration(script, weight: 0)]
        #expect(evaluate(100, trackers, [script: .down]).faults == [script])
        #expect(evaluate(100, trackers, [script: .up]).faults.isEmpty)
        let reversed = [TrackerConfiguration(script, weight: 0, reverse: true)]
        #expect(evaluate(100, reversed, [script: .up]).faults == [script])
        #expect(evaluate(100, reversed, [script: .value(1)]).faults.isEmpty)
    }

    @Test func unknownResults() {
        let trackers = [TrackerConfiguration(script, weight: 0), TrackerConfiguration(other, weight: -10)]
        let evaluation = evaluate(100, trackers, [:])
        #expect(evaluation.pending == [script])
        #expect(evaluation.effectivePriority == 100)
    }

    @Test func ownerIgnoresWeights() {
        let trackers = [TrackerConfiguration(script, weight: -50)]
        #expect(evaluate(255, trackers, [script: .down]).effectivePriority == 255)
    }

    @Test func trackFileMultipliesTheValue() {
        let trackers = [TrackerConfiguration(file, weight: 10)]
        #expect(evaluate(100, trackers, [file: .value(3)]).effectivePriority == 130)
        #expect(evaluate(100, trackers, [file: .value(-5)]).effectivePriority == 50)
        // One file contributes at most +253; −254 or below is a fault.
        #expect(evaluate(1, trackers, [file: .value(100)]).effectivePriority == 254)
        #expect(evaluate(100, trackers, [file: .value(-26)]).faults == [file])
        let unweighted = [TrackerConfiguration(file, weight: 0)]
        #expect(evaluate(100, unweighted, [file: .value(7)]).faults == [file])
        #expect(evaluate(100, unweighted, [file: .value(0)]).faults.isEmpty)
        // Absurd file contents do not overflow.
        #expect(evaluate(100, [TrackerConfiguration(file, weight: 254)], [file: .value(.max)]).effectivePriority == 254)
        #expect(evaluate(100, [TrackerConfiguration(file, weight: -254)], [file: .value(.max)]).faults == [file])
    }
}
