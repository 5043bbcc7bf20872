import Testing
@testable import KAConfig

/// The JSON view: deterministic, semantic only.
@Suite struct ModelJSONTests {
    static let compact = """
        global_defs { router_id R1 }
        vrrp_script chk { script "/bin/true"
        interval 2 }
        vrrp_instance VI_1 { state MASTER
        interface eth0
        virtual_router_id 51
        track_script { chk }
        virtual_ipaddress { 192.0.2.1/24 dev eth0 }
        notify "/bin/echo hi" }
        """

    static let spread = """
        # The same configuration, laid out differently, with comments and an include.
        global_defs
        {
            router_id R1      ! the router
        }

        vrrp_script chk {
            script   /bin/true
            interval 2
        }
        include /etc/keepalived/instances.conf
        """

    static let instances = """
        vrrp_instance VI_1
        {
            state MASTER
            interface   eth0
            virtual_router_id 51
            track_script {
                chk
            }
            virtual_ipaddress {
                192.0.2.1/24   dev eth0
            }
            notify '/bin/echo hi'
        }
        """

    @Test func sameMeaningGivesSameBytes() {
        let a = BinderTestSupport.bind(Self.compact, path: "/etc/keepalived/a.conf")
        let b = BinderTestSupport.bind(
            Self.spread, path: "/etc/keepalived/b.conf", others: ["/etc/keepalived/instances.conf": Self.instances])
        #expect(a.diagnostics.isEmpty && b.diagnostics.isEmpty, "\(a.diagnostics.map(\.message)) \(b.diagnostics.map(\.message))")
        #expect(a.model == b.model)
        #expect(ModelJSON.encode(a.model) == ModelJSON.encode(b.model))
    }

    @Test func differentMeaningGivesDifferentBytes() {
        let a = BinderTestSupport.bind(Self.compact)
        let changed = BinderTestSupport.bind(Self.compact.replacingOccurrences(of: "virtual_router_id 51", with: "virtual_router_id 52"))
        #expect(ModelJSON.encode(a.model) != ModelJSON.encode(changed.model))
    }

    @Test func jsonHasNoLocationsAndSortedKeys() {
        let json = ModelJSON.encode(BinderTestSupport.bind(Self.compact, path: "/etc/keepalived/secret-name.conf").model)
        #expect(!json.contains("secret-name"))
        #expect(!json.contains("\"origin\""))
        #expect(!json.contains("\"line\""))
        #expect(json.contains("\"virtualRouterID\" : 51"))
        #expect(json.contains("\"address\" : \"192.0.2.1\""))
        #expect(json.contains("\"advertIntervalMicroseconds\" : 1000000"))
        // Sorted keys: within the instance, "accept"-less keys appear alphabetically.
        let advert = json.range(of: "\"advertIntervalMicroseconds\"")!.lowerBound
        let vrid = json.range(of: "\"virtualRouterID\"")!.lowerBound
        #expect(advert < vrid)
        #expect(ModelJSON.encode(BinderTestSupport.bind(Self.compact).model) == json)
    }
}
