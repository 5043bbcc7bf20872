import Foundation
import Testing
@testable import KAConfig

/// Binding must be linear in the size of the configuration.
@Suite struct BinderPerformanceTests {
    static func config(instances: Int) -> String {
        var text = "global_defs {\n    router_id perf\n}\nvrrp_script chk {\n    script \"/bin/true\"\n}\n"
        for index in 0..<instances {
            text += """
                vrrp_instance VI_\(index) {
                    state BACKUP
                    interface eth\(index % 8)
                    virtual_router_id \(index % 255 + 1)
                    priority \(index % 200 + 1)
                    advert_int 1
                    nopreempt
                    authentication {
                        auth_type PASS
                        auth_pass secret\(index % 10)
                    }
                    unicast_src_ip 192.0.2.\(index % 250 + 1)
                    unicast_peer {
                        198.51.100.\(index % 250 + 1)
                    }
                    track_script {
                        chk weight -10
                    }
                    virtual_ipaddress {
                        203.0.113.\(index % 250 + 1)/24 dev eth0 label eth0:vip
                        2001:db8::\(String(index, radix: 16))/64 dev eth0
                    }
                    notify "/etc/keepalived/notify.sh VI_\(index)"
                }

                """
        }
        return text
    }

    /// CPU time of the calling thread in seconds (the machine may be shared; wall time is noisy).
    static func threadCPUTime() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func bindTime(_ config: ExpandedConfig) -> (Duration, BindResult) {
        let clock = ContinuousClock()
        var result: BindResult?
        let elapsed = clock.measure { result = Binder.bind(config) }
        return (elapsed, result!)
    }

    /// Best thread-CPU time of two binds.
    static func bestCPUTime(_ config: ExpandedConfig) -> (Double, BindResult) {
        var best = Double.infinity
        var result: BindResult?
        for _ in 0..<2 {
            let start = threadCPUTime()
            result = Binder.bind(config)
            best = min(best, threadCPUTime() - start)
        }
        return (best, result!)
    }

    @Test func bindingIsLinear() {
        let small = BinderTestSupport.expand(Self.config(instances: 500))
        let large = BinderTestSupport.expand(Self.config(instances: 2_000))
        let (smallTime, _) = Self.bestCPUTime(small)
        let (largeTime, result) = Self.bestCPUTime(large)
        #expect(result.model.instances.count == 2_000)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(3).map(\.message))")
        let ratio = largeTime / smallTime
        print("bind CPU 500 instances: \(smallTime) s, 2000 instances: \(largeTime) s, ratio \(ratio)")
        // 4x the input: linear is ~4x; a quadratic walk would be ~16x.
        #expect(ratio < 10)
    }

    /// Prints the figure asked for, a 2 MB file with 5,000 instances; slow in debug, so it runs only
    /// with KA_BENCH=1 (`KA_BENCH=1 swift test -c release --filter twoMegabyteFigure`).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["KA_BENCH"] == "1"))
    func twoMegabyteFigure() {
        let text = Self.config(instances: 5_000)
        let config = BinderTestSupport.expand(text)
        let (time, result) = Self.bindTime(config)
        let cpuStart = Self.threadCPUTime()
        let (again, _) = Self.bindTime(config)
        let cpu = Self.threadCPUTime() - cpuStart
        let json = ModelJSON.encode(result.model)
        print("bind \(text.utf8.count) bytes, \(config.lines.count) lines, 5000 instances: \(time) / \(again) wall, \(cpu) s thread CPU; JSON \(json.utf8.count) bytes")
        #expect(text.utf8.count > 1_900_000)
        #expect(result.model.instances.count == 5_000)
    }
}
