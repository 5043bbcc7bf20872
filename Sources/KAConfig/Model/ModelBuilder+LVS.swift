/// Handler tables of the LVS blocks: virtual_server, real_server and the checkers.
extension ModelBuilder {
    static let checkerNames: Set<String> = [
        "TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK", "DNS_CHECK", "SMTP_CHECK", "UDP_CHECK", "PING_CHECK",
        "FILE_CHECK", "BFD_CHECK",
    ]

    static let virtualServerHandlers: [String: Handler<VirtualServer>] = [
        "lb_algo": { server, s, _ in server.scheduler = s.text() },
        "lvs_sched": { server, s, _ in server.scheduler = s.text() },
        "lb_kind": { server, s, _ in server.forwardingMethod = s.text() },
        "lvs_method": { server, s, _ in server.forwardingMethod = s.text() },
        "protocol": { server, s, _ in server.protocolName = s.text() },
        "persistence_timeout": { server, s, _ in server.persistenceTimeout = s.int() ?? 6 * 60 },
        "delay_loop": { server, s, _ in server.delayLoopMicroseconds = s.microseconds() ?? server.delayLoopMicroseconds },
        "quorum": { server, s, _ in server.quorum = s.int() ?? server.quorum },
        "hysteresis": { server, s, _ in server.hysteresis = s.int() ?? server.hysteresis },
        "quorum_up": { server, s, builder in server.quorumUp = server.quorumUp ?? builder.script(s) },
        "quorum_down": { server, s, builder in server.quorumDown = server.quorumDown ?? builder.script(s) },
        "sorry_server": { server, s, _ in
            guard let address = s.text().flatMap({ IPAddress($0) }) else { return }
            var sorry = RealServer(address: address, port: s.text(1).flatMap { Int($0) })
            sorry.origin = s.origin
            server.sorryServer = sorry
        },
        "real_server": { server, s, builder in
            if let real = builder.realServer(s) { server.realServers.append(real) }
        },
    ]

    static let realServerHandlers: [String: Handler<RealServer>] = {
        var table: [String: Handler<RealServer>] = [
            "weight": { server, s, _ in server.weight = s.int() ?? server.weight },
            "notify_up": { server, s, builder in server.notifyUp = server.notifyUp ?? builder.script(s) },
            "notify_down": { server, s, builder in server.notifyDown = server.notifyDown ?? builder.script(s) },
        ]
        for name in checkerNames {
            table[name] = { server, s, builder in server.checkers.append(builder.checker(s)) }
        }
        return table
    }()

    static let checkerHandlers: [String: Handler<Checker>] = [
        "connect_ip": { checker, s, _ in checker.connectIP = s.address() },
        "connect_port": { checker, s, _ in checker.connectPort = s.int() },
        "bind_to": { checker, s, _ in checker.bindIP = s.address() },
        "connect_timeout": { checker, s, _ in checker.connectTimeoutMicroseconds = s.microseconds() },
        "retry": { checker, s, _ in checker.retry = s.int() },
        "nb_get_retry": { checker, s, _ in checker.retry = s.int() },
        "delay_before_retry": { checker, s, _ in checker.delayBeforeRetryMicroseconds = s.microseconds() },
        "delay_loop": { checker, s, _ in checker.delayLoopMicroseconds = s.microseconds() },
        "warmup": { checker, s, _ in checker.warmupMicroseconds = s.microseconds() },
        "misc_path": { checker, s, builder in checker.command = builder.script(s) },
        "url": { checker, s, builder in
            var url = Checker.URL()
            url.origin = s.origin
            s.forEachChild { child in
                switch child.keyword {
                case "path": url.path = child.text()
                case "digest": url.digest = child.text()
                case "status_code": url.statusCode += child.argumentWords
                default: url.other[child.keyword] = child.argumentWords
                }
            }
            checker.urls.append(url)
        },
    ]
}

/// Builders of the LVS blocks: virtual_server, real_server and the checkers.
extension BuildContext {
    mutating func virtualServer(_ statement: StatementRef) -> VirtualServer? {
        var server = VirtualServer()
        server.origin = statement.origin
        switch statement.word(1) {
        case "fwmark"?:
            server.fwmark = statement.word(2).flatMap { Int($0) }
        case "group"?:
            server.group = statement.word(2)
        case let text?:
            guard let address = headerAddress(statement, text, keepalivedSays: "Invalid virtual server IP address") else {
                return nil
            }
            server.address = address
            server.port = statement.word(2).flatMap { Int($0) }
        case nil:
            return nil
        }
        // A port or fwmark keepalived cannot read (reported by the rules): it skips the block.
        if ServerHeader.keepalivedSkips(statement.words.lazy.map { $0.text }) { return nil }
        fill(&server, from: statement, handlers: ModelBuilder.virtualServerHandlerTable) { $0.other[$1] = $2 }
        return server
    }

    /// The address in a server block's header; an invalid one is reported (keepalived skips the block).
    mutating func headerAddress(_ statement: StatementRef, _ text: String, keepalivedSays message: String) -> IPAddress? {
        if let address = ServerHeader.address(text, port: nil) { return address }
        diagnostics.append(Diagnostic(
            SemanticRules.invalidAddress,
            "'\(text)' is not an IP address; keepalived reports \"\(message)\" and skips the block",
            at: statement.words[1].origin.span))
        return nil
    }

    mutating func realServer(_ statement: StatementRef) -> RealServer? {
        guard let text = statement.word(1) else { return nil }
        guard let address = headerAddress(statement, text, keepalivedSays: "Invalid real server ip address/port") else {
            return nil
        }
        if ServerHeader.keepalivedSkips(statement.words.lazy.map { $0.text }) { return nil }
        var server = RealServer(address: address, port: statement.word(2).flatMap { Int($0) })
        server.origin = statement.origin
        fill(&server, from: statement, handlers: ModelBuilder.realServerHandlerTable) { $0.other[$1] = $2 }
        return server
    }

    mutating func checker(_ statement: StatementRef) -> Checker {
        var checker = Checker(type: statement.keyword)
        checker.origin = statement.origin
        fill(&checker, from: statement, handlers: ModelBuilder.checkerHandlerTable) { $0.other[$1] = $2 }
        return checker
    }
}
