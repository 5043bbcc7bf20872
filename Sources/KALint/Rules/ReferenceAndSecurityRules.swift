import KAConfig

/// Single-file rules about references, scripts, security and strict mode.
enum ReferenceAndSecurityRules {
    static let all: [any LintRule] = [
        UndefinedReferenceRule(),
        UnusedScriptRule(),
        VRRPStrictConflictRule(),
        ScriptSecurityRule(),
        ScriptPathRule(),
    ]
}
