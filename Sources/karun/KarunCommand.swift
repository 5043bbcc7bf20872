#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KACommandLine
import KARuntime
import KAVersion
import Logging

/// karun's commands, read from `KarunInterface`'s table (no swift-argument-parser: it links
/// FoundationEssentials, 3.7 MB resident in a daemon whose memory is measured against keepalived's).
enum KarunCommand {
    static func main(_ words: [String]) -> Int32 {
        switch CommandLineParser(root: KarunInterface.root).parse(words) {
        case .help(let text), .completionScript(let text):
            print(text, terminator: "")
            return 0
        case .version:
            print(ToolchainVersion.text)
            return 0
        case .usageError(let text):
            FileStream.standardError.write(text)
            return CommandLineParser.exitUsage
        case .run(let parsed):
            switch parsed.command {
            case "status": return status(parsed)
            case "cleanup":
                return cleanup(config: parsed.argument("config")!, configID: parsed.value("config-id"), level: level(parsed))
            default: return run(parsed)
            }
        }
    }

    static func level(_ parsed: ParsedCommand) -> Logger.Level {
        parsed.value("log-level").flatMap(Logger.Level.init(rawValue:)) ?? .info
    }

    static func run(_ parsed: ParsedCommand) -> Int32 {
        let config = parsed.argument("config")!
        let configID = parsed.value("config-id")
        if let signum = parsed.value("signum") {
            guard let signal = KeepalivedSignal(name: signum) else {
                FileStream.standardError.write("Unknown sigfunc \(signum)\n")
                return 1
            }
            print(signal.number)
            return 0
        }
        var metricsEndpoint: MetricsEndpoint?
        if let metrics = parsed.value("metrics") {
            guard let endpoint = MetricsEndpoint(parsing: metrics) else {
                FileStream.standardError.write("karun: --metrics \(metrics): expected ADDR:PORT, [ADDR]:PORT or PORT\n")
                return 1
            }
            guard endpoint.isLoopback || parsed.flag("metrics-allow-remote") else {
                FileStream.standardError.write("karun: --metrics \(metrics) is not a loopback address; add --metrics-allow-remote to serve it\n")
                return 1
            }
            metricsEndpoint = endpoint
        }
        if parsed.flag("cleanup") { return cleanup(config: config, configID: configID, level: level(parsed)) }
        if parsed.flag("check") {
            let result = ConfigurationCheck.run(path: config, configID: configID)
            if !result.rendered.isEmpty { FileStream.standardError.write(result.rendered) }
            let verdict = result.passed ? "configuration is usable" : "configuration has \(result.errors.count) error(s)"
            FileStream.standardError.write("karun: \(config): \(verdict)\n")
            return result.passed ? 0 : 1
        }
        // systemd's journal stamps lines itself.
        let underJournal = getenv("JOURNAL_STREAM") != nil
        let level = level(parsed)
        LoggingSystem.bootstrap { label in KarunLogHandler(label: label, level: level, timestamps: !underJournal) }
        let logger = Logger(label: "karun")
        var options = DaemonOptions(
            configPath: config, configID: configID, statusSocketPath: parsed.value("status-socket")!, logLevel: level,
            logTimestamps: !underJournal, notifyTimeout: parsed.value("notify-timeout").flatMap(Double.init) ?? 30)
        options.statusDirectory = parsed.value("status-dir")
        options.metricsEndpoint = metricsEndpoint
        options.pidFile = parsed.value("pid-file")
        let daemon: Daemon
        do {
            daemon = try Daemon(options: options, logger: logger)
        } catch let error as DaemonStartError {
            FileStream.standardError.write("\(error)\n")
            FileStream.standardError.write("karun: \(config): not started\n")
            return 1
        } catch {
            FileStream.standardError.write("karun: \(config): not started: \(error)\n")
            return 1
        }
        return daemon.run()
    }

    static func cleanup(config: String, configID: String?, level: Logger.Level) -> Int32 {
        let underJournal = getenv("JOURNAL_STREAM") != nil
        LoggingSystem.bootstrap { label in KarunLogHandler(label: label, level: level, timestamps: !underJournal) }
        return ResidueCleanup.run(configPath: config, configID: configID, logger: Logger(label: "karun"))
    }

    static func status(_ parsed: ParsedCommand) -> Int32 {
        do {
            print(try ControlSocket.query(path: parsed.value("socket")!), terminator: "")
            return 0
        } catch {
            FileStream.standardError.write("karun status: \(error)\n")
            return 2
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
