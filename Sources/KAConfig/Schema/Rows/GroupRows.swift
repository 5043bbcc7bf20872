/// Blocks that group other objects: `vrrp_sync_group`, `track_group`, `garp_group`
/// (keepalived 2.2.7 vrrp/vrrp_parser.c).
private typealias R = SchemaRow

extension KeepalivedSchema {
    static let vrrpSyncGroupRows = BlockSpec(
        "vrrp_sync_group", nameRequirement: .required, summary: "VRRP instances that change state together.",
        [
            R.valueBlock("group", .word, "The member vrrp_instances, one per line."),
            R.valueBlock("track_interface", .trackInterface, "Interfaces tracked by every member.", since: "2.0.0"),
            R.valueBlock("track_script", .trackObject, "vrrp_scripts tracked by every member.", since: "2.0.0"),
            R.valueBlock("track_file", .trackObject, "track_files tracked by every member.", since: "2.0.0"),
            R.valueBlock(
                "track_process", .trackObject, "vrrp_track_processes tracked by every member.", since: "2.0.11",
                requires: .trackProcess),
            R.valueBlock("track_bfd", .trackObject, "bfd_instances tracked by every member.", since: "2.0.0", requires: .bfd),
            R.script("notify_master", "Script run when the group enters MASTER."),
            R.script("notify_backup", "Script run when the group enters BACKUP."),
            R.script("notify_fault", "Script run when the group enters FAULT."),
            R.script("notify_stop", "Script run when the group stops.", since: "1.1.13"),
            R.script("notify", "Script run on every change: `GROUP name state priority` appended.", since: "1.1.2"),
            R.toggle("smtp_alert", "Send e-mail on group state changes.", default: "smtp_alert_vrrp"),
            R.flag(
                "global_tracking", "Old: members share tracking; use track_* on the group.",
                deprecatedBy: "sync_group_tracking_weight", since: "1.2.3"),
            R.flag("sync_group_tracking_weight", "Allow weighted trackers in member instances.", since: "2.0.0"),
            R.toggle("notify_priority_changes", "Run notify on priority changes.", since: "2.0.16"),
        ])

    static let trackGroupRows = BlockSpec(
        "track_group", nameRequirement: .required,
        summary: "Instances whose state decides whether tagged static addresses, routes and rules are kept.",
        [
            R.valueBlock("group", .word, "The vrrp_instances, one per line.", since: "2.0.3"),
        ])

    static let garpGroupRows = BlockSpec(
        "garp_group", nameRequirement: .none, summary: "Gratuitous ARP / NA pacing shared by interfaces.",
        [
            R.value(
                "garp_interval", "Pause between gratuitous ARPs.", [R.req("seconds", R.seconds(0, 2147.483647))],
                since: "1.2.21"),
            R.value(
                "gna_interval", "Pause between unsolicited neighbour advertisements.",
                [R.req("seconds", R.seconds(0, 2147.483647))], since: "1.2.21"),
            R.value("interface", "An interface of the group.", [R.req("interface", .interfaceName)], since: "1.2.21", repeatable: true),
            R.valueBlock("interfaces", .word, "Interfaces of the group, one per line.", since: "1.2.21"),
        ])
}
