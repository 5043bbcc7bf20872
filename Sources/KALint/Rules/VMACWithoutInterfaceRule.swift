import KAConfig

/// `use_vmac` or `use_ipvlan` in a unicast instance without `interface`: keepalived 2.2.7 reports
/// "(NAME): Cannot use VMAC/ipvlan with unicast and no interface - clearing use_vmac" and runs the
/// instance without the virtual MAC.
struct VMACWithoutInterfaceRule: LintRule {
    let rule = KeepalivedCheckCatalogue.vmacWithoutInterface

    func check(_ node: LintNode) -> [Diagnostic] {
        node.instanceFacts.compactMap { facts in
            guard !facts.unicastPeers.isEmpty, facts.firstIndex(.interface) == nil,
                let vmac = facts.statement(.useVMAC) ?? facts.statement(.useIPVLAN)
            else { return nil }
            let name = facts.instance.name
            return Diagnostic(
                rule,
                "\(vmac.keyword) in unicast instance '\(name)' without interface: keepalived 2.2.7 reports \"(\(name)): Cannot use VMAC/ipvlan with unicast and no interface - clearing use_vmac\" and runs it without the virtual MAC",
                at: vmac.words[0].origin.span)
        }
    }
}
