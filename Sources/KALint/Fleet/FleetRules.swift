import KAConfig

/// Cross-node rules (one rule per file in this folder).
enum FleetRules {
    static let all: [any FleetRule] = [
        VRIDMismatchRule(),
        VIPSetMismatchRule(),
        AuthMismatchRule(),
        VersionMismatchRule(),
        AdvertIntMismatchRule(),
        UnicastAsymmetryRule(),
        PriorityCollisionRule(),
        FailoverImpossibleRule(),
        MultipleMastersRule(),
        NopreemptInconsistentRule(),
        SyncGroupMismatchRule(),
        VRIDCollisionRule(),
        RouterIDDuplicateRule(),
    ]
}
