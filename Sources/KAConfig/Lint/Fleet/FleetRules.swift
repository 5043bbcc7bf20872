/// Cross-node rules (one rule per file in this folder).
enum FleetRules {
    static let all: [any FleetRule] = [
        FailoverImpossibleRule(),
    ]
}
