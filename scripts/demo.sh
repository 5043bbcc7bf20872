#!/usr/bin/env bash
# The main job on the bundled samples, as a new user wants to see it:
#  1. karun runs the two nodes of samples/gateway in a lab of network namespaces (documentation
#     addresses only): election, who holds the VIP, the master killed, the takeover with its
#     measured time and the client's ARP entry moving to the new MAC, the old master restarted
#     and preempting back. Every namespace is removed at the end, also when interrupted.
#  2. kalint lints every sample node set as a fleet, kafmt checks the samples are formatted.
# Run as root. Exits non-zero if a step fails or a sample set has a warning or an error.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
for product in karun kalint kafmt; do swift build -c release --product "$product"; done
bin="$(swift build -c release --show-bin-path)"

if [ "$(id -u)" -ne 0 ]; then
    echo "demo: the lab needs root (network namespaces); run as root" >&2
    exit 1
fi

lab=kdemo$$
dir="$(mktemp -d /tmp/karun-demo.XXXXXX)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
    for ns in n1 n2 client lan wan; do ip netns del "$lab-$ns" 2>/dev/null || true; done
    rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
now_ms() { date +%s%3N; }
vip_holder() {
    for node in n1 n2; do
        if ip -n "$lab-$node" -4 addr show dev eth0 | grep -q "inet 192.0.2.1/"; then printf '%s ' "$node"; fi
    done
}
state() { "$bin/karun" status --socket "$dir/$1.sock" 2>/dev/null | grep -m1 '"state"' | tr -d ' ",' | cut -d: -f2; }
wait_for() { # seconds, then a command that must succeed
    local limit=$1; shift
    local end=$(( $(now_ms) + limit * 1000 ))
    until "$@"; do
        if [ "$(now_ms)" -gt "$end" ]; then return 1; fi
        sleep 0.02
    done
}
start_node() {
    ip netns exec "$lab-$1" "$bin/karun" run --status-socket "$dir/$1.sock" "samples/gateway/$2.conf" \
        >>"$dir/$1.log" 2>&1 &
    pids+=($!)
    eval "pid_$1=$!"
    disown  # killed on purpose below: no "Killed" job report from bash

}

say "Building the lab: switches lan (192.0.2.0/24) and wan (198.51.100.0/24), routers n1 and n2, a client"
for ns in lan wan n1 n2 client; do ip netns add "$lab-$ns"; ip -n "$lab-$ns" link set lo up; done
for sw in lan wan; do
    ip -n "$lab-$sw" link add br0 type bridge mcast_snooping 0
    ip -n "$lab-$sw" link set br0 up
done
port=0
attach() { # namespace interface switch address
    port=$((port + 1))
    ip -n "$lab-$1" link add "$2" type veth peer name "p$port" netns "$lab-$3"
    ip -n "$lab-$3" link set "p$port" master br0 up
    ip -n "$lab-$1" addr add "$4" dev "$2"
    ip -n "$lab-$1" link set "$2" up
}
attach n1 eth0 lan 192.0.2.11/24
attach n1 eth1 wan 198.51.100.11/24
attach n2 eth0 lan 192.0.2.12/24
attach n2 eth1 wan 198.51.100.12/24
attach client eth0 lan 192.0.2.100/24
mac_n1=$(ip -n "$lab-n1" -br link show eth0 | awk '{print $3}')
mac_n2=$(ip -n "$lab-n2" -br link show eth0 | awk '{print $3}')
echo "n1 eth0 $mac_n1, n2 eth0 $mac_n2"

say "Checking and starting karun on both nodes (samples/gateway/node1.conf: priority 110, node2.conf: 100)"
"$bin/karun" run --check samples/gateway/node1.conf
start_node n1 node1
start_node n2 node2
wait_for 10 sh -c "[ \"\$($(declare -f state); bin='$bin' dir='$dir' state n1)\" = MASTER ]" || true
wait_for 10 test -n "$(vip_holder)" || true
sleep 1
echo "n1: $(state n1)   n2: $(state n2)   192.0.2.1 held by: $(vip_holder)"
grep -h "Entering" "$dir"/n*.log | sed 's/^/  /'

say "The client pings the gateway VIP 192.0.2.1"
ip netns exec "$lab-client" ping -c 1 -W 1 192.0.2.1 >/dev/null && echo "reply from 192.0.2.1"
ip -n "$lab-client" neigh show 192.0.2.1 | sed 's/^/  client ARP: /'

say "Killing the master (SIGKILL, and its LAN link down, as a node that dies)"
start_ms=$(now_ms)
kill -9 "$pid_n1"
ip -n "$lab-n1" link set eth0 down
wait_for 10 sh -c "ip -n '$lab-n2' -4 addr show dev eth0 | grep -q 'inet 192.0.2.1/'"
took=$(( $(now_ms) - start_ms ))
echo "n2 holds 192.0.2.1 after ${took} ms (Master_Down_Interval at advert_int 1, priority 100: 3609 ms)"
sleep 0.2
ip -n "$lab-client" neigh show 192.0.2.1 | sed 's/^/  client ARP: /'
if ip -n "$lab-client" neigh show 192.0.2.1 | grep -q "$mac_n2"; then
    echo "the client's ARP entry moved to n2 ($mac_n2) by gratuitous ARP"
fi
ip netns exec "$lab-client" ping -c 1 -W 1 192.0.2.1 >/dev/null && echo "the VIP answers again"

say "Restarting the old master: it clears the VIP its killed run left, then preempts back (110 > 100)"
ip -n "$lab-n1" link set eth0 up
start_node n1 node1
wait_for 10 sh -c "[ \"\$($(declare -f state); bin='$bin' dir='$dir' state n1)\" = MASTER ]" || true
sleep 0.5
echo "n1: $(state n1)   n2: $(state n2)   192.0.2.1 held by: $(vip_holder)"
ip -n "$lab-client" neigh show 192.0.2.1 | sed 's/^/  client ARP: /'

say "Stopping both (SIGTERM: priority-0 advert, VIPs removed)"
kill -TERM "$pid_n1" "$pid_n2"
wait_for 5 sh -c "! kill -0 $pid_n1 2>/dev/null && ! kill -0 $pid_n2 2>/dev/null" || true
echo "192.0.2.1 held by: $(vip_holder)(nobody)"

status=0
say "kalint on every sample node set (one fleet per set), kafmt --check on the samples"
for set in samples/*/; do
    if "$bin/kalint" --fail-on warning "$set"node*.conf >"$dir/kalint.out" 2>&1; then
        echo "  ${set}: $(tail -n 1 "$dir/kalint.out")"
    else
        cat "$dir/kalint.out"
        status=1
    fi
done
"$bin/kafmt" --check samples/*/*.conf && echo "  all samples are formatted" || status=1
exit $status
