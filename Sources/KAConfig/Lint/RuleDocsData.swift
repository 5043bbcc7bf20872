// Generated from docs/rules/*.md by `scripts/regen-rule-docs.sh`. Do not edit.
enum RuleDocsData {
    static let pages: [String: String] = [
        "address-family-mix": #"""
# address-family-mix (KA230)

Severity: error

A VRRP instance is either IPv4 or IPv6. keepalived 2.2.7 fixes the family with the first address
it reads in the instance, whatever the keyword: a `virtual_ipaddress` entry, `unicast_src_ip`,
`mcast_src_ip`, a `unicast_peer` entry or `mcast_dst_ip`. Every later address of the other family
is reported and skipped:

- a virtual address: "(NAME): address family must match VRRP instance [ADDR] - ignoring";
- a unicast peer: "VRRP instance[NAME] and unicast peer address[ADDR] MUST be of the same family
  !!! Skipping...";
- a source address: "... and src address[ADDR] MUST be of the same family !!! Skipping...".

So `192.0.2.10/24` and `2001:db8::10/64` in one `virtual_ipaddress` block give an IPv4 instance
that never configures the IPv6 address. If every virtual address is skipped, a version 3 (or
strict) instance has none left and keepalived exits ("No VIP specified; at least one is required").
`native_ipv6` in an instance that is already IPv4 is ignored too.

`version 2` in an IPv6 instance: when the line comes after the first IPv6 address, keepalived
ignores it ("vrrp_version 2 conflicts with configured or deduced version") and runs version 3.
When it comes before, keepalived 2.2.7 keeps version 2 and sends VRRPv2 adverts over IPv6, which
RFC 3768 does not define; only with `vrrp_strict` does it switch to version 3. A global
`vrrp_version 2` does not matter: IPv6 instances always default to version 3.

Fix: one instance per family (the two instances can share the VRID and be kept together with a
`vrrp_sync_group`); addresses of the other family that should follow the instance without being
advertised can go in `virtual_ipaddress_excluded`, which keepalived does not restrict to one family.

## Triggers

### IPv4 and IPv6 in one virtual_ipaddress

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
        2001:db8::10/64
    }
}
```

### An IPv6 source address with IPv4 peers

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    unicast_src_ip 2001:db8::1
    unicast_peer {
        192.0.2.2
    }
    virtual_ipaddress {
        2001:db8::10/64
    }
}
```

### version 2 before the first IPv6 address

```keepalived
vrrp_instance VI_6 {
    version 2
    interface eth0
    virtual_router_id 61
    virtual_ipaddress {
        2001:db8::10/64
    }
}
```

### version 2 after the first IPv6 address

```keepalived
vrrp_instance VI_6 {
    interface eth0
    virtual_router_id 61
    virtual_ipaddress {
        2001:db8::10/64
    }
    version 2
}
```

## Does not trigger

### One instance per family

```keepalived
vrrp_instance VI_4 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
vrrp_instance VI_6 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        2001:db8::10/64
    }
}
```

### The other family in virtual_ipaddress_excluded

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        198.51.100.10/24
    }
    virtual_ipaddress_excluded {
        2001:db8::10/64
    }
}
```

### Global vrrp_version 2 with an IPv6 instance

```keepalived
global_defs {
    vrrp_version 2
}
vrrp_instance VI_6 {
    interface eth0
    virtual_router_id 61
    unicast_src_ip 2001:db8::1
    unicast_peer {
        2001:db8::2
    }
    virtual_ipaddress {
        2001:db8::10/64
    }
}
```

"""#,
        "advert-int": #"""
# advert-int (KA224)

Severity: warning

`advert_int` is the interval between adverts, in seconds. keepalived 2.2.7 reads it with six
decimal places and accepts 0.01 to 255; anything else ("0", "300", "0.005", "1s") is reported
("Advert interval (...) not valid! Must be > 0 - ignoring") and the previous value, by default
1 second, is kept.

What the packet can carry depends on the VRRP version, and keepalived adjusts the value to it
when it completes the instance:

- VRRPv2 carries whole seconds (1-255). keepalived rounds to the nearest second, halves up, and
  never below 1 s: `0.4` and `0.5` become 1 s, `1.5` becomes 2 s, `2.4` becomes 2 s. Sub-second
  adverts need version 3.
- VRRPv3 carries hundredths of a second, up to 40.95 s. keepalived uses 40.95 s for anything
  from 40.96 to 255, and rounds to the nearest 0.01 s otherwise (`0.015` becomes 0.02 s).

The rounded value is what goes on the wire and what the peers compare with their own interval,
so a node with `advert_int 1.5` next to one with `advert_int 2` agrees, and one with `1.4` does not.

Fix: write the value keepalived uses: whole seconds with version 2, at most two decimals and at
most 40.95 with version 3.

## Triggers

### Sub-second interval with VRRPv2

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    advert_int 0.5
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Fractional seconds with VRRPv2

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    advert_int 1.5
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Above 40.95 s with VRRPv3

```keepalived
vrrp_instance VI_1 {
    version 3
    interface eth0
    virtual_router_id 51
    advert_int 60
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Thousandths with VRRPv3 (IPv6 is version 3)

```keepalived
vrrp_instance VI_6 {
    interface eth0
    virtual_router_id 61
    advert_int 0.015
    virtual_ipaddress {
        2001:db8::10/64
    }
}
```

### Zero: ignored, 1 s is used

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    advert_int 0
    virtual_ipaddress {
        198.51.100.10/24
    }
}
```

## Does not trigger

### Whole seconds with VRRPv2

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    advert_int 3
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Centiseconds with VRRPv3

```keepalived
global_defs {
    vrrp_version 3
}
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    advert_int 0.25
    virtual_ipaddress {
        192.0.2.10/24
    }
}
vrrp_instance VI_2 {
    interface eth0
    virtual_router_id 52
    advert_int 40.95
    virtual_ipaddress {
        192.0.2.20/24
    }
}
```

### The default (1 s)

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        203.0.113.10/24
    }
}
```

"""#,
        "auth-pass-length": #"""
# auth-pass-length (KA222)

Severity: warning

VRRPv2 simple-password authentication carries exactly 8 bytes of password. keepalived 2.2.7 copies
the first 8 characters of `auth_pass` into the packet and drops the rest, with one log line
("Truncating auth_pass to 8 characters") that is easy to miss: `auth_pass secret-password-1` and
`auth_pass secret-password-2` authenticate each other, because both are sent as `secret-p`. A reader of the file believes the longer password
protects the cluster; a peer that is not keepalived may compare more, or a copy trimmed by hand
may no longer match.

Fix: write the 8 characters keepalived uses (kalint offers them as a fix-it). Keep in mind that
simple-password authentication is sent in clear text and is no protection against anyone who can
see the traffic; VRRPv3 has no authentication at all (see auth-with-v3).

## Triggers

### Eleven characters

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    authentication {
        auth_type PASS
        auth_pass s3cretpass1
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A long AH password

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    authentication {
        auth_type AH
        auth_pass correct-horse-battery
    }
    virtual_ipaddress {
        198.51.100.10/24
    }
}
```

## Does not trigger

### Exactly eight characters

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    authentication {
        auth_type PASS
        auth_pass 8charpwd
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A short password

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    authentication {
        auth_type PASS
        auth_pass 1111
    }
    virtual_ipaddress {
        203.0.113.10/24
    }
}
```

"""#,
        "auth-with-v3": #"""
# auth-with-v3 (KA223)

Severity: warning

VRRP version 3 (RFC 5798) removed authentication from the protocol. When an instance runs
version 3 and has an `authentication` block, keepalived 2.2.7 reports
"VRRP version 3 does not support authentication. Ignoring." and sends and accepts adverts
without any password: the `auth_pass` gives no protection at all, and a version 2 peer that
still expects the password will reject these adverts.

An instance runs version 3 when it says `version 3`, when `global_defs` says `vrrp_version 3`, or
when it is IPv6 (its first address is IPv6, or `native_ipv6`): IPv6 instances default to version 3
whatever `vrrp_version` says. AH authentication with IPv6 is dropped as well
("Cannot use AH authentication with IPv6"). With `vrrp_strict`, keepalived drops authentication
for every version; that case is reported by vrrp-strict-conflict.

Fix: remove the `authentication` block, and protect the VRRP traffic another way (a dedicated
VLAN, firewall rules that accept protocol 112 only from the peers, `check_unicast_src` with
unicast peers).

## Triggers

### version 3 with a password

```keepalived
vrrp_instance VI_1 {
    version 3
    interface eth0
    virtual_router_id 51
    priority 100
    authentication {
        auth_type PASS
        auth_pass s3cret
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### IPv6 instance (always version 3)

```keepalived
vrrp_instance VI_6 {
    interface eth0
    virtual_router_id 61
    priority 100
    authentication {
        auth_type PASS
        auth_pass s3cret
    }
    virtual_ipaddress {
        2001:db8::10/64
    }
}
```

### vrrp_version 3 in global_defs

```keepalived
global_defs {
    vrrp_version 3
}
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    authentication {
        auth_type AH
        auth_pass s3cret
    }
    virtual_ipaddress {
        198.51.100.10/24
    }
}
```

## Does not trigger

### Version 2 (the default) with a password

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    authentication {
        auth_type PASS
        auth_pass s3cret
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Version 3 without authentication

```keepalived
vrrp_instance VI_1 {
    version 3
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### global vrrp_version 3, but the instance says version 2

```keepalived
global_defs {
    vrrp_version 3
}
vrrp_instance VI_1 {
    version 2
    interface eth0
    virtual_router_id 51
    authentication {
        auth_type PASS
        auth_pass s3cret
    }
    virtual_ipaddress {
        203.0.113.10/24
    }
}
```

"""#,
        "duplicate-vrid": #"""
# duplicate-vrid (KA231)

Severity: error

Within one node, keepalived 2.2.7 refuses to start (after all instances are read) when two
instances would receive each other's adverts:

- multicast: the same `virtual_router_id`, the same address family, the same `interface`, and the
  same multicast group (`mcast_dst_ip`, else `vrrp_mcast_group4`/`vrrp_mcast_group6`):
  "A and B both use VRID 51 with IPv4 on interface eth0";
- unicast: the same VRID and family, the same interface (or none), the same local address
  (`unicast_src_ip`, else the interface's address), and at least one peer in common:
  "(A) duplicate VRID conflict with B VRID 51".

The same VRID is fine for an IPv4 and an IPv6 instance, on different interfaces, with different
multicast groups, for a unicast and a multicast instance, and for unicast instances with different
source addresses or no common peer.

Fix: give one of the instances another `virtual_router_id` (and change it on every node of that
cluster).

## Triggers

### Two multicast instances on eth0

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
vrrp_instance VI_2 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.20/24
    }
}
```

### Two unicast instances with the same source and a common peer

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    unicast_src_ip 192.0.2.1
    unicast_peer {
        192.0.2.2
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
vrrp_instance VI_2 {
    interface eth0
    virtual_router_id 51
    unicast_src_ip 192.0.2.1
    unicast_peer {
        192.0.2.3
        192.0.2.2
    }
    virtual_ipaddress {
        192.0.2.20/24
    }
}
```

## Does not trigger

### IPv4 and IPv6 instances with one VRID

```keepalived
vrrp_instance VI_4 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
vrrp_instance VI_6 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        2001:db8::10/64
    }
}
```

### Different interfaces

```keepalived
vrrp_instance OUTSIDE {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        203.0.113.10/24
    }
}
vrrp_instance INSIDE {
    interface eth1
    virtual_router_id 51
    virtual_ipaddress {
        198.51.100.10/24
    }
}
```

### Unicast instances with different source addresses

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    unicast_src_ip 192.0.2.1
    unicast_peer {
        192.0.2.2
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
vrrp_instance VI_2 {
    interface eth0
    virtual_router_id 51
    unicast_src_ip 192.0.2.5
    unicast_peer {
        192.0.2.2
    }
    virtual_ipaddress {
        192.0.2.20/24
    }
}
```

### A different multicast group

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
vrrp_instance VI_2 {
    interface eth0
    virtual_router_id 51
    mcast_dst_ip 224.0.0.19
    virtual_ipaddress {
        192.0.2.20/24
    }
}
```

"""#,
        "missing-interface": #"""
# missing-interface (KA229)

Severity: error

keepalived 2.2.7 checks every `vrrp_instance` for an interface before it starts any of them, and
exits with "(NAME) Unknown interface!" when one has none. This holds for unicast instances too:
2.2.7 runs this check before it records that the instance has unicast peers, so an instance with
`unicast_src_ip` and `unicast_peer` but no `interface` is refused as well (`keepalived -t` of
2.2.7 reports "Unknown interface!" for it, whatever the keepalived documentation says about
unicast instances without an interface).

An `interface` line keepalived ignores counts as missing: a name longer than 15 characters
("Interface name '...' too long - ignoring") or the loopback `lo` ("cannot use a loopback
interface (lo) for vrrp - ignoring").

Fix: add `interface IFNAME`, the interface the adverts are sent and received on (for unicast, the
one the peers are reached through).

## Triggers

### No interface, multicast

```keepalived
vrrp_instance VI_1 {
    state BACKUP
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### No interface, unicast peers (still refused by 2.2.7)

```keepalived
vrrp_instance VI_1 {
    state BACKUP
    virtual_router_id 51
    priority 100
    unicast_src_ip 192.0.2.1
    unicast_peer {
        192.0.2.2
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### The loopback

```keepalived
vrrp_instance VI_1 {
    interface lo
    virtual_router_id 51
    virtual_ipaddress {
        198.51.100.10/32
    }
}
```

## Does not trigger

### Multicast on eth0

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Unicast with an interface, VIP on lo

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    unicast_src_ip 2001:db8:1::11
    unicast_peer {
        2001:db8:1::12
    }
    virtual_ipaddress {
        2001:db8:100::1/128 dev lo
    }
}
```

"""#,
        "nopreempt-ignored": #"""
# nopreempt-ignored (KA227)

Severity: warning

`nopreempt` keeps a recovered higher-priority node from taking the address back from a
lower-priority master; `preempt_delay` makes it wait. keepalived 2.2.7 clears both in some
combinations when it completes the instance, reports it once at startup, and then preempts anyway:

- `nopreempt` with priority 255: "nopreempt is incompatible with priority 255. resetting nopreempt".
- `nopreempt` with an initial state of MASTER (`state MASTER`, or no state and priority 255):
  "nopreempt will not work with initial state MASTER - clearing".
- `preempt_delay` with an initial state of MASTER: "preempt delay will not work with initial
  state MASTER - clearing".
- `preempt_delay` together with `nopreempt`: "preempt_delay is incompatible with nopreempt mode -
  resetting" (the node never preempts, so there is nothing to delay).

With `vrrp_strict`, a `state MASTER` below priority 255 is moved to BACKUP first, so nopreempt
survives there; strict mode's own clearing of `preempt_delay` is reported by vrrp-strict-conflict.

Fix: for non-preemptive clusters, start every node as `state BACKUP` with a priority below 255
and let the priorities decide; use either `nopreempt` or `preempt_delay`, not both.

## Triggers

### nopreempt with state MASTER

```keepalived
vrrp_instance VI_1 {
    state MASTER
    nopreempt
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### nopreempt with priority 255

```keepalived
vrrp_instance VI_1 {
    state BACKUP
    nopreempt
    interface eth0
    virtual_router_id 51
    priority 255
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### preempt_delay with state MASTER

```keepalived
vrrp_instance VI_1 {
    state MASTER
    preempt_delay 30
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        198.51.100.10/24
    }
}
```

### preempt_delay with nopreempt

```keepalived
vrrp_instance VI_1 {
    state BACKUP
    nopreempt
    preempt_delay 30
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        198.51.100.10/24
    }
}
```

## Does not trigger

### nopreempt on a BACKUP

```keepalived
vrrp_instance VI_1 {
    state BACKUP
    nopreempt
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### preempt_delay on a BACKUP

```keepalived
vrrp_instance VI_1 {
    state BACKUP
    preempt_delay 60
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### nopreempt cancelled by a later preempt

```keepalived
vrrp_instance VI_1 {
    state MASTER
    nopreempt
    preempt
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        203.0.113.10/24
    }
}
```

"""#,
        "priority-range": #"""
# priority-range (KA221)

Severity: error (priority outside 1-255); warning (priority 255 on a node that does not own the address)

`priority` must be a number from 1 to 255. keepalived 2.2.7 reports any other value
("Priority not valid! must be between 1 & 255. Using default 100") and sets the priority to 100,
even when the instance says `state MASTER`, where a missing priority would have meant 255. A node
meant to win the election can silently end up at 100, level with its backups.

255 is special: it means "address owner" (RFC 3768/5798), a router whose real interface address
is the virtual address. keepalived does not check that this is true. An instance with priority 255
(written, or implied by `state MASTER` with no `priority` line) becomes MASTER at once without
waiting for the master-down timer (unless it says `state BACKUP`), has its `nopreempt` cleared, drops weighted track scripts
and ignores tracked-interface weights (so a failed check no longer moves the address), accepts traffic for the virtual
addresses as their owner, and when two nodes both say 255 they fight until one lowers itself.
kalint warns when a virtual address is not one of the instance's own source addresses
(`unicast_src_ip`/`mcast_src_ip`): then nothing shows the node owns it.

Fix: use a priority from 1 to 254 on every node that does not really own the address, and
write the priority explicitly next to `state MASTER`.

## Triggers

### Priority 0

```keepalived
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 0
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Priority above 255 with state MASTER (100 is used, not 255)

```keepalived
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 300
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Priority 255 for a floating address

```keepalived
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 255
    unicast_src_ip 192.0.2.1
    unicast_peer {
        192.0.2.2
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### state MASTER without a priority means 255

```keepalived
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        198.51.100.10/24
    }
}
```

## Does not trigger

### A usual master and backup priority

```keepalived
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 254
    virtual_ipaddress {
        192.0.2.10/24
    }
}
vrrp_instance VI_2 {
    state BACKUP
    interface eth0
    virtual_router_id 52
    priority 1
    virtual_ipaddress {
        192.0.2.20/24
    }
}
```

### The real address owner

```keepalived
vrrp_instance OWNER {
    interface eth0
    virtual_router_id 60
    priority 255
    mcast_src_ip 203.0.113.1
    virtual_ipaddress {
        203.0.113.1/24
    }
}
```

### No priority and no state: 100

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

"""#,
        "state-value": #"""
# state-value (KA228)

Severity: error (an unknown state); warning (BACKUP after MASTER)

`state` takes exactly `MASTER` or `BACKUP`, in upper case. keepalived 2.2.7 compares the word
case-sensitively; anything else (`master`, `Backup`, `SLAVE`, `PRIMARY`) is reported as
"unknown state '...', defaulting to BACKUP" and the instance starts as BACKUP. A node meant to be
the master then waits for the master-down timer like a backup, and, with no `priority` line, gets
priority 100 instead of the 255 that `state MASTER` implies.

A `state BACKUP` after a `state MASTER` in the same instance is ignored ("state previously set as
MASTER - ignoring BACKUP"): the instance starts as MASTER.

Fix: write `MASTER` or `BACKUP` in upper case. kalint offers the upper-case spelling as a fix-it
when the word is one of them in another case.

## Triggers

### Lower case

```keepalived
vrrp_instance VI_1 {
    state master
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A word keepalived does not know

```keepalived
vrrp_instance VI_1 {
    state SLAVE
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### BACKUP after MASTER

```keepalived
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    state BACKUP
    virtual_ipaddress {
        198.51.100.10/24
    }
}
```

## Does not trigger

### MASTER and BACKUP

```keepalived
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
vrrp_instance VI_2 {
    state BACKUP
    interface eth0
    virtual_router_id 52
    priority 100
    virtual_ipaddress {
        192.0.2.20/24
    }
}
```

### No state line (derived from priority)

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        203.0.113.10/24
    }
}
```

### MASTER after BACKUP (the later line wins)

```keepalived
vrrp_instance VI_1 {
    state BACKUP
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        203.0.113.10/24
    }
}
```

"""#,
        "vrid-range": #"""
# vrid-range (KA220)

Severity: error

Every `vrrp_instance` needs a `virtual_router_id` from 1 to 255. keepalived 2.2.7 reads the value
with a strict range check: `0`, `256`, `-1` or `51a` are reported ("VRID '0' not valid - must be
between 1 & 255") and ignored. An instance left without a valid VRID is not just skipped: before it
starts anything, keepalived checks every instance and exits with
"(NAME) the virtual router id must be set", so one bad line stops every instance of the node.

When another `virtual_router_id` line of the same instance is valid, keepalived keeps that one; the
finding then says which VRID is used.

Fix: give the instance a VRID from 1 to 255 that the other nodes of the cluster use too, and that
no other cluster on the same network segment uses.

## Triggers

### VRID 0

```keepalived
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 0
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### VRID above 255

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 300
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### No virtual_router_id at all

```keepalived
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Not a number

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51a
    virtual_ipaddress {
        198.51.100.7/24
    }
}
```

## Does not trigger

### The limits 1 and 255

```keepalived
vrrp_instance LOW {
    interface eth0
    virtual_router_id 1
    virtual_ipaddress {
        192.0.2.10/24
    }
}
vrrp_instance HIGH {
    interface eth0
    virtual_router_id 255
    virtual_ipaddress {
        192.0.2.11/24
    }
}
```

### A VRID from a definition

```keepalived
$VRID=42
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id $VRID
    virtual_ipaddress {
        203.0.113.5/24
    }
}
```

"""#,
    ]
}
