#!/bin/sh
# Captures real VRRP advertisements sent by the installed keepalived (2.2.7) inside two
# private network namespaces joined by a veth pair, and prints every captured IP packet as hex
# (IP header included), one per line. The hex is pasted into Tests/KAVRRPTests/CaptureVectors.swift.
# Uses only documentation addresses. Must run as root. Everything it creates is removed on exit.
set -eu
NS_A=kavrrpA
NS_B=kavrrpB
WORK=$(mktemp -d /tmp/kavrrp-capture.XXXXXX)

cleanup() {
    [ -f "$WORK/ka.pid" ] && kill "$(cat "$WORK/ka.pid")" 2>/dev/null || true
    ip netns del "$NS_A" 2>/dev/null || true
    ip netns del "$NS_B" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

ip netns add "$NS_A"
ip netns add "$NS_B"
ip link add kavA type veth peer name kavB
ip link set kavA netns "$NS_A"
ip link set kavB netns "$NS_B"
for ns in "$NS_A" "$NS_B"; do
    dev=kavA; [ "$ns" = "$NS_B" ] && dev=kavB
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.default.accept_dad=0
    ip netns exec "$ns" ip link set "$dev" name eth0
    ip netns exec "$ns" ip link set lo up
done
ip netns exec "$NS_A" ip link set eth0 address 02:00:00:00:00:0a
ip netns exec "$NS_B" ip link set eth0 address 02:00:00:00:00:0b
ip netns exec "$NS_A" ip addr add 192.0.2.1/24 dev eth0
ip netns exec "$NS_B" ip addr add 192.0.2.2/24 dev eth0
ip netns exec "$NS_A" ip addr add 2001:db8::1/64 dev eth0 nodad
ip netns exec "$NS_B" ip addr add 2001:db8::2/64 dev eth0 nodad
ip netns exec "$NS_A" ip link set eth0 up
ip netns exec "$NS_B" ip link set eth0 up
sleep 1

cat > "$WORK/keepalived.conf" <<'CONF'
global_defs {
    router_id kavrrp_capture
    vrrp_garp_master_delay 0
}
vrrp_instance V2_PASS {
    interface eth0
    state MASTER
    virtual_router_id 51
    priority 150
    advert_int 1
    version 2
    authentication {
        auth_type PASS
        auth_pass secret12
    }
    virtual_ipaddress {
        192.0.2.100/24
        192.0.2.101/24
    }
}
vrrp_instance V2_NOAUTH {
    interface eth0
    state MASTER
    virtual_router_id 52
    priority 100
    advert_int 1
    version 2
    virtual_ipaddress {
        192.0.2.110/24
    }
}
vrrp_instance V3_IPV4 {
    interface eth0
    state MASTER
    virtual_router_id 53
    priority 200
    advert_int 0.5
    version 3
    virtual_ipaddress {
        192.0.2.120/24
        192.0.2.121/24
        192.0.2.122/24
    }
}
vrrp_instance V3_IPV6 {
    interface eth0
    state MASTER
    virtual_router_id 54
    priority 120
    advert_int 1
    version 3
    virtual_ipaddress {
        fe80::54/64
        2001:db8::54/64
    }
}
vrrp_instance V3_UNICAST {
    interface eth0
    state MASTER
    virtual_router_id 55
    priority 180
    advert_int 1
    version 3
    unicast_src_ip 192.0.2.1
    unicast_peer {
        192.0.2.2
    }
    virtual_ipaddress {
        192.0.2.130/24
    }
}
CONF

ip netns exec "$NS_A" tcpdump -i eth0 -U -n -w "$WORK/vrrp.pcap" 'ip proto 112 or ip6 proto 112' 2>/dev/null &
TCPDUMP=$!
sleep 1
ip netns exec "$NS_A" keepalived -n -l -D -P -f "$WORK/keepalived.conf" \
    -p "$WORK/ka.pid" -r "$WORK/vrrp.pid" >"$WORK/ka.log" 2>&1 &
sleep 5
# SIGTERM: keepalived sends a priority-0 advert for each MASTER instance before leaving.
kill "$(cat "$WORK/ka.pid")"
sleep 2
kill "$TCPDUMP"
wait "$TCPDUMP" 2>/dev/null || true

# One line per packet: "<ip version> <hex of the whole IP packet>"
tcpdump -r "$WORK/vrrp.pcap" -n -x 2>/dev/null | awk '
    /^[0-9]/ { if (hex != "") print hex; hex = ""; next }
    { for (i = 2; i <= NF; i++) hex = hex $i }
    END { if (hex != "") print hex }'
