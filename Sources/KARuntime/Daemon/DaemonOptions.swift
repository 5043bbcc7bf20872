import Logging

/// How karun was started (the executable fills this from its command line).
public struct DaemonOptions: Sendable {
    public var configPath: String
    /// `--config-id`: selects `@id` lines, as keepalived's `-i`.
    public var configID: String?
    /// Unix socket for `karun status`.
    public var statusSocketPath: String
    public var logLevel: Logger.Level
    /// Prefix log lines with our own timestamp (off under systemd, whose journal stamps them).
    public var logTimestamps: Bool
    /// Notify scripts that run longer are killed and counted as failed.
    public var notifyTimeout: Double
    /// How long shutdown waits for notify_stop scripts before exiting anyway.
    public var shutdownGrace: Double
    /// `--status-dir`: where keepalived.json/.data/.stats go (nil: $TMPDIR, else /tmp).
    public var statusDirectory: String? = nil
    /// `--metrics`: serve Prometheus text at http://ENDPOINT/metrics (nil: off).
    public var metricsEndpoint: MetricsEndpoint? = nil
    /// `--pid-file`: where karun writes its PID (nil: nowhere).
    public var pidFile: String? = nil

    public static let defaultStatusSocket = "/run/karun/karun.sock"

    public init(
        configPath: String, configID: String? = nil, statusSocketPath: String = DaemonOptions.defaultStatusSocket,
        logLevel: Logger.Level = .info, logTimestamps: Bool = true, notifyTimeout: Double = 30, shutdownGrace: Double = 3
    ) {
        self.configPath = configPath
        self.configID = configID
        self.statusSocketPath = statusSocketPath
        self.logLevel = logLevel
        self.logTimestamps = logTimestamps
        self.notifyTimeout = notifyTimeout
        self.shutdownGrace = shutdownGrace
    }
}
