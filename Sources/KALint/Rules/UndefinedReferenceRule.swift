import KAConfig

/// `undefined-reference` (the binder's KA217) made complete. keepalived 2.2.7 looks a tracker up
/// the moment it reads the reference, so one defined further down is as good as undefined. The
/// binder already reports every unresolved instance / sync-group reference; this rule restates
/// those whose tracker exists below (saying where, with a note there: the fix is to move it), and
/// checks the checkers' references (FILE_CHECK track_file, BFD_CHECK name), which the binder does not.
struct UndefinedReferenceRule: LintRule {
    let rule = SemanticRules.unresolvedReference

    func check(_ node: LintNode) -> [Diagnostic] {
        let context = node.statementContext
        let index = node.trackerIndex
        var found: [Diagnostic] = []
        for position in index.references.indices {
            // Most references name a tracker defined above them: decided without a copy.
            if let defined = index.definitionStatement(ofReference: position), defined < index.references[position].statement {
                continue
            }
            let reference = index.references[position]
            let definition = index.definition(of: reference)
            // A checker's tracker must come before the virtual_server holding the checker.
            let ownerBlock = reference.isChecker
                ? context.enclosing(reference.statement, keywords: ["virtual_server"]) : reference.owner
            let owner = ownerBlock.map(context.title) ?? "its block"
            if let definition {
                found.append(definedBelow(reference, definition, owner: owner))
            } else if reference.isChecker {
                found.append(Diagnostic(
                    rule,
                    "\(reference.kind.rawValue) '\(reference.name)' is not defined; keepalived reports "
                        + checkerMessage(reference) + " and drops the \(checkerName(reference))",
                    at: reference.word.origin.span))
            }
            // Unresolved instance / sync-group references with no definition at all: the binder's finding stands.
        }
        return found
    }

    func definedBelow(_ reference: TrackerIndex.Reference, _ definition: TrackerIndex.Definition, owner: String)
        -> Diagnostic
    {
        let place = definition.nameWord.origin.place(relativeTo: reference.word.origin.file)
        let consequence: String
        if reference.isChecker {
            consequence = "keepalived 2.2.7 looks it up while reading the \(checkerName(reference)), reports \(checkerMessage(reference)) and drops the \(checkerName(reference))"
        } else {
            let ownerName = owner.split(separator: " ").dropFirst().first.map(String.init) ?? owner
            consequence = "keepalived 2.2.7 looks it up while reading the reference, reports \"(\(ownerName)) "
                + "\(reference.kind.trackWords) \(reference.name) not found, ignoring...\" and never tracks it"
        }
        return Diagnostic(
            rule,
            "\(reference.kind.rawValue) '\(reference.name)' is defined at \(place), after \(owner): \(consequence); "
                + "move the \(reference.kind.rawValue) above \(owner)",
            at: reference.word.origin.span,
            related: [definition.nameWord.origin.note("\(reference.kind.rawValue) \(reference.name) is defined here, too late")])
    }

    func checkerMessage(_ reference: TrackerIndex.Reference) -> String {
        reference.kind == .file
            ? "\"track_file \(reference.name) not found\""
            : "\"BFD_CHECK - BFD \(reference.name) not configured\""
    }

    func checkerName(_ reference: TrackerIndex.Reference) -> String {
        reference.kind == .file ? "FILE_CHECK" : "BFD_CHECK"
    }
}
