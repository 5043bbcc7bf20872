import KAConfig

/// Single-file rules about values and instance shape (one rule per file in this folder).
enum ValueRules {
    static let all: [any LintRule] = [
        AuthPassLengthRule(),
        VRIDRangeRule(),
        PriorityRangeRule(),
        AuthWithV3Rule(),
        AdvertIntRule(),
        StateValueRule(),
        NopreemptIgnoredRule(),
        MissingInterfaceRule(),
        AddressFamilyMixRule(),
        DuplicateVRIDRule(),
        GluedCommentRule(),
    ]
}
