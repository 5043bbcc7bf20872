import Foundation
import Testing
@testable import KAConfig

@Suite("Expand: performance")
struct ExpandPerformanceTests {
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// About 2 MB: 5,000 vrrp_instance blocks, no directives.
    static func largeConfig(instances: Int = 5000) -> String {
        var text = "global_defs {\n    router_id lb01\n}\n"
        for index in 0..<instances {
            text += """
                vrrp_instance VI_\(index) {
                    state BACKUP
                    interface eth0
                    virtual_router_id \(index % 255 + 1)
                    priority 100
                    advert_int 1
                    authentication {
                        auth_type PASS
                        auth_pass secret12
                    }
                    virtual_ipaddress {
                        192.0.2.\(index % 250 + 1)/24 dev eth0 label eth0:vip  # service address
                    }
                    track_script {
                        chk_haproxy
                    }
                    notify_master "/etc/keepalived/notify.sh master"
                }

                """
        }
        return text
    }

    @Test func largeFileExpandsQuickly() {
        let text = Self.largeConfig()
        #expect(text.utf8.count > 1_900_000)
        let tree = Parser.parse(path: "/etc/keepalived/keepalived.conf", text: text)
        let fileSystem = InMemoryFileSystem(files: [:])
        var config: ExpandedConfig?
        // CPU time of this thread: the machine is shared, wall time is noise.
        var elapsed = Double.infinity
        for _ in 0..<(_isDebugAssertConfiguration() ? 1 : 5) {
            config = nil  // freeing the previous result is not part of the measurement
            let start = Self.threadCPUSeconds()
            config = Expander.expand(tree: tree, options: ExpansionOptions(), fileSystem: fileSystem)
            elapsed = min(elapsed, Self.threadCPUSeconds() - start)
        }
        #expect(config?.lines.count == 4 + 5000 * 22)
        // Debug builds are several times slower than release; release is measured separately.
        #expect(elapsed < 10)
        print("expand of \(text.utf8.count) bytes, \(config?.lines.count ?? 0) lines: \(Int(elapsed * 1000)) ms CPU")
    }
}
