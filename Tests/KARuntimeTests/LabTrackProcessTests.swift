import Foundation
import Glibc
import KARuntime
import Testing

/// vrrp_track_process in a running karun: the instance is in FAULT (weight 0) until the tracked
/// process runs, MASTER while it runs, FAULT again once it is killed. karun runs in a lab network
/// namespace, where the kernel's process events connector does not exist: this is the /proc
/// reading path (ProcessTrackingTests covers the events path in the test's own namespace).
@Suite struct LabTrackProcessTests {
    @Test(.enabled(if: Lab.isPrivileged, "needs root for network namespaces"), .timeLimit(.minutes(1)))
    func anInstanceFollowsItsTrackedProcess() throws {
        let lab = try KarunLab("tproc")
        defer { lab.tearDown() }
        try lab.host("n1", [("eth0", ["192.0.2.11/24"])])
        let name = "katp\(getpid() % 100_000)"
        let program = "\(lab.directory)/\(name)"
        try FileManager.default.copyItem(atPath: "/bin/sleep", toPath: program)
        let node = try lab.start("n1", config: """
            vrrp_track_process chk_daemon {
                process \(name)
            }
            vrrp_instance VI_1 {
                state MASTER
                interface eth0
                virtual_router_id 62
                priority 150
                advert_int 1
                track_process {
                    chk_daemon
                }
                virtual_ipaddress {
                    192.0.2.62/24
                }
            }
            """)
        #expect(lab.wait(timeout: 5) { node.state("VI_1") == "FAULT" } != nil, "no tracked process: FAULT\n\(node.log)")
        let tracked = Process()
        tracked.executableURL = URL(fileURLWithPath: program)
        tracked.arguments = ["60"]
        try tracked.run()
        defer { kill(tracked.processIdentifier, SIGKILL) }
        #expect(lab.wait(timeout: 10) { node.state("VI_1") == "MASTER" } != nil, "the process runs: MASTER\n\(node.log)")
        #expect(lab.wait(timeout: 3) { lab.holds("n1", "eth0", "192.0.2.62") } != nil)
        kill(tracked.processIdentifier, SIGKILL)
        #expect(lab.wait(timeout: 5) { node.state("VI_1") == "FAULT" } != nil, "killed: FAULT again\n\(node.log)")
        #expect(lab.wait(timeout: 3) { !lab.holds("n1", "eth0", "192.0.2.62") } != nil, "the VIP goes with it")
        #expect(node.log.contains("track_process chk_daemon: 0 process(es) of \(name), down"), "\(node.log)")
    }
}
