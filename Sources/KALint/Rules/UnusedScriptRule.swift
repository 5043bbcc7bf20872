import KAConfig

/// A vrrp_script, track_file or vrrp_track_process that nothing names. keepalived 2.2.7 drops an
/// unused vrrp_script ("Warning - script NAME is not used") and keeps watching an unused file or
/// process for nobody: usually a tracker someone forgot to wire in. A tracker named only by a
/// reference above its definition is `undefined-reference`'s business, not reported here.
struct UnusedScriptRule: LintRule {
    let rule = LintRuleCatalogue.unusedScript

    func check(_ node: LintNode) -> [Diagnostic] {
        let index = node.trackerIndex
        let kinds: [TrackerIndex.Kind] = [.script, .file, .process]
        // The definitions nothing has named yet, struck off as the references name them: the
        // walk stops once none is left (thousands of instances tracking a few scripts).
        var unnamed: [TrackerIndex.Kind: Set<String>] = [:]
        var left = 0
        for kind in kinds {
            guard let definitions = index.definitions[kind], !definitions.isEmpty else { continue }
            unnamed[kind] = Set(definitions.keys)
            left += definitions.count
        }
        for reference in index.references {
            guard left > 0 else { break }
            if unnamed[reference.kind]?.remove(reference.name) != nil { left -= 1 }
        }
        var found: [Diagnostic] = []
        for kind in kinds {
            guard let names = unnamed[kind], !names.isEmpty else { continue }
            let definitions = (index.definitions[kind] ?? [:]).values.sorted { $0.statement < $1.statement }
            for definition in definitions where names.contains(definition.name) {
                found.append(Diagnostic(
                    rule, message(kind, definition.name), at: definition.nameWord.origin.span))
            }
        }
        return found
    }

    func message(_ kind: TrackerIndex.Kind, _ name: String) -> String {
        switch kind {
        case .script:
            "vrrp_script '\(name)' is tracked by no vrrp_instance or vrrp_sync_group: at start-up keepalived 2.2.7 reports "
                + "\"Warning - script \(name) is not used\" and never runs it; add it to a track_script block or remove it"
        case .file:
            "track_file '\(name)' is tracked by no vrrp_instance, vrrp_sync_group or FILE_CHECK: keepalived 2.2.7 "
                + "still watches the file, but its value changes nothing; add it to a track_file block or remove it"
        case .process:
            "vrrp_track_process '\(name)' is tracked by no vrrp_instance or vrrp_sync_group: keepalived 2.2.7 still "
                + "monitors the process, but its state changes nothing; add it to a track_process block or remove it"
        case .bfd:
            "bfd_instance '\(name)' is tracked by nothing"
        }
    }
}
