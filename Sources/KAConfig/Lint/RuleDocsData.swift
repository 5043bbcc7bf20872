// Generated from docs/rules/*.md by `scripts/regen-rule-docs.sh`. Do not edit.
enum RuleDocsData {
    static let pages: [String: String] = [
        "advert-int-mismatch": #"""
# advert-int-mismatch (KA305)

Severity: error (warning for VRRPv3)

The nodes of one cluster use different `advert_int` values.

- VRRPv2: keepalived 2.2.7 drops every advert whose interval differs from its own
  ("advertisement interval mismatch mine=1 sec rcv'd=2 sec"), so the backups never hear the master
  and become MASTER too.
- VRRPv3: a backup adopts the interval the master advertises (RFC 5798), so failover works, but how
  quickly a dead master is noticed depends on which node is master. kalint reports it as a warning.

Fix: use the same `advert_int` on every node.

## Triggers

### VRRPv2 with 1 s and 2 s

```keepalived node1
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 150
    advert_int 1
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 100
    advert_int 2
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### The default (1 s) against an explicit value

```keepalived node1
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 100
    advert_int 3
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### Same interval, written differently

```keepalived node1
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 150
    advert_int 1
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 100
    advert_int 1.0
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Different versions: version-mismatch speaks instead

```keepalived node1
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 150
    advert_int 1
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    interface eth0
    version 3
    virtual_router_id 51
    priority 100
    advert_int 0.5
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```
"""#,
        "auth-mismatch": #"""
# auth-mismatch (KA303)

Severity: error

The nodes of one VRRPv2 cluster disagree on authentication: the type (`PASS` or `AH`), the
password keepalived really sends, or whether there is any authentication at all. keepalived 2.2.7
puts only the first 8 bytes of `auth_pass` in the packet, so two passwords that differ after the
8th character are the same password, and two that differ in the first 8 are not, however alike
they look. A node drops every advert that fails its check ("received an invalid passwd!",
"received a 1 auth, expecting 0!", "No AH header but auth type is AH"), so both nodes become MASTER.

Where keepalived ignores authentication, kalint does too: VRRPv3 instances (and so every IPv6
instance), strict mode, an empty password, and AH over IPv6 all count as "no authentication".

Fix: use the same `auth_type` and the same first 8 characters of `auth_pass` on every node (or no
`authentication` block on any).

## Triggers

### Different passwords

```keepalived node1
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    authentication {
        auth_type PASS
        auth_pass s3cret51
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
    authentication {
        auth_type PASS
        auth_pass s3cret52
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Authentication on one node only

```keepalived node1
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 150
    authentication {
        auth_type PASS
        auth_pass s3cret51
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### PASS on one node, AH on the other

```keepalived node1
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 150
    authentication {
        auth_type PASS
        auth_pass s3cret51
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 100
    authentication {
        auth_type AH
        auth_pass s3cret51
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### Passwords that differ only after the 8th character

keepalived sends `LongPass` on both nodes (auth-pass-length reports the truncation itself).

```keepalived node1
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 150
    authentication {
        auth_type PASS
        auth_pass LongPassword1
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 100
    authentication {
        auth_type PASS
        auth_pass LongPassword2
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### VRRPv3: keepalived ignores authentication

```keepalived node1
global_defs {
    vrrp_version 3
}
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 150
    authentication {
        auth_type PASS
        auth_pass s3cret51
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
global_defs {
    vrrp_version 3
}
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```
"""#,
        "failover-impossible": #"""
# failover-impossible (KA308)

Severity: error

The node that is master (the highest priority of the cluster) tracks checks with weights, but even
when every weighted check fails its priority does not drop below the best backup's: keepalived
2.2.7 keeps it MASTER and the VIP never moves. The classic: priority 120 and a script with
`weight -20` against a backup at 100 gives 100 against 100, a tie that the higher IP address wins,
whatever the check says.

kalint adds up the negative weights of the master's `track_script`, `track_interface`,
`track_file` and `track_process` entries (a `reverse` weight counts the other way), and the
positive weights a backup can gain. A check without weight puts the instance in FAULT instead,
which does move the VIP, so it does not count; neither do weights at priority 255 (keepalived
ignores them for an address owner).

A tracked script defined further down the file is not tracked at all (keepalived looks it up while
parsing: "track script chk not found, ignoring"; undefined-reference reports it). kalint counts its
weight as intended here and says in the message that, as written, the check is not tracked.

Fix: make the weights add up to more than the difference between the priorities (or lower the
master's priority), and define scripts above the instances that track them.

## Triggers

### 120 with weight -20 against 100

```keepalived node1
vrrp_script chk_gateway {
    script "/usr/bin/ping -c1 -W1 192.0.2.254"
    interval 2
    weight -20
}
vrrp_instance GW {
    state MASTER
    interface eth0
    virtual_router_id 10
    priority 120
    track_script {
        chk_gateway
    }
    virtual_ipaddress {
        192.0.2.1/24
    }
}
```

```keepalived node2
vrrp_script chk_gateway {
    script "/usr/bin/ping -c1 -W1 192.0.2.254"
    interval 2
    weight -20
}
vrrp_instance GW {
    state BACKUP
    interface eth0
    virtual_router_id 10
    priority 100
    track_script {
        chk_gateway
    }
    virtual_ipaddress {
        192.0.2.1/24
    }
}
```

### The script is defined after the instance (not tracked as written)

```keepalived node1
vrrp_instance GW {
    state MASTER
    interface eth0
    virtual_router_id 10
    priority 150
    track_script {
        chk_gateway
    }
    virtual_ipaddress {
        192.0.2.1/24
    }
}
vrrp_script chk_gateway {
    script "/usr/bin/ping -c1 -W1 192.0.2.254"
    weight -10
}
```

```keepalived node2
vrrp_instance GW {
    state BACKUP
    interface eth0
    virtual_router_id 10
    priority 100
    virtual_ipaddress {
        192.0.2.1/24
    }
}
```

### Interface weights too small on both sides

The master falls to 100 when eth1 fails; the backup reaches at most 85 + 10 = 95.

```keepalived node1
vrrp_instance GW {
    interface eth0
    virtual_router_id 10
    priority 110
    track_interface {
        eth1 weight -10
    }
    virtual_ipaddress {
        192.0.2.1/24
    }
}
```

```keepalived node2
vrrp_instance GW {
    interface eth0
    virtual_router_id 10
    priority 85
    track_interface {
        eth1 weight 10
    }
    virtual_ipaddress {
        192.0.2.1/24
    }
}
```

## Does not trigger

### The weight is large enough

```keepalived node1
vrrp_script chk_gateway {
    script "/usr/bin/ping -c1 -W1 192.0.2.254"
    weight -30
}
vrrp_instance GW {
    interface eth0
    virtual_router_id 10
    priority 120
    track_script {
        chk_gateway
    }
    virtual_ipaddress {
        192.0.2.1/24
    }
}
```

```keepalived node2
vrrp_instance GW {
    interface eth0
    virtual_router_id 10
    priority 100
    virtual_ipaddress {
        192.0.2.1/24
    }
}
```

### A check without weight: failing means FAULT, and the VIP moves

```keepalived node1
vrrp_script chk_gateway {
    script "/usr/bin/ping -c1 -W1 192.0.2.254"
}
vrrp_instance GW {
    interface eth0
    virtual_router_id 10
    priority 120
    track_script {
        chk_gateway
    }
    virtual_ipaddress {
        192.0.2.1/24
    }
}
```

```keepalived node2
vrrp_instance GW {
    interface eth0
    virtual_router_id 10
    priority 100
    virtual_ipaddress {
        192.0.2.1/24
    }
}
```
"""#,
        "multiple-masters": #"""
# multiple-masters (KA309)

Severity: warning

More than one node of a cluster starts in state MASTER (written as `state MASTER`, or implied by
`priority 255`). keepalived 2.2.7 brings each of them up as MASTER: each adds the virtual
addresses and sends gratuitous ARPs / unsolicited NAs until it hears the other's adverts and the
lower priority one (on a tie, the one with the lower IP address) backs off. Every restart of the
cluster flaps the addresses. The highest-priority node is taken as the intended master; the others
are reported.

Fix: `state MASTER` on the intended master only, `state BACKUP` on the others.

## Triggers

### Both nodes say MASTER

```keepalived node1
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Priority 255 makes a second master

```keepalived node1
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 255
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### One MASTER, one BACKUP

```keepalived node1
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### All BACKUP: the election decides

```keepalived node1
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```
"""#,
        "nopreempt-inconsistent": #"""
# nopreempt-inconsistent (KA310)

Severity: warning

Some nodes of a cluster set `nopreempt` and others do not. Preemption is decided by the node that
comes back: a node without `nopreempt` takes the VIP back as soon as its priority is higher than
the master's, so the `nopreempt` on the other nodes does not keep the VIP where it is. Usually the
intent was "never fail back", and it only half happens.

Instances whose `nopreempt` keepalived 2.2.7 clears anyway (state MASTER or priority 255; see
nopreempt-ignored) are left out of the comparison.

Fix: set `nopreempt` (with `state BACKUP`) on every node of the cluster, or on none.

## Triggers

### Only the backup sets nopreempt

```keepalived node1
vrrp_instance DB {
    state BACKUP
    interface eth0
    virtual_router_id 60
    priority 150
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

```keepalived node2
vrrp_instance DB {
    state BACKUP
    nopreempt
    interface eth0
    virtual_router_id 60
    priority 100
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

### Two of three nodes

```keepalived node1
vrrp_instance DB {
    nopreempt
    interface eth0
    virtual_router_id 60
    priority 150
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

```keepalived node2
vrrp_instance DB {
    nopreempt
    interface eth0
    virtual_router_id 60
    priority 120
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

```keepalived node3
vrrp_instance DB {
    interface eth0
    virtual_router_id 60
    priority 100
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

## Does not trigger

### nopreempt everywhere

```keepalived node1
vrrp_instance DB {
    state BACKUP
    nopreempt
    interface eth0
    virtual_router_id 60
    priority 150
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

```keepalived node2
vrrp_instance DB {
    state BACKUP
    nopreempt
    interface eth0
    virtual_router_id 60
    priority 100
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

### A nopreempt keepalived clears anyway (state MASTER)

nopreempt-ignored reports node1; there is no inconsistency in what keepalived runs.

```keepalived node1
vrrp_instance DB {
    state MASTER
    nopreempt
    interface eth0
    virtual_router_id 60
    priority 150
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

```keepalived node2
vrrp_instance DB {
    state BACKUP
    interface eth0
    virtual_router_id 60
    priority 100
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```
"""#,
        "priority-collision": #"""
# priority-collision (KA307)

Severity: warning

Two nodes of one cluster have the same effective priority (as written; without `priority`,
keepalived 2.2.7 uses 255 for `state MASTER` and 100 otherwise). When both want to be MASTER,
keepalived (as RFC 3768/5798 say) gives the tie to the node whose advert comes from the higher
primary IP address. Nobody configured that: which node wins depends on interface addresses, and
changes when they are renumbered.

Clusters where every tied node sets `nopreempt` (and keepalived keeps it: state BACKUP, priority
below 255) are not reported: "equal priorities, the first node up keeps the VIP" is a deliberate
design.

Fix: give each node its own priority, the intended master the highest.

## Triggers

### Both nodes at 100

```keepalived node1
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### The default priority against an explicit 100

```keepalived node1
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### Distinct priorities

```keepalived node1
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Equal priorities with nopreempt everywhere

```keepalived node1
vrrp_instance VI_1 {
    state BACKUP
    nopreempt
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    state BACKUP
    nopreempt
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```
"""#,
        "router-id-duplicate": #"""
# router-id-duplicate (KA313)

Severity: warning

Two nodes set the same `router_id` in `global_defs`. keepalived 2.2.7 names the node by it in
notification e-mails (the subject line), SNMP and its logs, so alerts from the two nodes look as if
they came from one machine. It usually means a file was copied from the other node and not
finished. Nodes without `router_id` (keepalived then uses the host name) are not compared.

Fix: give every node its own `router_id`.

## Triggers

### A copied global_defs

```keepalived node1
global_defs {
    router_id lb1
}
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
global_defs {
    router_id lb1
}
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Nodes of different clusters

```keepalived node1
global_defs {
    router_id edge
}
vrrp_instance WEB {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
global_defs {
    router_id edge
}
vrrp_instance DB {
    interface eth0
    virtual_router_id 52
    priority 100
    virtual_ipaddress {
        198.51.100.20/24
    }
}
```

## Does not trigger

### Distinct router_id values

```keepalived node1
global_defs {
    router_id lb1
}
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
global_defs {
    router_id lb2
}
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### No router_id (the host names differ)

```keepalived node1
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```
"""#,
        "sync-group-mismatch": #"""
# sync-group-mismatch (KA311)

Severity: warning

Instances that form clusters are grouped into `vrrp_sync_group`s differently on different nodes.
A sync group makes its instances change state together (one goes to BACKUP or FAULT, all do). If
node 1 syncs VI_LAN with VI_WAN and node 2 does not, a failure on one side moves only part of the
addresses on node 2, and the LAN gateway and the WAN address can end up on different nodes: exactly
what the sync group was meant to prevent. kalint compares, for every instance, which other
clustered instances share its sync group on each node (group names may differ).

Fix: define the same sync groups, with the same members, on every node.

## Triggers

### Grouped on one node only

```keepalived node1
vrrp_sync_group GW {
    group {
        VI_LAN
        VI_WAN
    }
}
vrrp_instance VI_LAN {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.1/24
    }
}
vrrp_instance VI_WAN {
    interface eth1
    virtual_router_id 52
    priority 150
    virtual_ipaddress {
        198.51.100.1/24
    }
}
```

```keepalived node2
vrrp_instance VI_LAN {
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.1/24
    }
}
vrrp_instance VI_WAN {
    interface eth1
    virtual_router_id 52
    priority 100
    virtual_ipaddress {
        198.51.100.1/24
    }
}
```

### Different partners

```keepalived node1
vrrp_sync_group G1 {
    group {
        VI_A
        VI_B
    }
}
vrrp_instance VI_A {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.1/24
    }
}
vrrp_instance VI_B {
    interface eth1
    virtual_router_id 52
    priority 150
    virtual_ipaddress {
        198.51.100.1/24
    }
}
vrrp_instance VI_C {
    interface eth2
    virtual_router_id 53
    priority 150
    virtual_ipaddress {
        203.0.113.1/24
    }
}
```

```keepalived node2
vrrp_sync_group G1 {
    group {
        VI_A
        VI_C
    }
}
vrrp_instance VI_A {
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.1/24
    }
}
vrrp_instance VI_B {
    interface eth1
    virtual_router_id 52
    priority 100
    virtual_ipaddress {
        198.51.100.1/24
    }
}
vrrp_instance VI_C {
    interface eth2
    virtual_router_id 53
    priority 100
    virtual_ipaddress {
        203.0.113.1/24
    }
}
```

## Does not trigger

### Same grouping under different group names

```keepalived node1
vrrp_sync_group GW_NODE1 {
    group {
        VI_LAN
        VI_WAN
    }
}
vrrp_instance VI_LAN {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.1/24
    }
}
vrrp_instance VI_WAN {
    interface eth1
    virtual_router_id 52
    priority 150
    virtual_ipaddress {
        198.51.100.1/24
    }
}
```

```keepalived node2
vrrp_sync_group GW_NODE2 {
    group {
        VI_WAN
        VI_LAN
    }
}
vrrp_instance VI_LAN {
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.1/24
    }
}
vrrp_instance VI_WAN {
    interface eth1
    virtual_router_id 52
    priority 100
    virtual_ipaddress {
        198.51.100.1/24
    }
}
```

### No sync groups anywhere

```keepalived node1
vrrp_instance VI_LAN {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.1/24
    }
}
```

```keepalived node2
vrrp_instance VI_LAN {
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.1/24
    }
}
```
"""#,
        "unicast-asymmetry": #"""
# unicast-asymmetry (KA306)

Severity: error

A unicast instance (one with a `unicast_peer` list) sends its adverts only to the addresses it
lists; keepalived 2.2.7 does not check that the list is complete. kalint reports, per cluster:

- **A missing peer.** Node A's `unicast_peer` does not list node B's address (B's
  `unicast_src_ip` or `mcast_src_ip`, or, when B sets neither, the one address the other nodes list
  for it). B never hears A, so while A is MASTER, B becomes MASTER too. The fix-it adds B's address
  to A's `unicast_peer` block (safe: it only makes A talk to a node of its own cluster).
- **A node listing itself.** Its own address in its `unicast_peer` list: it sends an advert to itself
  that no peer receives; usually another node's address was meant.
- **Unicast mixed with multicast.** Some nodes of the cluster use `unicast_peer`, others do not: the
  multicast adverts never reach the unicast nodes, which become MASTER alongside.

Fix: every node lists every other node of the cluster, and only them.

## Triggers

### A three-node cluster where one list lacks a node

```keepalived node1
vrrp_instance DB {
    interface eth0
    virtual_router_id 60
    priority 150
    unicast_src_ip 192.0.2.11
    unicast_peer {
        192.0.2.12
    }
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

```keepalived node2
vrrp_instance DB {
    interface eth0
    virtual_router_id 60
    priority 120
    unicast_src_ip 192.0.2.12
    unicast_peer {
        192.0.2.11
        192.0.2.13
    }
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

```keepalived node3
vrrp_instance DB {
    interface eth0
    virtual_router_id 60
    priority 100
    unicast_src_ip 192.0.2.13
    unicast_peer {
        192.0.2.11
        192.0.2.12
    }
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

### A copied file still lists its own address

```keepalived node1
vrrp_instance DB {
    interface eth0
    virtual_router_id 60
    priority 150
    unicast_src_ip 192.0.2.11
    unicast_peer {
        192.0.2.12
    }
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

```keepalived node2
vrrp_instance DB {
    interface eth0
    virtual_router_id 60
    priority 100
    unicast_src_ip 192.0.2.12
    unicast_peer {
        192.0.2.12
    }
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

### One node forgot unicast

```keepalived node1
vrrp_instance DB {
    interface eth0
    virtual_router_id 60
    priority 150
    unicast_src_ip 192.0.2.11
    unicast_peer {
        192.0.2.12
    }
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

```keepalived node2
vrrp_instance DB {
    interface eth0
    virtual_router_id 60
    priority 100
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

## Does not trigger

### A symmetric pair

```keepalived node1
vrrp_instance DB {
    interface eth0
    virtual_router_id 60
    priority 150
    unicast_src_ip 192.0.2.11
    unicast_peer {
        192.0.2.12
    }
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

```keepalived node2
vrrp_instance DB {
    interface eth0
    virtual_router_id 60
    priority 100
    unicast_src_ip 192.0.2.12
    unicast_peer {
        192.0.2.11
    }
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

### No unicast_src_ip: the interface address is used and cannot be checked

```keepalived node1
vrrp_instance DB {
    interface eth0
    virtual_router_id 60
    priority 150
    unicast_peer {
        192.0.2.12
    }
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

```keepalived node2
vrrp_instance DB {
    interface eth0
    virtual_router_id 60
    priority 100
    unicast_peer {
        192.0.2.11
    }
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

### Multicast on every node

```keepalived node1
vrrp_instance DB {
    interface eth0
    virtual_router_id 60
    priority 150
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```

```keepalived node2
vrrp_instance DB {
    interface eth0
    virtual_router_id 60
    priority 100
    virtual_ipaddress {
        192.0.2.60/24
    }
}
```
"""#,
        "version-mismatch": #"""
# version-mismatch (KA304)

Severity: error

The nodes of one cluster speak different VRRP versions. The version comes from the instance's
`version`, else from `vrrp_version` in `global_defs`, else it is 2; IPv6 instances always use 3.
keepalived 2.2.7 drops every advert of another version ("wrong version. Received 3 and expect 2"),
so the nodes never hear each other and both become MASTER. Auth and advert-interval differences
in such a cluster are consequences, so auth-mismatch and advert-int-mismatch stay quiet there.

Fix: use the same version on every node, preferably with `vrrp_version` in `global_defs`.

## Triggers

### One node upgraded to VRRPv3

```keepalived node1
global_defs {
    vrrp_version 3
}
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### An instance-level version on one node

```keepalived node1
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        198.51.100.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    interface eth0
    version 3
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        198.51.100.10/24
    }
}
```

## Does not trigger

### Same version set in different places

```keepalived node1
global_defs {
    vrrp_version 3
}
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    interface eth0
    version 3
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### IPv6 is always version 3

```keepalived node1
global_defs {
    vrrp_version 3
}
vrrp_instance V6 {
    interface eth0
    virtual_router_id 70
    priority 150
    virtual_ipaddress {
        2001:db8::70/64
    }
}
```

```keepalived node2
vrrp_instance V6 {
    interface eth0
    virtual_router_id 70
    priority 100
    virtual_ipaddress {
        2001:db8::70/64
    }
}
```
"""#,
        "vip-set-mismatch": #"""
# vip-set-mismatch (KA302)

Severity: error

The instances of one cluster configure different `virtual_ipaddress` sets. Every VRRP advert
carries the sender's list of addresses, and keepalived 2.2.7 drops an advert whose list does not
match its own ("received an unexpected ip number count", "ip address associated with VRID not
present in MASTER advert"). The nodes never accept each other as master, so each becomes MASTER and
adds its addresses. The message lists, per node, the addresses it lacks and the ones it adds
compared with the other nodes; notes point at the other node's lines. Only the addresses count
(the prefix length and options such as `dev` are not in the advert); `virtual_ipaddress_excluded`
is not sent and not compared.

Fix: configure the same virtual addresses on every node; put node-specific or extra addresses in
`virtual_ipaddress_excluded`.

## Triggers

### An address missing on the backup

```keepalived node1
vrrp_instance GW {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.1/24
        198.51.100.1/24 dev eth1
    }
}
```

```keepalived node2
vrrp_instance GW {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.1/24
    }
}
```

### A typo in one address

```keepalived node1
vrrp_instance WEB {
    interface eth0
    virtual_router_id 60
    priority 150
    virtual_ipaddress {
        203.0.113.10/24
        203.0.113.11/24
    }
}
```

```keepalived node2
vrrp_instance WEB {
    interface eth0
    virtual_router_id 60
    priority 100
    virtual_ipaddress {
        203.0.113.10/24
        203.0.113.111/24
    }
}
```

## Does not trigger

### Same addresses, written in another order and with other options

```keepalived node1
vrrp_instance GW {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.1/24
        198.51.100.1/24 dev eth1
    }
}
```

```keepalived node2
vrrp_instance GW {
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        198.51.100.1/24 dev eth1 label eth1:vip
        192.0.2.1/24
    }
}
```

### Extra addresses kept out of the advert

```keepalived node1
vrrp_instance GW {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.1/24
    }
    virtual_ipaddress_excluded {
        192.0.2.200/24
    }
}
```

```keepalived node2
vrrp_instance GW {
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.1/24
    }
}
```
"""#,
        "vrid-collision": #"""
# vrid-collision (KA312)

Severity: error

Two different VRRP routers (two clusters, or a cluster and a node on its own) use the same VRID on
the same segment. kalint takes two multicast instances to share a segment when they use the same
interface name, the same multicast group (`vrrp_mcast_group4`/`vrrp_mcast_group6`, default
224.0.0.18 / ff02::12) and virtual addresses in the same subnet (same network and prefix length).
Each router then receives the other's adverts for "its" VRID: keepalived 2.2.7 drops them as
invalid (different address list or password, logged on every advert) or, when they happen to
match, takes the other router's node for a peer and stays BACKUP behind it. With `use_vmac` the
virtual MAC (00:00:5e:00:01:VRID) is shared too.

Unicast instances send adverts only to their peers and are not compared; two instances on one
node are duplicate-vrid's business, so routers that share a node are skipped here.

Fix: give each VRRP router on a segment its own `virtual_router_id`.

## Triggers

### Two pairs on one LAN with the same VRID

```keepalived node1
vrrp_instance WEB {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance WEB {
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node3
vrrp_instance DB {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.20/24
    }
}
```

```keepalived node4
vrrp_instance DB {
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.20/24
    }
}
```

### A standalone node reusing the pair's VRID (IPv6)

```keepalived node1
vrrp_instance V6_WEB {
    interface eth0
    virtual_router_id 70
    priority 150
    virtual_ipaddress {
        2001:db8:0:10::1/64
    }
}
```

```keepalived node2
vrrp_instance V6_WEB {
    interface eth0
    virtual_router_id 70
    priority 100
    virtual_ipaddress {
        2001:db8:0:10::1/64
    }
}
```

```keepalived node3
vrrp_instance V6_TEST {
    interface eth0
    virtual_router_id 70
    priority 100
    virtual_ipaddress {
        2001:db8:0:10::99/64
    }
}
```

## Does not trigger

### Same VRID in different subnets

```keepalived node1
vrrp_instance WEB {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance DB {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        198.51.100.20/24
    }
}
```

### Same VRID, another multicast group

```keepalived node1
vrrp_instance WEB {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
global_defs {
    vrrp_mcast_group4 224.0.0.19
}
vrrp_instance DB {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.20/24
    }
}
```

### Unicast routers

```keepalived node1
vrrp_instance WEB {
    interface eth0
    virtual_router_id 51
    priority 150
    unicast_src_ip 192.0.2.11
    unicast_peer {
        192.0.2.12
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance DB {
    interface eth0
    virtual_router_id 51
    priority 150
    unicast_src_ip 192.0.2.13
    unicast_peer {
        192.0.2.14
    }
    virtual_ipaddress {
        192.0.2.20/24
    }
}
```
"""#,
        "vrid-mismatch": #"""
# vrid-mismatch (KA301)

Severity: error

The instances of one cluster (kalint matches them across nodes by their virtual addresses, or
failing that by name and VRID) use different `virtual_router_id` values. keepalived 2.2.7 treats
adverts with another VRID as belonging to a different virtual router, so the nodes never hear each
other: every node becomes MASTER and adds the virtual addresses at the same time (split brain,
duplicate addresses on the LAN).

Fix: use the same `virtual_router_id` on every node of the cluster.

## Triggers

### The backup has a different VRID

```keepalived node1
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 52
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Three nodes, one of them copied from another cluster

```keepalived node1
vrrp_instance WEB {
    interface eth0
    virtual_router_id 60
    priority 150
    virtual_ipaddress {
        198.51.100.60/24
        198.51.100.61/24
    }
}
```

```keepalived node2
vrrp_instance WEB {
    interface eth0
    virtual_router_id 60
    priority 120
    virtual_ipaddress {
        198.51.100.60/24
        198.51.100.61/24
    }
}
```

```keepalived node3
vrrp_instance WEB {
    interface eth0
    virtual_router_id 61
    priority 100
    virtual_ipaddress {
        198.51.100.60/24
        198.51.100.61/24
    }
}
```

## Does not trigger

### Same VRID on both nodes

```keepalived node1
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Different VRIDs for different clusters

Instances with no common address and different names are different routers; their VRIDs may differ.

```keepalived node1
vrrp_instance WEB {
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

```keepalived node2
vrrp_instance DB {
    interface eth1
    virtual_router_id 52
    priority 100
    virtual_ipaddress {
        203.0.113.20/24
    }
}
```
"""#,
    ]
}
