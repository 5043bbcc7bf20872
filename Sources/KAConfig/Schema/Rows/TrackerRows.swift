/// Tracked objects defined at the top level and referenced from instances and sync groups:
/// `vrrp_script`, `track_file` (= `vrrp_track_file`), `vrrp_track_process` (keepalived 2.2.7
/// vrrp/vrrp_parser.c and trackers/track_file.c).
private typealias R = SchemaRow

extension KeepalivedSchema {
    static let vrrpScriptRows = BlockSpec(
        "vrrp_script", nameRequirement: .required, summary: "A periodic check script.",
        [
            R.script("script", "The command to run; exit 0 means success.", since: "1.1.13"),
            R.value(
                "interval", "Seconds between runs (0 is raised to 1).",
                [R.req("seconds", .unsigned(0...R.timerSecondsMax))], default: "1", since: "1.1.13"),
            R.value(
                "timeout", "Seconds before a run counts as failed (0 is raised to 1).",
                [R.req("seconds", .unsigned(0...R.timerSecondsMax))], default: "interval", since: "1.2.6"),
            R.value(
                "weight", "Priority change while up (> 0) or down (< 0); 0 means FAULT on failure. `reverse` inverts.",
                [R.req("weight", .integer(-253...253)), R.opt("reverse", .enumeration(["reverse"]))], default: "0",
                since: "1.1.13"),
            R.value(
                "rise", "Successes needed to count as up.", [R.req("count", .unsigned(1...R.intMax))], default: "1",
                since: "1.1.18"),
            R.value(
                "fall", "Failures needed to count as down.", [R.req("count", .unsigned(1...R.intMax))], default: "1",
                since: "1.1.18"),
            R.value(
                "user", "User (and group) the script runs as.", [R.req("user", .string), R.opt("group", .string)],
                default: "script_user", since: "1.3.0"),
            R.flag("init_fail", "Start in the failed state.", since: "1.3.2"),
        ])

    static let trackFileRows = BlockSpec(
        "track_file", nameRequirement: .required, summary: "A file holding a number that changes priority.",
        [
            R.value("file", "The file read.", [R.req("path", .path)], since: "2.0.0"),
            R.value(
                "weight", "Multiplier of the number read; 0 means FAULT when it is not 0. `reverse` inverts.",
                [R.req("weight", .integer(-254...254)), R.opt("reverse", .enumeration(["reverse"]))], default: "1",
                since: "2.0.0"),
            R.value(
                "init_file", "Create the file at start: [VALUE] [overwrite].", [R.rest("options", .string)],
                since: "2.0.0"),
        ])

    static let vrrpTrackProcessRows = BlockSpec(
        "vrrp_track_process", nameRequirement: .required, summary: "A process whose instances are counted.",
        [
            R.value(
                "process", "Process name or path, then optional parameters to match.",
                [R.req("process", .string), R.rest("parameter", .string)], since: "2.0.11"),
            R.value(
                "param_match", "How parameters match; no value means exactly.",
                [R.opt("match", .enumeration(["initial", "partial"]))], since: "2.0.16"),
            R.value(
                "weight", "Priority change while up (> 0) or down (< 0); 0 means FAULT. `reverse` inverts.",
                [R.req("weight", .integer(-254...254)), R.opt("reverse", .enumeration(["reverse"]))], default: "0",
                since: "2.0.11"),
            R.value(
                "quorum", "Minimum number of processes for up.", [R.req("count", .unsigned(1...65535))], default: "1",
                since: "2.0.11"),
            R.value(
                "quorum_max", "Maximum number of processes for up.", [R.req("count", .unsigned(0...65535))],
                since: "2.0.16"),
            R.value(
                "delay", "Sets both terminate_delay and fork_delay.", [R.req("seconds", R.seconds(0.000001, 3600))],
                since: "2.0.11"),
            R.value(
                "terminate_delay", "Wait after a process ends before counting it.",
                [R.req("seconds", R.seconds(0.000001, 3600))], since: "2.0.16"),
            R.value(
                "fork_delay", "Wait after a process starts before counting it.",
                [R.req("seconds", R.seconds(0.000001, 3600))], since: "2.0.16"),
            R.flag("full_command", "Match against the full command line, not the process name.", since: "2.0.11"),
        ])
}
