import Testing

/// How the interop tests read keepalived's log: a complaint is a word in it, never a fragment of
/// an address or a name.
@Suite struct KeepalivedLogTests {
    @Test(arguments: [
        "Mon Dec  7 09:17:26 2026: (VI_1) received an invalid ip address count 2, expected 1",
        "Mon Dec  7 09:17:26 2026: (VI_1) bad checksum",
        "Mon Dec  7 09:17:26 2026: (VI_1) Received advert from 192.0.2.2 with wrong VRID",
        "Mon Dec  7 09:17:26 2026: (VI_1) ip address associated with VRID 51 not present in MASTER advert : 192.0.2.10",
        "Mon Dec  7 09:17:26 2026: (VI_1) advertisement interval mismatch mine=1000 rcv'd=2000",
        "Mon Dec  7 09:17:26 2026: (VI_1) Ignoring advert with an unknown authentication type",
    ])
    func complaintsAreFound(_ line: String) {
        #expect(KeepalivedNode.isComplaint(line))
    }

    @Test(arguments: [
        "Mon Dec  7 09:17:26 2026: Assigned address fe80::e8f8:78ff:fe3e:8bad for interface eth0",
        "Mon Dec  7 09:17:26 2026: (VI_1) Entering MASTER STATE",
        "Mon Dec  7 09:17:26 2026: (VI_BADGER) Entering BACKUP STATE",
        "Mon Dec  7 09:17:26 2026: Registering Kernel netlink reflector",
    ])
    func otherLinesAreNot(_ line: String) {
        #expect(!KeepalivedNode.isComplaint(line))
    }
}
