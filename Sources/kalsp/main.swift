import KALSP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// kalsp: the keepalived.conf language server, LSP over standard input and output.
let arguments = CommandLine.arguments.dropFirst()
if arguments.contains("--version") {
    // The bare version, as kalint, kafmt and karun print it.
    print(KALSPInfo.version)
    exit(0)
}
if arguments.contains(where: { $0 == "--help" || $0 == "-h" }) {
    print("usage: kalsp [--stdio]\n\nThe keepalived.conf language server: LSP 3.17 over standard input and output.")
    exit(0)
}
exit(StdioTransport.run())
