// karun: runs a keepalived.conf's VRRP instances with KAVRRP's engine. Argument parsing and exit
// status only; everything else lives in KARuntime.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KARuntime

// Before any thread exists: the daemon reads these signals from a signalfd, and threads inherit
// the mask.
SignalSource.block(Daemon.handledSignals)
exit(KarunCommand.main(Array(CommandLine.arguments.dropFirst())))
