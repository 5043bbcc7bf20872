import ArgumentParser
import KAConfig
import KALint

// The closed sets of kalint's options, known to the argument parser so that help, man page and
// shell completions list the values. The request still carries their spellings (rawValue).

extension DiagnosticFormat: ExpressibleByArgument {}

extension Severity: ExpressibleByArgument {}

/// `--emit`: the views KalintDriver.emit prints.
enum EmitView: String, CaseIterable, ExpressibleByArgument {
    case tokens, tree, source, model
}

/// What shells complete after --disable, --enable-only and --explain.
let ruleSlugs = RuleRegistry.allRules.map(\.slug)
