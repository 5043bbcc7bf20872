import Testing
@testable import KAConfig

/// The instances of a configuration hold their GARP settings in one box per distinct settings
/// (`BuildContext.shared`): equal settings share a box, and the values read as written.
@Suite struct GARPSharingTests {
    static let text = """
        global_defs {
            vrrp_garp_master_delay 3
        }
        vrrp_instance GLOBAL_1 {
            interface eth0
            virtual_router_id 1
        }
        vrrp_instance GLOBAL_2 {
            interface eth0
            virtual_router_id 2
        }
        vrrp_instance OWN_1 {
            interface eth0
            virtual_router_id 3
            garp_master_refresh 60
            garp_master_refresh_repeat 2
        }
        vrrp_instance OWN_2 {
            interface eth0
            virtual_router_id 4
            garp_master_refresh_repeat 2
            garp_master_refresh 60
        }
        vrrp_instance OTHER {
            interface eth0
            virtual_router_id 5
            garp_master_refresh 30
        }
        """

    func instances() throws -> [String: VRRPInstance] {
        let model = Analyzer.analyze(path: "garp.conf", text: Self.text).bound.model
        return Dictionary(uniqueKeysWithValues: model.instances.map { ($0.name, $0) })
    }

    @Test func equalSettingsShareOneBox() throws {
        let byName = try instances()
        let global1 = try #require(byName["GLOBAL_1"]), global2 = try #require(byName["GLOBAL_2"])
        let own1 = try #require(byName["OWN_1"]), own2 = try #require(byName["OWN_2"])
        let other = try #require(byName["OTHER"])
        #expect(global1.storedGARP.sharesBox(with: global2.storedGARP))
        #expect(own1.storedGARP.sharesBox(with: own2.storedGARP))
        #expect(!own1.storedGARP.sharesBox(with: global1.storedGARP) && !other.storedGARP.sharesBox(with: own1.storedGARP))
        // The values as written, global_defs' beneath the instance's own.
        #expect(global1.garp.masterDelayMicroseconds == 3_000_000 && global1.garp.masterRefreshMicroseconds == 0)
        #expect(own2.garp.masterDelayMicroseconds == 3_000_000)
        #expect(own2.garp.masterRefreshMicroseconds == 60_000_000 && own2.garp.masterRefreshRepeat == 2)
        #expect(other.garp.masterRefreshMicroseconds == 30_000_000 && other.garp.masterRefreshRepeat == 1)
    }

    /// A write changes that instance alone: the shared box is never written.
    @Test func aWriteLeavesTheOthersAlone() throws {
        let byName = try instances()
        var own1 = try #require(byName["OWN_1"])
        let own2 = try #require(byName["OWN_2"])
        #expect(own1 == own2.renamed("OWN_1"))
        own1.garp.masterRepeat = 9
        #expect(own1.garp.masterRepeat == 9 && own2.garp.masterRepeat == 5)
        #expect(own1 != own2.renamed("OWN_1"))
        own1.garp.masterRepeat = 5
        #expect(own1 == own2.renamed("OWN_1") && own1.hashValue == own2.renamed("OWN_1").hashValue)
    }
}

extension VRRPInstance {
    fileprivate func renamed(_ name: String) -> VRRPInstance {
        var copy = self
        copy.name = name
        copy.virtualRouterID = 3
        copy.origin = nil
        return copy
    }
}
