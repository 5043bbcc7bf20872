import KACommandLine

/// karun's command line as data: `karun` reads it, prints its help and completion scripts from
/// it, and a test holds packaging/karun.8 to it.
public enum KarunInterface {
    public static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
    public static let defaultConfig = "/etc/keepalived/keepalived.conf"
    static let configID = OptionSpec.value(
        "config-id", short: "i", help: "Configuration id selecting @id lines (keepalived -i).")
    static let logLevel = OptionSpec.value("log-level", type: .choice(logLevels), help: "Log level.", defaultValue: "info")

    public static let run = CommandSpec(
        name: "run",
        abstract: "Check CONFIG, then run it in the foreground until SIGTERM (the default command).",
        arguments: [ArgumentSpec("config", help: "The keepalived.conf to run.", defaultValue: defaultConfig)],
        options: [
            .flag("check", short: "t", help: "Check the configuration, print findings, exit 0 (usable) or 1, like keepalived -t."),
            configID,
            logLevel,
            .value("status-socket", help: "Unix socket for `karun status`.", defaultValue: DaemonOptions.defaultStatusSocket, completion: .file),
            .value("notify-timeout", type: .number, help: "Seconds a notify script may run before it is killed.", defaultValue: "30"),
            .value("status-dir", help: "Directory for keepalived.json/.data/.stats, written on keepalived's signals (default: $TMPDIR, else /tmp).", completion: .directory),
            .value("metrics", valueName: "ADDR:PORT", help: "Serve Prometheus metrics at http://ADDR:PORT/metrics (PORT alone: 127.0.0.1)."),
            .value("pid-file", help: "Write karun's PID here (for tools that signal it, like keepalived's pid file).", completion: .file),
            .flag("cleanup", help: "Remove what a killed run of CONFIG left (VIPs, tagged addresses, protocol-18 routes and rules, VMACs), then exit: `karun cleanup`."),
            .flag("metrics-allow-remote", help: "Allow --metrics on an address other than loopback."),
            // Text, not a choice: an unknown NAME is answered like keepalived ("Unknown sigfunc", exit 1).
            .value("signum", valueName: "NAME", help: "Print the number of keepalived's signal NAME (STOP, RELOAD, DATA, STATS, STATS_CLEAR, JSON) and exit, like keepalived --signum.",
                   completion: .values(KeepalivedSignal.allCases.map(\.rawValue))),
        ])

    public static let status = CommandSpec(
        name: "status", abstract: "Print the running daemon's state as JSON.",
        options: [.value("socket", help: "The daemon's status socket.", defaultValue: DaemonOptions.defaultStatusSocket, completion: .file)])

    public static let cleanup = CommandSpec(
        name: "cleanup",
        abstract: "Remove what a killed run of CONFIG left: its VIPs, addresses tagged as keepalived's, protocol-18 routes and rules, VMACs (for ExecStopPost).",
        arguments: [ArgumentSpec("config", help: "The keepalived.conf whose residue to remove.", defaultValue: defaultConfig)],
        options: [configID, logLevel])

    public static let root = CommandSpec(
        name: "karun",
        abstract: "Run the VRRP instances of a keepalived.conf (keepalived 2.2.7 compatible on the wire).",
        subcommands: [run, status, cleanup], defaultSubcommand: "run")
}
