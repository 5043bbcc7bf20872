import KAConfig

/// The instances of one cluster disagree on authentication: its type, the password keepalived
/// really sends (the first 8 bytes of auth_pass), or whether there is any. With VRRPv2 keepalived
/// drops adverts that fail the check ("received an invalid passwd!", "received a N auth,
/// expecting M!"), so each node becomes MASTER. Where keepalived ignores authentication (VRRPv3,
/// strict mode, an empty password, AH over IPv6) the instance counts as unauthenticated.
struct AuthMismatchRule: FleetRule {
    let rule = LintRuleCatalogue.authMismatch

    /// What an instance really puts in its adverts.
    enum EffectiveAuth: Hashable {
        case none
        case pass(String)
        case ah(String)

        var description: String {
            switch self {
            case .none: return "no authentication"
            case .pass(let password): return "PASS '\(password)'"
            case .ah(let password): return "AH '\(password)'"
            }
        }
    }

    func check(_ fleet: Fleet) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for cluster in fleet.clusters where fleet.versionsAgree(cluster) {
            guard fleet.instance(cluster[0]).version == 2 else { continue }
            let deviations = ClusterDeviation.find(in: cluster) { member in
                Self.effective(fleet.instance(member), in: fleet.node(member).model)
            }
            for deviation in deviations {
                let instance = fleet.instance(deviation.member)
                let other = fleet.nodeName(deviation.referenceMember)
                found.append(Diagnostic(
                    rule,
                    "'\(instance.name)' sends \(deviation.value.description) here but \(deviation.reference.description) on \(other)"
                        + truncationNote(instance, fleet.instance(deviation.referenceMember))
                        + ": keepalived drops adverts that fail its authentication check, so both nodes become MASTER",
                    at: span(deviation.member, fleet),
                    related: [Fleet.note(span(deviation.referenceMember, fleet), "\(other) sends \(deviation.reference.description)")]))
            }
        }
        return found
    }

    /// keepalived's effective authentication of an instance (2.2.7 clears it in these cases).
    static func effective(_ instance: VRRPInstance, in model: Configuration) -> EffectiveAuth {
        guard let authentication = instance.authentication, let type = authentication.type,
            let password = authentication.effectivePass, !password.isEmpty,
            instance.version == 2, !instance.isStrict(in: model)
        else { return .none }
        switch type {
        case .pass: return .pass(password)
        case .ah: return instance.isIPv6 ? .none : .ah(password)
        }
    }

    /// When a written password is longer than 8 bytes, say that only the first 8 count.
    func truncationNote(_ instance: VRRPInstance, _ referenceInstance: VRRPInstance) -> String {
        let long = [instance, referenceInstance].contains { ($0.authentication?.pass?.utf8.count ?? 0) > 8 }
        return long ? " (keepalived uses only the first 8 characters of auth_pass)" : ""
    }

    /// The auth_pass word, else auth_type, else the instance name.
    func span(_ member: ClusterMatcher.Member, _ fleet: Fleet) -> SourceSpan {
        let node = fleet.node(member)
        let name = fleet.instance(member).name
        for keyword in ["auth_pass", "auth_type", "authentication"] where node.statement(keyword, inInstance: name) != nil {
            return fleet.span(member, keyword: keyword)
        }
        return fleet.span(member)
    }
}
