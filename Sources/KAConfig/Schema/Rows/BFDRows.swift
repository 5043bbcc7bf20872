/// `bfd_instance NAME { ... }`: keepalived 2.2.7 bfd/bfd_parser.c (`init_bfd_keywords`).
private typealias R = SchemaRow

extension KeepalivedSchema {
    static let bfdInstanceRows = BlockSpec(
        "bfd_instance", nameRequirement: .required, summary: "A BFD session (RFC 5880/5881).",
        [
            R.value("neighbor_ip", "Address of the BFD peer.", [R.req("address", .ipAddress)], since: "2.0.0"),
            R.value(
                "neighbour_ip", "Spelling variant of neighbor_ip.", [R.req("address", .ipAddress)], since: "2.0.0"),
            R.value("source_ip", "Local address of the session.", [R.req("address", .ipAddress)], since: "2.0.0"),
            R.value(
                "min_rx", "Required minimum receive interval, in milliseconds.",
                [R.req("milliseconds", R.seconds(1, 4_294_967, places: 3))], default: "10", since: "2.0.0"),
            R.value(
                "min_tx", "Desired minimum transmit interval, in milliseconds.",
                [R.req("milliseconds", R.seconds(1, 4_294_967, places: 3))], default: "10", since: "2.0.0"),
            R.value(
                "idle_tx", "Transmit interval while the session is down, in milliseconds.",
                [R.req("milliseconds", R.seconds(1000, 4_294_967, places: 3))], default: "1000", since: "2.0.0"),
            R.value(
                "multiplier", "Missed packets before the session goes down.", [R.req("count", .unsigned(1...255))],
                default: "5", since: "2.0.0"),
            R.flag("passive", "Wait for the peer to start the session.", since: "2.0.0"),
            R.value("ttl", "TTL / hop limit of sent packets.", [R.req("ttl", .unsigned(1...255))], default: "255", since: "2.0.0"),
            R.value("hoplimit", "IPv6 name of ttl.", [R.req("ttl", .unsigned(1...255))], default: "255", since: "2.0.0"),
            R.value(
                "max_hops", "Hops a received packet may have crossed (-1: do not check).",
                [R.req("hops", .integer(-1...255))], default: "0", since: "2.0.0"),
            R.value(
                "weight", "Priority change for tracking VRRP instances (0: FAULT on down). `reverse` inverts.",
                [R.req("weight", .integer(-253...253)), R.opt("reverse", .enumeration(["reverse"]))], default: "0",
                since: "2.0.0"),
            R.flag("vrrp", "Send session events to the VRRP process only.", since: "2.0.0"),
            R.flag("checker", "Send session events to the checker process only.", since: "2.0.0"),
            R.toggle("multihop", "Multi-hop session (RFC 5883, port 4784).", since: "2.2.8", knownIn227: false),
        ])
}
