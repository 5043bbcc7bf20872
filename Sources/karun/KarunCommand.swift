#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import ArgumentParser
import KARuntime
import KAVersion
import Logging

struct KarunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "karun",
        abstract: "Run the VRRP instances of a keepalived.conf (keepalived 2.2.7 compatible on the wire).",
        version: ToolchainVersion.text,
        subcommands: [Run.self, Status.self, Cleanup.self],
        defaultSubcommand: Run.self
    )
}

enum LogLevelOption: String, ExpressibleByArgument, CaseIterable {
    case trace, debug, info, notice, warning, error, critical

    var level: Logger.Level { Logger.Level(rawValue: rawValue) ?? .info }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Check CONFIG, then run it in the foreground until SIGTERM (the default command).")

    @Argument(help: "The keepalived.conf to run.", completion: .file())
    var config: String = "/etc/keepalived/keepalived.conf"

    @Flag(name: [.customShort("t"), .customLong("check")], help: "Check the configuration, print findings, exit 0 (usable) or 1, like keepalived -t.")
    var check = false

    @Option(name: [.customShort("i"), .customLong("config-id")], help: "Configuration id selecting @id lines (keepalived -i).")
    var configID: String?

    @Option(help: "Log level.")
    var logLevel: LogLevelOption = .info

    @Option(help: "Unix socket for `karun status`.")
    var statusSocket: String = DaemonOptions.defaultStatusSocket

    @Option(help: "Seconds a notify script may run before it is killed.")
    var notifyTimeout: Double = 30

    @Option(help: "Directory for keepalived.json/.data/.stats, written on keepalived's signals (default: $TMPDIR, else /tmp).")
    var statusDir: String?

    @Option(help: ArgumentHelp("Serve Prometheus metrics at http://ADDR:PORT/metrics (PORT alone: 127.0.0.1).", valueName: "ADDR:PORT"))
    var metrics: String?

    @Option(help: "Write karun's PID here (for tools that signal it, like keepalived's pid file).")
    var pidFile: String?

    @Flag(help: "Remove what a killed run of CONFIG left (VIPs, tagged addresses, protocol-18 routes and rules, VMACs), then exit: `karun cleanup`.")
    var cleanup = false

    @Flag(help: "Allow --metrics on an address other than loopback.")
    var metricsAllowRemote = false

    // A string, not an enum: an unknown NAME is answered like keepalived ("Unknown sigfunc", exit 1).
    @Option(
        help: ArgumentHelp("Print the number of keepalived's signal NAME (STOP, RELOAD, DATA, STATS, STATS_CLEAR, JSON) and exit, like keepalived --signum.", valueName: "NAME"),
        completion: .list(["STOP", "RELOAD", "DATA", "STATS", "STATS_CLEAR", "JSON"]))
    var signum: String?

    func run() throws {
        if let signum {
            guard let signal = KeepalivedSignal(name: signum) else {
                FileStream.standardError.write("Unknown sigfunc \(signum)\n")
                throw ExitCode(1)
            }
            print(signal.number)
            return
        }
        var metricsEndpoint: MetricsEndpoint?
        if let metrics {
            guard let endpoint = MetricsEndpoint(parsing: metrics) else {
                FileStream.standardError.write("karun: --metrics \(metrics): expected ADDR:PORT, [ADDR]:PORT or PORT\n")
                throw ExitCode(1)
            }
            guard endpoint.isLoopback || metricsAllowRemote else {
                FileStream.standardError.write("karun: --metrics \(metrics) is not a loopback address; add --metrics-allow-remote to serve it\n")
                throw ExitCode(1)
            }
            metricsEndpoint = endpoint
        }
        if cleanup {
            throw ExitCode(Cleanup.run(config: config, configID: configID, level: logLevel.level))
        }
        if check {
            let result = ConfigurationCheck.run(path: config, configID: configID)
            if !result.rendered.isEmpty { FileStream.standardError.write(result.rendered) }
            let verdict = result.passed ? "configuration is usable" : "configuration has \(result.errors.count) error(s)"
            FileStream.standardError.write("karun: \(config): \(verdict)\n")
            throw ExitCode(result.passed ? 0 : 1)
        }
        // systemd's journal stamps lines itself.
        let underJournal = getenv("JOURNAL_STREAM") != nil
        let level = logLevel.level
        LoggingSystem.bootstrap { label in KarunLogHandler(label: label, level: level, timestamps: !underJournal) }
        let logger = Logger(label: "karun")
        var options = DaemonOptions(
            configPath: config, configID: configID, statusSocketPath: statusSocket, logLevel: level,
            logTimestamps: !underJournal, notifyTimeout: notifyTimeout)
        options.statusDirectory = statusDir
        options.metricsEndpoint = metricsEndpoint
        options.pidFile = pidFile
        let daemon: Daemon
        do {
            daemon = try Daemon(options: options, logger: logger)
        } catch let error as DaemonStartError {
            FileStream.standardError.write("\(error)\n")
            FileStream.standardError.write("karun: \(config): not started\n")
            throw ExitCode(1)
        }
        throw ExitCode(daemon.run())
    }
}

struct Cleanup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove what a killed run of CONFIG left: its VIPs, addresses tagged as keepalived's, protocol-18 routes and rules, VMACs (for ExecStopPost).")

    @Argument(help: "The keepalived.conf whose residue to remove.")
    var config: String = "/etc/keepalived/keepalived.conf"

    @Option(name: [.customShort("i"), .customLong("config-id")], help: "Configuration id selecting @id lines (keepalived -i).")
    var configID: String?

    @Option(help: "Log level.")
    var logLevel: LogLevelOption = .info

    func run() throws {
        throw ExitCode(Self.run(config: config, configID: configID, level: logLevel.level))
    }

    static func run(config: String, configID: String?, level: Logger.Level) -> Int32 {
        let underJournal = getenv("JOURNAL_STREAM") != nil
        LoggingSystem.bootstrap { label in KarunLogHandler(label: label, level: level, timestamps: !underJournal) }
        return ResidueCleanup.run(configPath: config, configID: configID, logger: Logger(label: "karun"))
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the running daemon's state as JSON.")

    @Option(help: "The daemon's status socket.")
    var socket: String = DaemonOptions.defaultStatusSocket

    func run() throws {
        do {
            print(try ControlSocket.query(path: socket), terminator: "")
        } catch {
            FileStream.standardError.write("karun status: \(error)\n")
            throw ExitCode(2)
        }
    }
}

/// stderr without Foundation.
enum FileStream {
    struct Writer {
        let fd: Int32
        func write(_ text: String) {
            var bytes = Array(text.utf8)
            _ = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        }
    }

    static let standardError = Writer(fd: 2)
}
