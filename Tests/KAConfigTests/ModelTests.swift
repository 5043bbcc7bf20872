import Testing
@testable import KAConfig

/// The typed model and keepalived 2.2.7's defaults.
@Suite struct ModelTests {
    func instance(_ body: String) -> VRRPInstance? {
        BinderTestSupport.bind("vrrp_instance VI_1 {\n\(body)\n}\n").model.instances.first
    }

    @Test func priorityAndStateDefaults() {
        #expect(instance("state MASTER")?.priority == 255)
        #expect(instance("state BACKUP")?.priority == 100)
        #expect(instance("")?.priority == 100)
        #expect(instance("")?.state == .backup)
        #expect(instance("priority 255")?.state == .master)
        #expect(instance("priority 254")?.state == .backup)
        #expect(instance("state MASTER\npriority 50")?.priority == 50)
        // BACKUP after MASTER is ignored by keepalived.
        #expect(instance("state MASTER\nstate BACKUP")?.state == .master)
        #expect(instance("")?.advertIntervalMicroseconds == 1_000_000)
        #expect(instance("")?.version == 2)
    }

    @Test func versionFollowsGlobalDefsAndIPv6() {
        let global = BinderTestSupport.bind("global_defs {\n vrrp_version 3\n}\nvrrp_instance A {\n}\n")
        #expect(global.model.instances[0].version == 3)
        #expect(instance("virtual_ipaddress {\n 2001:db8::1\n}")?.version == 3)
        #expect(instance("version 3")?.versionConfigured == 3)
    }

    @Test func virtualAddressFields() throws {
        let vip = try #require(instance("""
            virtual_ipaddress {
                192.0.2.1/24 dev eth0 brd 192.0.2.255 scope global label eth0:1 no_track home
                2001:DB8:0:0:0:0:0:1/64 dev eth1
            }
            virtual_ipaddress_excluded {
                198.51.100.7
            }
            """))
        let first = vip.virtualAddresses[0]
        #expect(first.address == IPAddress("192.0.2.1"))
        #expect(first.prefixLength == 24)
        #expect(first.device == "eth0")
        #expect(first.broadcast == "192.0.2.255")
        #expect(first.scope == "global")
        #expect(first.label == "eth0:1")
        #expect(first.noTrack)
        #expect(first.flags == ["home"])
        #expect(vip.virtualAddresses[1].address.description == "2001:db8::1")
        #expect(vip.excludedAddresses.first?.prefixLength == 32)
    }

    @Test func authenticationKeepsEightBytes() throws {
        let auth = try #require(instance("authentication {\n auth_type PASS\n auth_pass 0123456789\n}")?.authentication)
        #expect(auth.type == .pass)
        #expect(auth.pass == "0123456789")
        #expect(auth.effectivePass == "01234567")
    }

    @Test func notifyScriptsAreSplitLikeKeepalived() throws {
        let notify = try #require(instance("""
            notify_master "/usr/bin/logger -t 'ka master' a\\ b" root wheel
            notify_master /bin/second
            notify /etc/keepalived/notify.sh
            """)?.notify)
        // Both stages unescape: the first turns `a\ b` into `a b`, which the second splits again.
        #expect(notify["notify_master"]?.argv == ["/usr/bin/logger", "-t", "ka master", "a", "b"])
        #expect(notify["notify_master"]?.user == "root")
        #expect(notify["notify_master"]?.group == "wheel")
        #expect(notify["notify"]?.argv == ["/etc/keepalived/notify.sh"])
    }

    @Test func scriptTokenizerEscapes() throws {
        #expect(try ScriptTokenizer.split(#"a\tb "c d"e 'f\x41' \101"#).get() == ["a\tb", "c de", "fA", "A"])
        #expect((try? ScriptTokenizer.split(#"a "b"#).get()) == nil)
        #expect((try? ScriptTokenizer.split(#"a \"#).get()) == nil)
    }

    @Test func trackingAndPeers() throws {
        let result = BinderTestSupport.bind("""
            vrrp_track_process nginx {
                process nginx
                weight 20
            }
            track_file f1 {
                file /run/ka/f1
            }
            vrrp_instance A {
                unicast_src_ip 192.0.2.1
                unicast_peer {
                    192.0.2.2 min_ttl 2 max_ttl 64
                }
                track_interface {
                    eth1 weight -20 reverse
                    eth2
                }
                track_process {
                    nginx
                }
                track_file {
                    f1 weight 5 reverse
                }
                use_vmac vrrp.51 00:00:5e:00:01:33
                preempt_delay 2.5
                nopreempt
                garp_master_delay 3
            }
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let a = try #require(result.model.instances.first)
        #expect(a.unicastSourceIP?.description == "192.0.2.1")
        #expect(a.unicastPeers.first?.minTTL == 2 && a.unicastPeers.first?.maxTTL == 64)
        #expect(a.trackInterfaces.map(\.name) == ["eth1", "eth2"])
        #expect(a.trackInterfaces[0].weight == -20 && a.trackInterfaces[0].reverse)
        #expect(a.trackProcesses.first?.resolved == true)
        #expect(a.trackFiles.first?.weight == 5 && a.trackFiles.first?.reverse == true)
        #expect(a.useVMAC == VirtualMAC(name: "vrrp.51", mac: "00:00:5e:00:01:33"))
        #expect(a.preemptDelayMicroseconds == 2_500_000)
        #expect(a.nopreempt)
        #expect(a.garp.masterDelayMicroseconds == 3_000_000)
        #expect(result.model.trackProcesses.first?.weight == 20)
    }

    @Test func globalDefsAndScripts() throws {
        let result = BinderTestSupport.bind("""
            global_defs {
                notification_email {
                    ops@example.com
                    noc@example.com
                }
                smtp_server 192.0.2.25 2525
                script_user keepalived_script
                enable_script_security
                vrrp_garp_master_repeat 3
            }
            vrrp_script chk {
                script "/usr/bin/killall -0 haproxy"
                interval 2
                weight -10
                fall 3
                rise 2
            }
            vrrp_instance A {
            }
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let defs = result.model.globalDefs
        #expect(defs.notificationEmail == ["ops@example.com", "noc@example.com"])
        #expect(defs.smtpServer == "192.0.2.25" && defs.smtpPort == 2525)
        #expect(defs.scriptUser == "keepalived_script" && defs.enableScriptSecurity)
        // Instances copy the global garp settings when they are read.
        #expect(result.model.instances[0].garp.masterRepeat == 3)
        let script = try #require(result.model.vrrpScripts.first)
        #expect(script.command?.argv == ["/usr/bin/killall", "-0", "haproxy"])
        #expect(script.intervalMicroseconds == 2_000_000 && script.weight == -10 && script.fall == 3 && script.rise == 2)
    }

    @Test func virtualServers() throws {
        let result = BinderTestSupport.bind("""
            virtual_server 192.0.2.100 80 {
                delay_loop 6
                lb_algo rr
                lb_kind NAT
                protocol TCP
                sorry_server 192.0.2.200 8080
                real_server 192.0.2.11 80 {
                    weight 2
                    HTTP_GET {
                        url {
                            path /health
                            status_code 200
                        }
                        connect_timeout 3
                    }
                }
                real_server 192.0.2.12 80 {
                    TCP_CHECK {
                        connect_port 80
                    }
                }
            }
            virtual_server fwmark 7 {
            }
            virtual_server_group G {
                192.0.2.1-10 80
                fwmark 3
            }
            """)
        // lb_algo / lb_kind are deprecated spellings of lvs_sched / lvs_method: warnings only.
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.message))")
        #expect(result.model.virtualServerGroups.first?.entries == [["192.0.2.1-10", "80"], ["fwmark", "3"]])
        let server = try #require(result.model.virtualServers.first)
        #expect(server.address?.description == "192.0.2.100" && server.port == 80)
        #expect(server.delayLoopMicroseconds == 6_000_000)
        #expect(server.scheduler == "rr" && server.forwardingMethod == "NAT" && server.protocolName == "TCP")
        #expect(server.sorryServer?.port == 8080)
        #expect(server.realServers.map(\.weight) == [2, 1])
        let http = try #require(server.realServers[0].checkers.first)
        #expect(http.type == "HTTP_GET")
        #expect(http.urls.first?.path == "/health")
        #expect(http.urls.first?.statusCode == ["200"])
        #expect(http.connectTimeoutMicroseconds == 3_000_000)
        #expect(server.realServers[1].checkers.first?.connectPort == 80)
        #expect(result.model.virtualServers[1].fwmark == 7)
    }

    @Test func staticAddressesRoutesAndRules() {
        let result = BinderTestSupport.bind("""
            static_ipaddress {
                192.0.2.5/24 dev eth0
            }
            static_routes {
                198.51.100.0/24 via 192.0.2.1 dev eth0 metric 10
                blackhole 203.0.113.0/24
            }
            static_rules {
                from 192.0.2.0/24 table 100 priority 5
            }
            """)
        #expect(result.model.staticAddresses.first?.device == "eth0")
        #expect(result.model.staticRoutes[0].destination == "198.51.100.0/24")
        #expect(result.model.staticRoutes[0].via == "192.0.2.1" && result.model.staticRoutes[0].metric == 10)
        #expect(result.model.staticRoutes[1].type == "blackhole")
        #expect(result.model.staticRules[0].table == "100" && result.model.staticRules[0].priority == 5)
    }

    @Test func ipAddressesParseAndPrintCanonically() {
        // Through a String value: `IPAddress("...")` with a literal is the literal (ExpressibleByStringLiteral).
        func parse(_ text: String) -> IPAddress? { IPAddress(text) }
        #expect(parse("192.0.2.1")?.description == "192.0.2.1")
        #expect(parse("192.0.2.01") == nil)
        #expect(parse("192.0.2") == nil)
        #expect(parse("256.0.0.1") == nil)
        #expect(parse("2001:0DB8:0000:0000:0001:0000:0000:0001")?.description == "2001:db8::1:0:0:1")
        #expect(parse("2001:db8:0:0:1:0:0:0")?.description == "2001:db8:0:0:1::")
        #expect(parse("::")?.description == "::")
        #expect(parse("::1")?.description == "::1")
        #expect(parse("fe80::1:2")?.description == "fe80::1:2")
        #expect(parse("2001:db8::0:1")?.description == "2001:db8::1")
        #expect(parse("2001:db8:1:2:3:4:5:6")?.description == "2001:db8:1:2:3:4:5:6")
        #expect(parse("2001:db8:0:1:1:1:1:1")?.description == "2001:db8:0:1:1:1:1:1")
        #expect(parse("::ffff:192.0.2.1")?.description == "::ffff:192.0.2.1")
        #expect(parse("1:2:3:4:5:6:7:8:9") == nil)
        #expect(parse("1::2::3") == nil)
        #expect(parse("12345::") == nil)
        #expect(parse(":1::") == nil)
        #expect(IPPrefix("2001:db8::/129") == nil)
        #expect(IPPrefix("2001:db8::/48")?.description == "2001:db8::/48")
    }

    @Test func numberReaderLikeStrtoul() {
        #expect(NumberReader.unsigned("42", in: 0...100) == .success(42))
        #expect(NumberReader.unsigned("4x", in: 0...100) == .failure(.trailingJunk(prefix: 4)))
        #expect(NumberReader.unsigned("", in: 0...100) == .failure(.invalid))
        #expect(NumberReader.unsigned("-1", in: 0...100) == .failure(.negative))
        #expect(NumberReader.integer("-20", in: -254...254) == .success(-20))
        #expect(NumberReader.decimal("1.5", places: 6, in: 0...Int.max) == .success(1_500_000))
        #expect(NumberReader.decimal(".5", places: 2, in: 0...Int.max) == .success(50))
        #expect(NumberReader.decimal("1.234", places: 2, in: 0...Int.max) == .failure(.tooManyDecimalPlaces))
    }
}
