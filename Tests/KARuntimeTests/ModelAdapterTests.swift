import KAConfig
import KAVRRP
import Testing
@testable import KARuntime

@Suite struct ModelAdapterTests {
    static let host = StaticHostFacts(
        [
            InterfaceFacts(
                name: "eth0", index: 2, mac: [0x02, 0, 0, 0, 0, 0x11], primaryIPv4: "192.0.2.11",
                linkLocalIPv6: "fe80::11", globalIPv6: "2001:db8::11"),
            InterfaceFacts(name: "eth1", index: 3, primaryIPv4: "198.51.100.11"),
        ],
        routes: ["2001:db8::12": "2001:db8::11"])

    static func plan(_ text: String, host: some HostFacts = ModelAdapterTests.host) -> RuntimePlan {
        let node = Analyzer.analyze(path: "keepalived.conf", text: text)
        return ModelAdapter(configuration: node.model, host: host).plan()
    }

    @Test func keepalivedDefaultsFillWhatTheConfigurationLeavesOut() throws {
        let plan = Self.plan("""
            vrrp_instance VI_1 {
                state MASTER
                interface eth0
                virtual_router_id 51
                advert_int 1.4
                virtual_ipaddress {
                    192.0.2.1/24
                }
            }
            """)
        #expect(plan.errors.isEmpty)
        let instance = try #require(plan.instances.first)
        // state MASTER without priority: keepalived makes it the address owner.
        #expect(instance.priority == 255)
        #expect(instance.initialStateMaster)
        #expect(instance.version == .v2)
        // VRRPv2 carries whole seconds: 1.4 s runs as 1 s.
        #expect(instance.effectiveAdvertisementInterval == .seconds(1))
        #expect(instance.sourceAddress == "192.0.2.11")
        #expect(instance.virtualAddresses == [KAVRRP.VirtualAddress("192.0.2.1", prefixLength: 24, device: "eth0")])
        #expect(instance.gratuitousARP.masterDelay == .seconds(5))
        #expect(instance.gratuitousARP.masterRepeat == 5)
        // A lower-priority advert heard as MASTER gets a GARP burst, as keepalived 2.2.7 defaults.
        #expect(instance.gratuitousARP.lowerPriorityRepeat == 5)
        #expect(instance.gratuitousARP.lowerPriorityDelay == .seconds(5))
        // karun's one deliberate default: a yielding master's last advert lets the winner re-GARP.
        #expect(instance.higherPrioritySendAdvert)
        #expect(instance.downTimerAdverts == 3)
        #expect(instance.multicastGroup == nil)
    }

    @Test func ipv6InstancesAreVersion3AndSendFromTheLinkLocalAddress() throws {
        let plan = Self.plan("""
            vrrp_instance VI_6 {
                interface eth0
                virtual_router_id 60
                priority 120
                advert_int 0.05
                virtual_ipaddress {
                    2001:db8::60/64
                }
            }
            """)
        let instance = try #require(plan.instances.first)
        #expect(instance.version == .v3)
        #expect(instance.family == .ipv6)
        #expect(instance.sourceAddress == "fe80::11")
        #expect(instance.effectiveAdvertisementInterval == .centiseconds(5))
    }

    @Test func unicastWithoutInterfaceTakesItsSourceFromTheRoute() throws {
        let plan = Self.plan("""
            vrrp_instance gateway1 {
                state BACKUP
                virtual_router_id 12
                priority 101
                unicast_peer {
                    2001:db8::12
                }
                virtual_ipaddress {
                    2001:db8::ff/64 dev lo
                }
            }
            """)
        #expect(plan.errors.isEmpty, "\(plan.issues)")
        let instance = try #require(plan.instances.first)
        #expect(instance.sourceAddress == "2001:db8::11")
        #expect(instance.isUnicast)
        #expect(instance.dontTrackPrimary)
        let shell = try #require(plan.instancePlans["gateway1"])
        #expect(shell.advertInterface == nil)
        #expect(instance.virtualAddresses.first?.device == "lo")
    }

    @Test func vipsWithoutDeviceNeedAnInterface() {
        let plan = Self.plan("""
            vrrp_instance U {
                virtual_router_id 12
                unicast_src_ip 192.0.2.11
                unicast_peer {
                    192.0.2.12
                }
                virtual_ipaddress {
                    192.0.2.1/24
                }
            }
            """)
        #expect(plan.instances.isEmpty)
        #expect(plan.errors.contains { $0.message.contains("needs `dev`") })
    }

    @Test func useVMACGetsTheVirtualMACAndCarriesTheVIPs() throws {
        let plan = Self.plan("""
            vrrp_instance instance1 {
                state BACKUP
                interface eth0
                virtual_router_id 250
                use_vmac
                vmac_xmit_base
                priority 150
                advert_int 1
                virtual_ipaddress {
                    192.0.2.254
                }
                notify_master "/usr/local/bin/vmac_tweak.sh vrrp.250"
            }
            """)
        let shell = try #require(plan.instancePlans["instance1"])
        #expect(shell.vmac == VMACPlan(name: "vrrp.250", mac: [0, 0, 0x5E, 0, 1, 250], transmitOnBase: true))
        #expect(shell.advertInterface == "eth0")
        #expect(shell.defaultAddressDevice == "vrrp.250")
        let instance = try #require(plan.instances.first)
        #expect(instance.virtualAddresses.first?.device == "vrrp.250")
        let line = try #require(instance.notify.master)
        #expect(plan.notifyCommands[line]?.argv == ["/usr/local/bin/vmac_tweak.sh", "vrrp.250"])
        #expect(try ScriptTokenizer.split(line).get() == ["/usr/local/bin/vmac_tweak.sh", "vrrp.250"])
    }

    @Test func trackersTakeTheScriptsWeightUnlessTheReferenceSetsOne() throws {
        let plan = Self.plan("""
            vrrp_script chk_a {
                script "/bin/true"
                weight -20
                rise 2
                fall 3
            }
            vrrp_script chk_b {
                script "/bin/true"
            }
            vrrp_script unused {
                script "/bin/false"
            }
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                priority 100
                virtual_ipaddress {
                    192.0.2.1/24
                }
                track_interface {
                    eth1 weight 10
                }
                track_script {
                    chk_a
                    chk_b weight 5 reverse
                }
            }
            """)
        let instance = try #require(plan.instances.first)
        #expect(instance.trackers == [
            TrackerConfiguration(TrackerKey(.interface, "eth1"), weight: 10),
            TrackerConfiguration(TrackerKey(.script, "chk_a"), weight: -20),
            TrackerConfiguration(TrackerKey(.script, "chk_b"), weight: 5, reverse: true),
        ])
        #expect(plan.scripts.map(\.name) == ["chk_a", "chk_b"])
        #expect(plan.scripts.first?.rise == 2)
        #expect(plan.scripts.first?.fall == 3)
        // Without `timeout`, keepalived lets a script run for its interval.
        #expect(plan.scripts.first?.timeout == .seconds(1))
    }

    @Test func aMissingInterfaceOrAHAuthenticationIsAnError() {
        let missing = Self.plan("""
            vrrp_instance VI_1 {
                interface eth9
                virtual_router_id 51
                virtual_ipaddress {
                    192.0.2.1/24
                }
            }
            """)
        #expect(missing.errors.contains { $0.message.contains("eth9") })
        let ah = Self.plan("""
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                authentication {
                    auth_type AH
                    auth_pass secret
                }
                virtual_ipaddress {
                    192.0.2.1/24
                }
            }
            """)
        #expect(ah.errors.contains { $0.message.contains("AH") })
    }

    @Test func globalSettingsReachTheInstances() throws {
        let plan = Self.plan("""
            global_defs {
                vrrp_garp_master_repeat 2
                vrrp_garp_master_refresh 60
                vrrp_garp_interval 0.01
                vrrp_lower_prio_no_advert
                vrrp_mcast_group4 224.0.0.99
            }
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                garp_master_repeat 3
                unicast_ttl 64
                virtual_ipaddress {
                    192.0.2.1/24
                }
            }
            """)
        let instance = try #require(plan.instances.first)
        #expect(instance.gratuitousARP.masterRepeat == 3)
        #expect(instance.gratuitousARP.masterRefresh == .seconds(60))
        #expect(instance.lowerPriorityNoAdvert)
        #expect(instance.multicastGroup == "224.0.0.99")
        #expect(plan.global.garpInterval == .milliseconds(10))
    }

    @Test func syncGroupsKeepTheirRunnableMembers() throws {
        let plan = Self.plan("""
            vrrp_sync_group G {
                group {
                    A
                    B
                }
                notify "/usr/local/bin/notify.sh"
            }
            vrrp_instance A {
                interface eth0
                virtual_router_id 1
                virtual_ipaddress {
                    192.0.2.1/24
                }
            }
            vrrp_instance B {
                interface eth1
                virtual_router_id 2
                virtual_ipaddress {
                    198.51.100.1/24
                }
            }
            """)
        let group = try #require(plan.syncGroups.first)
        #expect(group.members == ["A", "B"])
        #expect(group.notify.generic.flatMap { plan.notifyCommands[$0]?.argv } == ["/usr/local/bin/notify.sh"])
    }

    @Test func configurationCheckIgnoresOnlyTheUnicastWithoutInterfaceDefectOf227() throws {
        let unicast = """
            vrrp_instance gateway1 {
                virtual_router_id 12
                unicast_src_ip 2001:db8::11
                unicast_peer {
                    2001:db8::12
                }
                virtual_ipaddress {
                    2001:db8::ff/64 dev lo
                }
            }
            """
        let files = InMemoryFileSystem(files: ["/etc/k.conf": unicast])
        let accepted = ConfigurationCheck.run(path: "/etc/k.conf", configID: nil, fileSystem: files)
        #expect(accepted.passed, "\(accepted.rendered)")
        let noPeers = InMemoryFileSystem(files: ["/etc/k.conf": """
            vrrp_instance lonely {
                virtual_router_id 12
                virtual_ipaddress {
                    192.0.2.1/24 dev lo
                }
            }
            """])
        let refused = ConfigurationCheck.run(path: "/etc/k.conf", configID: nil, fileSystem: noPeers)
        #expect(!refused.passed)
        #expect(refused.rendered.contains("KA229"))
    }
}
