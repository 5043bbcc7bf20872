// Generated from docs/rules/*.md by `scripts/regen-rule-docs.sh`. Do not edit.
enum RuleDocsData {
    static let pages: [String: String] = [
        "address-family-mix": ##"""
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

"""##,
        "advert-int": ##"""
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

"""##,
        "advert-int-mismatch": ##"""
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

"""##,
        "auth-mismatch": ##"""
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

"""##,
        "auth-pass-length": ##"""
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

"""##,
        "auth-with-v3": ##"""
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

"""##,
        "child-process-reread": ##"""
# child-process-reread (KA119)

Severity: warning

keepalived 2.2.7 reads the configuration twice: the parent process reads the files, and the VRRP
and checker child processes re-read a decommented copy that the parent wrote. A few lines read
differently the second time, so the process that actually runs VRRP sees another configuration
than `keepalived -t` checked:

- an escaped comment character (`\#`, `\!`) is literal for the parent, but the copy holds the bare
  `#`, which starts a comment for the children;
- a comment-only or blank-looking line inside a multi-line `$NAME=` definition is skipped by the
  parent but ends the definition for the children;
- an `include` that is not alone on its line (`@id include ...`, `block { include ...`) is expanded
  by the parent and then read again by the children.

Fix: avoid the escape (quote the word instead: `"a#b"`), keep definition lines contiguous, and put
each `include` on a line of its own.

## Triggers

### an escaped comment character

```keepalived
global_defs {
    router_id lb\#1
}
```

## Does not trigger

### the same name, quoted

```keepalived
global_defs {
    router_id "lb#1"
}
```

### a plain configuration

```keepalived
global_defs {
    router_id lb1
}
```

"""##,
        "deprecated-keyword": ##"""
# deprecated-keyword (KA209)

Severity: warning

A keyword that has a newer replacement. keepalived 2.2.7 still accepts it, but newer versions
may not, and mixed old and new spellings make files harder to read and compare. kalint offers a
fix-it that writes the replacement.

**Fix:** use the replacement keyword named in the message (`kalint --fix`).

## Triggers

### Old LVS keywords
```keepalived
virtual_server 192.0.2.100 80 {
    lb_algo rr
    lb_kind NAT
    protocol TCP
    real_server 198.51.100.21 80 {
        weight 1
    }
}
```

### The old name of garp_extra_if
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    use_vmac
    vmac_garp_intvl 60
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### Current keywords
```keepalived
virtual_server 192.0.2.100 80 {
    lvs_sched rr
    lvs_method NAT
    protocol TCP
    real_server 198.51.100.21 80 {
        weight 1
    }
}
```

### A plain instance
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

"""##,
        "deprecated-route-syntax": ##"""
# deprecated-route-syntax (KA242)

Severity: warning

A `virtual_routes` or `static_routes` entry written with `gw` (instead of `via`) or `or` (instead
of `nexthop`). keepalived 2.2.7 still reads both, but reports "\"gw\" for routes is deprecated.
Please use \"via\"" or "\"or\" for routes is deprecated. Please use \"nexthop\"" on every start.

**Fix:** write `via ADDRESS`, and `nexthop via A nexthop via B` for several gateways.

## Triggers

### gw and or
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    virtual_routes {
        0.0.0.0/0 gw 192.0.2.1 dev eth0
        198.51.100.0/24 via 192.0.2.2 or 192.0.2.3 dev eth0
    }
}
```

## Does not trigger

### via and nexthop
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    virtual_routes {
        0.0.0.0/0 via 192.0.2.1 dev eth0
        198.51.100.0/24 dev eth0 nexthop via 192.0.2.2 nexthop via 192.0.2.3
    }
}
```

"""##,
        "digest-length": ##"""
# digest-length (KA252)

Severity: error

An HTTP_GET or SSL_GET `url` compares the MD5 of the page with `digest`, written as 32 hex
digits. keepalived 2.2.7 checks the length: any other one gets "digest 'WORD' character length
should be 32 rather than N", and the url is checked without a digest, so any page with the right
status code passes.

Fix: write the whole MD5 (`genhash -s HOST -p PORT -u PATH` prints it), or drop `digest`.

## Triggers

### A shortened digest

```keepalived
virtual_server 192.0.2.80 80 {
    protocol TCP
    real_server 192.0.2.81 80 {
        HTTP_GET {
            url {
                path /health
                digest 9b3f6a
            }
        }
    }
}
```

## Does not trigger

### 32 hex digits

```keepalived
virtual_server 192.0.2.80 80 {
    protocol TCP
    real_server 192.0.2.81 80 {
        HTTP_GET {
            url {
                path /health
                digest 9e107d9d372bb6826bd81d3542a419d6
            }
        }
    }
}
```

"""##,
        "duplicate-name": ##"""
# duplicate-name (KA212)

Severity: error

A named block (`vrrp_instance`, `vrrp_sync_group`, ...) whose name is already defined.
keepalived 2.2.7 reports that the name is already defined and skips the whole second block: its
settings do not exist. With `include` of several files (or copy and paste of
an instance), it is easy to define the same name twice and lose the second one silently.

**Fix:** give each block its own name, or merge the two.

## Triggers

### An instance copied without renaming
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}

vrrp_instance VI_1 {
    interface eth1
    virtual_router_id 52
    virtual_ipaddress {
        198.51.100.10/24
    }
}
```

### A sync group defined twice
```keepalived
vrrp_sync_group G1 {
    group {
        VI_1
    }
}

vrrp_sync_group G1 {
    group {
        VI_1
        VI_2
    }
}
```

## Does not trigger

### Distinct names
```keepalived
vrrp_instance VI_OUTSIDE {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}

vrrp_instance VI_INSIDE {
    interface eth1
    virtual_router_id 52
    virtual_ipaddress {
        198.51.100.10/24
    }
}
```

### The same name for a script and an instance
```keepalived
vrrp_script web {
    script "/usr/bin/pgrep nginx"
}

vrrp_instance web {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_script {
        web
    }
}
```

"""##,
        "duplicate-notify": ##"""
# duplicate-notify (KA251)

Severity: warning

A vrrp_instance or vrrp_sync_group holds one script per notify kind. keepalived 2.2.7 keeps the
first `notify_master`, `notify_backup`, `notify_fault` or `notify` line of a block and ignores
every later one of the same kind ("(VI_1) notify_master script already specified - ignoring
/usr/local/bin/second.sh"), so the script added last never runs. `script-security` does not count
an ignored line as a script keepalived runs.

Fix: keep one line of each kind; to run several commands, call them from one script.

## Triggers

### Two notify_master lines in an instance

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    notify_master /usr/local/bin/vip-up.sh
    notify_master /usr/local/bin/page-oncall.sh
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Two notify lines in a sync group

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
vrrp_sync_group G1 {
    group {
        VI_1
    }
    notify /usr/local/bin/log-state.sh
    notify /usr/local/bin/metrics.sh
}
```

## Does not trigger

### One line of each kind

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    notify_master /usr/local/bin/vip-up.sh
    notify_backup /usr/local/bin/vip-down.sh
    notify_fault /usr/local/bin/vip-down.sh
    notify /usr/local/bin/log-state.sh
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### The same kind in two instances

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    notify_master /usr/local/bin/vip-up.sh
    virtual_ipaddress {
        192.0.2.10/24
    }
}
vrrp_instance VI_2 {
    interface eth0
    virtual_router_id 52
    notify_master /usr/local/bin/vip-up.sh
    virtual_ipaddress {
        192.0.2.11/24
    }
}
```

"""##,
        "duplicate-vrid": ##"""
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

"""##,
        "embedded-nul": ##"""
# embedded-nul (KA105)

Severity: error

A NUL byte in a line. keepalived 2.2.7 reads lines as C strings, so the line ends at the NUL:
whatever follows on that line is lost. NUL bytes come from editors saving in UTF-16, from files
concatenated with binary junk, or from bad copy and paste; they are invisible in most editors.

In the examples below `␀` stands for the NUL byte.

**Fix:** remove the byte (`tr -d '\000'`) and check the file's encoding is UTF-8 or ASCII.

## Triggers

### A NUL in the middle of a keyword line
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority ␀150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A NUL at the end of a line
```keepalived
global_defs {
    router_id lb1␀
}
```

## Does not trigger

### Plain text
```keepalived
global_defs {
    router_id lb1
}
```

### The escape sequence \0 in a script line is text, not a NUL byte
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    notify "/usr/bin/printf x\0y"
}
```

"""##,
        "empty-conditional": ##"""
# empty-conditional (KA112)

Severity: warning

An `@ID` (or `@^ID`) config-id prefix with nothing after it. The prefix makes the rest of the
line apply only on the node started with `keepalived -i ID` (or on every other node); with no
rest of line there is nothing to apply, and keepalived 2.2.7 drops the line. Usually the
keyword was put on the next line by mistake, so it now applies on **every** node.

**Fix:** put the keyword on the same line as its prefix: `@lb1 priority 150`.

## Triggers

### The prefix and its keyword on separate lines
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    @lb1
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A negated prefix alone
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    @^lb1
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### Per-node priorities with prefixes
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    @lb1 priority 150
    @lb2 priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### An e-mail address with an @
```keepalived
global_defs {
    notification_email {
        ops@example.org
    }
    router_id lb1
}
```

"""##,
        "empty-notification-email": ##"""
# empty-notification-email (KA246)

Severity: warning

A `notification_email` block with no address in it. keepalived 2.2.7 reports "Warning - empty
notification_email block" at the block's `}` and sends state-change mail to nobody.

**Fix:** list the addresses to notify, or remove the block (and `smtp_alert`).

## Triggers

### An empty block
```keepalived
global_defs {
    notification_email {
    }
    router_id LB1
}
```

## Does not trigger

### An address
```keepalived
global_defs {
    notification_email {
        ops@example.com
    }
    router_id LB1
}
```

"""##,
        "expansion-limit": ##"""
# expansion-limit (KA118)

Severity: error

Expansion produced more logical lines than the limit (one million by default): a `~SEQ` over a
huge range, or a multi-line definition that substitutes itself. keepalived 2.2.7 would spend
minutes generating lines (and memory for every object they define), or never finish at all.
kalint stops at the limit.

<!-- examples: max-logical-lines=1000 -->
The examples here are checked with a limit of 1000 lines.

**Fix:** check the `~SEQ` bounds (a typo such as `1, 10000000` for `1, 10`), and make sure no
multi-line definition uses itself.

## Triggers

### A sequence with a typo in its end
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        ~SEQ(i, 1, 10000000) 192.0.2.$i/32
    }
}
```

### Nested sequences that multiply
```keepalived
virtual_server 192.0.2.100 80 {
    lvs_sched rr
    lvs_method NAT
    protocol TCP
    ~SEQ(a, 1, 250) ~SEQ(b, 1, 250) real_server 198.51.$a.$b 80 {
        weight 1
    }
}
```

## Does not trigger

### A small sequence
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        ~SEQ(i, 10, 20) 192.0.2.$i/32
    }
}
```

### A list of real servers
```keepalived
virtual_server 192.0.2.100 80 {
    lvs_sched rr
    lvs_method NAT
    protocol TCP
    ~LST(rs, 198.51.100.21, 198.51.100.22, 198.51.100.23) real_server $rs 80 {
        weight 1
    }
}
```

"""##,
        "extra-arguments": ##"""
# extra-arguments (KA203)

Severity: warning

Words after the arguments a keyword takes. keepalived 2.2.7 reads one keyword per line and
ignores the extra words without a message. They are usually a second keyword written on the same
line (`nopreempt priority 100`), a value the keyword does not take (`nopreempt yes`), or a unit
(`advert_int 1 sec`): whatever they were meant to do is not done.

**Fix:** one keyword per line; drop words the keyword does not take.

## Triggers

### Two keywords on one line
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    state BACKUP priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A value for a flag
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    nopreempt yes
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A second router_id word
```keepalived
global_defs {
    router_id lb1 lb2
}
```

## Does not trigger

### One keyword per line
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    state BACKUP
    priority 100
    nopreempt
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Optional arguments given
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    track_interface {
        eth1 weight -20
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

"""##,
        "extra-close-brace": ##"""
# extra-close-brace (KA102)

Severity: error

A `}` that closes no block. keepalived 2.2.7 reports `Extra '}' found` and ignores it. It
usually means a block was closed too early a few lines above, so the keywords between the early
`}` and this one were read at the wrong level (and reported as unknown there).

**Fix:** remove the stray `}` or, more often, the early one above it.

## Triggers

### One brace too many at the end
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
}
```

### A block closed early
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    }
    priority 100
}
```

## Does not trigger

### Balanced blocks
```keepalived
global_defs {
    router_id lb1
}

vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A brace inside a comment
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51   # }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

"""##,
        "failover-impossible": ##"""
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

Equal priorities are a tie that VRRP gives to the higher primary address (the address keepalived
sends from). When both instances set `unicast_src_ip` (or `mcast_src_ip`), kalint decides it: the
backup's address being the higher, the VIP moves and nothing is reported; the master's being the
higher, it is an error. When either sends from its interface's address, which the file does not
say, the outcome depends on the addresses and the finding is a warning.

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

### A tie the master's higher address wins

When the check fails, both are at 140; the master sends from the higher address and stays MASTER.

```keepalived node1
vrrp_script chk_proxy {
    script "/usr/bin/pgrep haproxy"
    weight 5
}
vrrp_instance LB {
    interface eth0
    virtual_router_id 42
    priority 140
    unicast_src_ip 198.51.100.20
    unicast_peer {
        198.51.100.10
    }
    track_script {
        chk_proxy
    }
    virtual_ipaddress {
        198.51.100.100/24
    }
}
```

```keepalived node2
vrrp_script chk_proxy {
    script "/usr/bin/pgrep haproxy"
    weight 5
}
vrrp_instance LB {
    interface eth0
    virtual_router_id 42
    priority 135
    unicast_src_ip 198.51.100.10
    unicast_peer {
        198.51.100.20
    }
    track_script {
        chk_proxy
    }
    virtual_ipaddress {
        198.51.100.100/24
    }
}
```

### A tie between interface addresses (a warning: it depends on the addresses)

```keepalived node1
vrrp_script chk_proxy {
    script "/usr/bin/pgrep haproxy"
    weight 5
}
vrrp_instance LB {
    interface eth0
    virtual_router_id 42
    priority 140
    track_script {
        chk_proxy
    }
    virtual_ipaddress {
        198.51.100.100/24
    }
}
```

```keepalived node2
vrrp_script chk_proxy {
    script "/usr/bin/pgrep haproxy"
    weight 5
}
vrrp_instance LB {
    interface eth0
    virtual_router_id 42
    priority 135
    track_script {
        chk_proxy
    }
    virtual_ipaddress {
        198.51.100.100/24
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

### A tie the backup's higher address wins: the VIP moves

When the master's check fails, both are at 140 and the backup, sending from the higher address,
takes over.

```keepalived node1
vrrp_script chk_proxy {
    script "/usr/bin/pgrep haproxy"
    weight 5
}
vrrp_instance LB {
    interface eth0
    virtual_router_id 42
    priority 140
    unicast_src_ip 198.51.100.10
    unicast_peer {
        198.51.100.20
    }
    track_script {
        chk_proxy
    }
    virtual_ipaddress {
        198.51.100.100/24
    }
}
```

```keepalived node2
vrrp_script chk_proxy {
    script "/usr/bin/pgrep haproxy"
    weight 5
}
vrrp_instance LB {
    interface eth0
    virtual_router_id 42
    priority 135
    unicast_src_ip 198.51.100.20
    unicast_peer {
        198.51.100.10
    }
    track_script {
        chk_proxy
    }
    virtual_ipaddress {
        198.51.100.100/24
    }
}
```

"""##,
        "firewall-hint": ##"""
# firewall-hint (KA501)

Severity: info

VRRP adverts are raw IP packets of protocol 112 (51 when `auth_type AH` wraps them), sent to the
multicast group 224.0.0.18 (IPv6: ff02::12) or, with `unicast_peer`, from each peer's address to this
node. A host firewall with a default-drop input policy drops them: every node then believes it is the
only one alive and all of them become MASTER (split brain). kalint prints, for each node, the
nftables and the iptables rules that let exactly that traffic in: on the instance's interface, to its
group or from its peers, with its protocol.

The hint is informational; check a saved ruleset with `kalint --firewall FILE` (see
`firewall-missing`).

## Triggers

```keepalived
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

## Does not trigger

```keepalived
! No VRRP instance: no VRRP traffic to allow.
global_defs {
    router_id lb1
}
```

"""##,
        "firewall-missing": ##"""
# firewall-missing (KA502)

Severity: error (warning when the ruleset does not cover the address family)

With `kalint --firewall FILE`, kalint reads a saved ruleset (`nft list ruleset` or `iptables-save` /
`ip6tables-save` output, or a script of `iptables`/`nft` commands) and follows the input path a VRRP
advert takes through it: base chains in priority order, jumps and gotos, policies, conntrack state
(adverts are NEW), interfaces and addresses. When the advert would be dropped, kalint reports the
instance, the rule or policy that drops it (a related note at its line in the ruleset) and the rule
to add. Matches kalint does not evaluate (rate limits, ipsets, marks) count as not matching, and the
message says so.

Example: a policy-drop `inet filter` input chain that accepts only SSH drops every advert, so both
nodes of a pair become MASTER.

## Triggers

```keepalived
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

## Does not trigger

```keepalived
global_defs {
    router_id lb1
}
```

(The examples show configurations; whether they trigger depends on the ruleset given with
`--firewall`, which the firewall tests exercise with real `nft` and `iptables-save` output.)

"""##,
        "glued-comment": ##"""
# glued-comment (KA234)

Severity: warning

keepalived 2.2.7 starts a comment at any `!` or `#` outside double quotes, even in the middle of a
word. A comment character glued to a word therefore cuts the word short, silently:
`auth_pass Secr3tP@ssw0rd! # note` gives the password `Secr3tP@ssw0rd`, and `notify_master
/usr/local/bin/vip-up#primary` runs `/usr/local/bin/vip-up`. keepalived prints nothing about it.

kalint names the word keepalived really reads. Words in double quotes keep their `!` and `#`; a
comment after a blank (`word # note`) is what it looks like and is not reported.

Fix: put a blank before the `!` or `#` if a comment was meant; otherwise choose a value without
them (keepalived cannot read either character in an unquoted word).

## Triggers

### A password that ends in `!`

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    authentication {
        auth_type PASS
        auth_pass Pa55w0rd! # rotate yearly
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A `#` inside a script argument

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    notify_master "/usr/local/bin/vip-up" eth0#primary
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### Comments after a blank

```keepalived
vrrp_instance VI_1 { # the gateway
    interface eth0 ! uplink
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24 # the VIP
    }
}
```

### A `!` inside double quotes

```keepalived
vrrp_script chk_web {
    script "/usr/bin/curl -sf http://127.0.0.1/health!"
}
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    track_script {
        chk_web
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

"""##,
        "http-status-code": ##"""
# http-status-code (KA249)

Severity: error

A `status_code` word in an `HTTP_GET` or `SSL_GET` `url` block that is not an HTTP status code
(or `LOW-HIGH` range) within 100-599. keepalived 2.2.7 reports "Invalid HTTP_GET status code
'999'" and ignores that word, so the check does not accept the answers the line asked for.

**Fix:** write codes from 100 to 599, and ranges low first (`200-299`).

## Triggers

### A code out of range and a reversed range
```keepalived
virtual_server 192.0.2.100 80 {
    lvs_sched rr
    lvs_method NAT
    protocol TCP
    real_server 198.51.100.21 80 {
        HTTP_GET {
            url {
                path /health
                status_code 999 299-200
            }
        }
    }
}
```

## Does not trigger

### A code and a range
```keepalived
virtual_server 192.0.2.100 80 {
    lvs_sched rr
    lvs_method NAT
    protocol TCP
    real_server 198.51.100.21 80 {
        HTTP_GET {
            url {
                path /health
                status_code 200 301-302
            }
        }
    }
}
```

"""##,
        "include-cycle": ##"""
# include-cycle (KA109)

Severity: error

A file that includes itself, directly or through other files. keepalived 2.2.7 does not
notice: it opens the same files again and again until it runs out of file descriptors
(`Configuration file '...' open problem (Too many open files) - skipping`), so every block in
the loop is read hundreds of times. kalint does not follow the include again.

**Fix:** include each file from one place only; a common cause is a `conf.d/*.conf` pattern
that also matches the file holding the include.

## Triggers

### Two files including each other
```keepalived file /etc/keepalived/a.conf
include /etc/keepalived/b.conf
```
```keepalived file /etc/keepalived/b.conf
global_defs {
    router_id lb1
}
include /etc/keepalived/a.conf
```
```keepalived
include /etc/keepalived/a.conf
```

### A wildcard that matches the including file
```keepalived file /etc/keepalived/conf.d/main.conf
include /etc/keepalived/conf.d/*.conf
```
```keepalived file /etc/keepalived/conf.d/vi_1.conf
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```
```keepalived
include /etc/keepalived/conf.d/main.conf
```

## Does not trigger

### The same file included twice, one after the other
```keepalived file /etc/keepalived/scripts.conf
vrrp_script chk {
    script "/usr/bin/pgrep haproxy"
}
```
```keepalived
include /etc/keepalived/scripts.conf
global_defs {
    router_id lb1
}
include /etc/keepalived/scripts.conf
```

### A tree of includes
```keepalived file /etc/keepalived/conf.d/vi_1.conf
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```
```keepalived file /etc/keepalived/global.conf
global_defs {
    router_id lb1
}
```
```keepalived
include /etc/keepalived/global.conf
include /etc/keepalived/conf.d/*.conf
```

"""##,
        "include-depth": ##"""
# include-depth (KA110)

Severity: error

Includes nested deeper than the limit (32 levels by default). Such nesting is almost always a
runaway chain of includes rather than a design; keepalived 2.2.7 has no limit of its own and
keeps one file open per level. kalint stops following at the limit.

<!-- examples: max-include-depth=2 -->
The examples here are checked with a limit of 2 levels.

**Fix:** flatten the include tree.

## Triggers

### Three levels deep
```keepalived file /etc/keepalived/a.conf
include /etc/keepalived/b.conf
```
```keepalived file /etc/keepalived/b.conf
include /etc/keepalived/c.conf
```
```keepalived file /etc/keepalived/c.conf
global_defs {
    router_id lb1
}
```
```keepalived
include /etc/keepalived/a.conf
```

### A chain through a wildcard
```keepalived file /etc/keepalived/conf.d/1.conf
include /etc/keepalived/more.d/*.conf
```
```keepalived file /etc/keepalived/more.d/2.conf
include /etc/keepalived/last.conf
```
```keepalived file /etc/keepalived/last.conf
vrrp_script chk {
    script "/usr/bin/pgrep haproxy"
}
```
```keepalived
include /etc/keepalived/conf.d/*.conf
```

## Does not trigger

### Two levels
```keepalived file /etc/keepalived/a.conf
include /etc/keepalived/b.conf
```
```keepalived file /etc/keepalived/b.conf
global_defs {
    router_id lb1
}
```
```keepalived
include /etc/keepalived/a.conf
```

### Several files at one level
```keepalived file /etc/keepalived/global.conf
global_defs {
    router_id lb1
}
```
```keepalived file /etc/keepalived/scripts.conf
vrrp_script chk {
    script "/usr/bin/pgrep haproxy"
}
```
```keepalived
include /etc/keepalived/global.conf
include /etc/keepalived/scripts.conf
```

"""##,
        "include-not-found": ##"""
# include-not-found (KA108)

Severity: warning

An `include` whose pattern matches no readable file. keepalived 2.2.7 says
`Config files missing '...'` for a literal path, and for a wildcard pattern that matches nothing
it says nothing at all (unless `include_check` asks for it): either way the instances, scripts or
virtual servers that file was meant to bring in do not exist, and the node runs with what is left.
A wildcard whose directory exists but holds no match is reported as information only.

**Fix:** correct the path (relative paths are taken from the including file's directory), or
remove the include.

## Triggers

### A missing file
```keepalived
global_defs {
    router_id lb1
}
include /etc/keepalived/instances/vi_1.conf
```

### A wildcard in a missing directory
```keepalived
include /etc/keepalived/conf.d/*.conf
```

## Does not trigger

### The included file exists
```keepalived file /etc/keepalived/conf.d/vi_1.conf
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```
```keepalived
include /etc/keepalived/conf.d/*.conf
```

### No include at all
```keepalived
global_defs {
    router_id lb1
}
```

"""##,
        "include-not-regular": ##"""
# include-not-regular (KA116)

Severity: warning

An included path that is a directory, or a file with an execute bit set. keepalived 2.2.7 only
reads regular, non-executable files: it reports
`Configuration file '...' is not a regular non-executable file - skipping` and the contents are
not read. A directory is usually meant as `dir/*.conf`; an executable bit usually comes from
copying files off a Windows share or a careless `chmod -R`.

**Fix:** include `directory/*.conf` rather than the directory, and `chmod a-x` the included files.

## Triggers

### A directory included by name
```keepalived file /etc/keepalived/conf.d/vi_1.conf
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```
```keepalived
include /etc/keepalived/conf.d
```

### A wildcard that matches a sub-directory
```keepalived file /etc/keepalived/conf.d/old.conf/README
kept for reference
```
```keepalived file /etc/keepalived/conf.d/vi_1.conf
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```
```keepalived
include /etc/keepalived/conf.d/*.conf
```

## Does not trigger

### Files matched by a wildcard
```keepalived file /etc/keepalived/conf.d/vi_1.conf
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```
```keepalived
include /etc/keepalived/conf.d/*.conf
```

### A single regular file
```keepalived file /etc/keepalived/global.conf
global_defs {
    router_id lb1
}
```
```keepalived
include /etc/keepalived/global.conf
```

"""##,
        "invalid-address": ##"""
# invalid-address (KA214)

Severity: error

An IP address or prefix keepalived cannot parse (an octet above 255, a typo, a prefix length
beyond 32 or 128). keepalived 2.2.7 reports it and skips the address (a VIP, a peer, a real
server), so the instance runs without it; a bad `virtual_server` address skips the whole
virtual server.

**Fix:** correct the address.

## Triggers

### An octet above 255
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    unicast_peer {
        198.51.100.256
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A VIP with a typo
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2,10/24
    }
}
```

## Does not trigger

### IPv4 and IPv6 addresses
```keepalived
vrrp_instance VI_6 {
    interface eth0
    virtual_router_id 61
    virtual_ipaddress {
        fe80::10/64
        2001:db8::10/64
    }
}
```

### Peers and a real server
```keepalived
virtual_server 192.0.2.100 80 {
    lvs_sched rr
    lvs_method NAT
    protocol TCP
    real_server 198.51.100.21 80 {
        weight 1
    }
}
```

"""##,
        "invalid-definition": ##"""
# invalid-definition (KA115)

Severity: error

A parameter definition or built-in parameter keepalived 2.2.7 cannot use:

- definitions that refer to each other without growing (`$A=$B`, `$B=$A`): every
  substitution brings a name back, and keepalived 2.2.7 substitutes for ever: it hangs while
  reading the configuration (a self-reference that grows the line instead stops at the line
  length limit: see [substitution-too-long](substitution-too-long.md));
- `${_RANDOM MIN MAX}` with `MAX` one below `MIN`: keepalived divides by zero and crashes
  (SIGFPE) while reading the configuration.

**Fix:** make definitions refer only to other, earlier definitions; give `_RANDOM` a range with
`MIN <= MAX`.

## Triggers

### Two definitions that refer to each other
```keepalived
$IFACE=$DEV
$DEV=$IFACE
vrrp_instance VI_1 {
    interface $IFACE
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### An empty _RANDOM range
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority ${_RANDOM 100 99}
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### Definitions built from earlier ones
```keepalived
$DIR=/etc/keepalived
$NOTIFY=$DIR/notify.sh
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    notify "$NOTIFY"
}
```

### A valid _RANDOM range
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority ${_RANDOM 90 110}
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

"""##,
        "invalid-number": ##"""
# invalid-number (KA205)

Severity: error

A number keepalived cannot read: a word, an empty value, a number in a notation it does not
accept. keepalived 2.2.7 reports `invalid number 'X'` (so `keepalived -t` fails) and keeps the
default: `priority high` runs with priority 100.

**Fix:** write a plain decimal number in the keyword's range.

## Triggers

### A word for a priority
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority high
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A template placeholder left in
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id VRID
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### Plain numbers
```keepalived
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

### A decimal advert interval (VRRP version 3)
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    version 3
    advert_int 0.5
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

"""##,
        "invalid-route-address": ##"""
# invalid-route-address (KA245)

Severity: error

An address in a route (the destination, `src`, `via`/`gw`, `or`) or in an IP rule (`from`, `to`)
that is not an IP address, such as `192.0.2./24`. keepalived 2.2.7 reports "VRRP parsed invalid IP
192.0.2./24. skipping IP..." and drops the whole route or rule, so it is never installed. `default`,
`any` and `all` are accepted where a destination is expected; a gateway (`via`) takes no prefix.

**Fix:** write the address in full (`192.0.2.0/24`).

## Triggers

### A truncated prefix in a rule and a route
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    virtual_rules {
        to 198.51.100./24 table 2 preference 100
    }
    virtual_routes {
        203.0.113.0/24 via 192.0.2.300 dev eth0
    }
}
```

## Does not trigger

### Full addresses and default
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    virtual_rules {
        to 198.51.100.0/24 table 2 preference 100
    }
    virtual_routes {
        default via 192.0.2.1 dev eth0
    }
}
```

"""##,
        "invalid-script": ##"""
# invalid-script (KA218)

Severity: error

A script command line keepalived cannot split. Script lines (`script`, `notify*`, `misc_path`,
...) are split by keepalived 2.2.7 with shell-like rules: single and double quotes group words,
backslashes escape. With an unterminated quote keepalived reports
`String '...': missing terminating '` and ignores the script (a `vrrp_script` left without a
command is removed: `No script set for vrrp_script chk_web - removing`): the health check or
notification never runs. A lone backslash at the end of a `vrrp_script`'s `script` line is worse:
keepalived 2.2.7 crashes (segmentation fault) while reading the configuration.

**Fix:** close the quote; escape or drop the trailing backslash.

## Triggers

### An unterminated single quote
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    notify_master '/etc/keepalived/notify.sh master
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A quote opened inside the command
```keepalived
vrrp_script chk_web {
    script "/usr/bin/curl -sf 'http://192.0.2.10/health"
}
```

### A vrrp_script line ending in a backslash (keepalived 2.2.7 crashes)
```keepalived
vrrp_script chk_web {
    script /usr/local/bin/check_web\
}
```

## Does not trigger

### Quoted arguments
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    notify_master "/etc/keepalived/notify.sh 'to master'"
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### An escaped space
```keepalived
vrrp_script chk_web {
    script "/usr/local/bin/check\\ web"
}
```

"""##,
        "invalid-sequence": ##"""
# invalid-sequence (KA107)

Severity: error

A `~SEQ(VAR, START, [STEP,] END)` or `~LST(VAR, VALUE, ...)` line keepalived cannot use: a
missing or extra number, a number that is not one, a step of 0, or a step pointing away from the
end. keepalived 2.2.7 reports `Invalid ~SEQ specification` (or `~LST`) and drops the whole line,
so none of the lines it was meant to generate exist.

**Fix:** write `~SEQ(i, 1, 4) line using $i` (start, end) or `~SEQ(i, 10, -2, 2) ...` (start,
step, end), and `~LST(n, a, b, c) line using $n`.

## Triggers

### A step of zero
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        ~SEQ(i, 10, 0, 20) 192.0.2.$i/24
    }
}
```

### A value that is not a number
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        ~SEQ(i, 1, ten) 192.0.2.$i/24
    }
}
```

## Does not trigger

### A sequence of VIPs
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        ~SEQ(i, 10, 13) 192.0.2.$i/24
    }
}
```

### A list of real servers
```keepalived
virtual_server 192.0.2.100 80 {
    lvs_sched rr
    lvs_method NAT
    protocol TCP
    ~LST(rs, 198.51.100.21, 198.51.100.22) real_server $rs 80 {
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
```

"""##,
        "invalid-value": ##"""
# invalid-value (KA216)

Severity: error

A value that is not one of the words the keyword accepts: an authentication type keepalived does
not have, a forwarding method, a protocol. keepalived 2.2.7 reports it and ignores the value:
the default is used (`lvs_method ROUTE` leaves NAT), or the keyword does nothing.

**Fix:** use one of the values listed in the message.

## Triggers

### An authentication type keepalived does not have
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    authentication {
        auth_type MD5
        auth_pass s3cret
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A forwarding method from another load balancer
```keepalived
virtual_server 192.0.2.100 80 {
    lvs_sched rr
    lvs_method ROUTE
    protocol TCP
    real_server 198.51.100.21 80 {
        weight 1
    }
}
```

## Does not trigger

### Valid values
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

### A direct-routing service
```keepalived
virtual_server 192.0.2.100 80 {
    lvs_sched rr
    lvs_method DR
    protocol TCP
    real_server 198.51.100.21 80 {
        weight 1
    }
}
```

"""##,
        "keyword-not-in-227": ##"""
# keyword-not-in-227 (KA213)

Severity: error

A keyword of a newer keepalived than 2.2.7 (or one that 2.2.7 no longer has). keepalived 2.2.7
reports it as `Unknown keyword` and ignores the line, so a configuration written from the
current documentation behaves differently on a 2.2.7 host. kalint names the version that
introduced the keyword.

**Fix:** upgrade keepalived, or do without the keyword on 2.2.7 hosts (use `--target-version`
to check a configuration against the version it will run on).

## Triggers

### An instance without VIPs (2.2.8)
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    no_virtual_ipaddress
}
```

### A newer checker option
```keepalived
virtual_server 192.0.2.100 443 {
    lvs_sched rr
    lvs_method NAT
    protocol TCP
    real_server 198.51.100.21 443 {
        SSL_GET {
            url {
                path /health
                status_code 200
            }
            tls_compliant
        }
    }
}
```

## Does not trigger

### Keywords 2.2.7 knows
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    unicast_fault_no_peer
    down_timer_adverts 4
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A plain LVS service
```keepalived
virtual_server 192.0.2.100 80 {
    lvs_sched rr
    lvs_method NAT
    protocol TCP
    real_server 198.51.100.21 80 {
        weight 1
    }
}
```

"""##,
        "keyword-too-new": ##"""
# keyword-too-new (KA233)

Severity: warning

With `--target-version X.Y.Z`, every keyword the schema marks as introduced after that
keepalived version. The version your distribution ships may be older than the documentation you
read: on an older keepalived the keyword is `Unknown keyword` and ignored. The check runs only
when `--target-version` is given.

<!-- examples: target-version=2.2.0 -->
The examples here are checked with `--target-version 2.2.0`.

**Fix:** upgrade keepalived on the hosts, or stay with keywords the target version has.

## Triggers

### Keywords of 2.2.3 and 2.2.5 against a 2.2.0 target
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    unicast_fault_no_peer
    down_timer_adverts 4
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A global keyword of 2.2.0 against a 2.2.0 target that is fine, and one of 2.2.5 that is not
```keepalived
global_defs {
    checker_process_name keepalived_lvs
}
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    mcast_dst_ip 224.0.0.18
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### Keywords every 2.x knows
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 100
    nopreempt
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A 2.1.0 keyword
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    unicast_ttl 64
    check_unicast_src
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

"""##,
        "line-continuation": ##"""
# line-continuation (KA111)

Severity: error

A line ending in `\`. Only `$NAME=` parameter definitions continue on the next line in
keepalived; anywhere else keepalived 2.2.7 keeps the backslash as the last character of the last
word (`eth0\`), and the next line is a line of its own. The word with the backslash is then wrong
(an interface `eth0\` that does not exist), and the continuation line is read as a keyword.
On a `vrrp_script`'s `script` line the lone backslash even crashes keepalived 2.2.7
(segmentation fault) while it reads the configuration.

**Fix:** put the whole statement on one line, or use a `$NAME=` definition with continuation
lines and substitute it.

## Triggers

### A VIP continued on the next line
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24 dev eth0 \
            label eth0:vip
    }
}
```

### A script line continued
```keepalived
vrrp_script chk_web {
    script "/usr/local/bin/check_web --host 192.0.2.10" \
        timeout 3
}
```

## Does not trigger

### A continued parameter definition
```keepalived
$VIPS=192.0.2.10/24 \
192.0.2.11/24

vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        $VIPS
    }
}
```

### A backslash inside a quoted script argument
```keepalived
vrrp_script chk_web {
    script "/usr/bin/grep -q up\\|ok /run/web.state"
}
```

"""##,
        "line-too-long": ##"""
# line-too-long (KA104)

Severity: error

keepalived 2.2.7 reads a configuration line into a 1024-byte buffer: it takes at most 1022
bytes of a line, and reads the rest of the line as **a new line**. A long comment then leaks its
tail into the configuration as keywords, and a long script line is cut in two (the command loses
its end, and the tail is read as an unknown keyword).

**Fix:** keep lines under 1023 bytes: split long lists into one entry per line, move long
command lines into a script file, and wrap long comments.

## Triggers

### A long comment
```keepalived
global_defs {
# 198.51.100.1 198.51.100.2 198.51.100.3 198.51.100.4 198.51.100.5 198.51.100.6 198.51.100.7 198.51.100.8 198.51.100.9 198.51.100.10 198.51.100.11 198.51.100.12 198.51.100.13 198.51.100.14 198.51.100.15 198.51.100.16 198.51.100.17 198.51.100.18 198.51.100.19 198.51.100.20 198.51.100.21 198.51.100.22 198.51.100.23 198.51.100.24 198.51.100.25 198.51.100.26 198.51.100.27 198.51.100.28 198.51.100.29 198.51.100.30 198.51.100.31 198.51.100.32 198.51.100.33 198.51.100.34 198.51.100.35 198.51.100.36 198.51.100.37 198.51.100.38 198.51.100.39 198.51.100.40 198.51.100.41 198.51.100.42 198.51.100.43 198.51.100.44 198.51.100.45 198.51.100.46 198.51.100.47 198.51.100.48 198.51.100.49 198.51.100.50 198.51.100.51 198.51.100.52 198.51.100.53 198.51.100.54 198.51.100.55 198.51.100.56 198.51.100.57 198.51.100.58 198.51.100.59 198.51.100.60 198.51.100.61 198.51.100.62 198.51.100.63 198.51.100.64 198.51.100.65 198.51.100.66 198.51.100.67 198.51.100.68 198.51.100.69 198.51.100.70 198.51.100.71 198.51.100.72 198.51.100.73 198.51.100.74 198.51.100.75 198.51.100.76 198.51.100.77 198.51.100.78 198.51.100.79 198.51.100.80 198.51.100.81 198.51.100.82 198.51.100.83 198.51.100.84 198.51.100.85 198.51.100.86 198.51.100.87 198.51.100.88 198.51.100.89
    router_id lb1
}
```

### A long notify command line
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    notify_master "/etc/keepalived/notify.sh master 203.0.113.1/32 203.0.113.2/32 203.0.113.3/32 203.0.113.4/32 203.0.113.5/32 203.0.113.6/32 203.0.113.7/32 203.0.113.8/32 203.0.113.9/32 203.0.113.10/32 203.0.113.11/32 203.0.113.12/32 203.0.113.13/32 203.0.113.14/32 203.0.113.15/32 203.0.113.16/32 203.0.113.17/32 203.0.113.18/32 203.0.113.19/32 203.0.113.20/32 203.0.113.21/32 203.0.113.22/32 203.0.113.23/32 203.0.113.24/32 203.0.113.25/32 203.0.113.26/32 203.0.113.27/32 203.0.113.28/32 203.0.113.29/32 203.0.113.30/32 203.0.113.31/32 203.0.113.32/32 203.0.113.33/32 203.0.113.34/32 203.0.113.35/32 203.0.113.36/32 203.0.113.37/32 203.0.113.38/32 203.0.113.39/32 203.0.113.40/32 203.0.113.41/32 203.0.113.42/32 203.0.113.43/32 203.0.113.44/32 203.0.113.45/32 203.0.113.46/32 203.0.113.47/32 203.0.113.48/32 203.0.113.49/32 203.0.113.50/32 203.0.113.51/32 203.0.113.52/32 203.0.113.53/32 203.0.113.54/32 203.0.113.55/32 203.0.113.56/32 203.0.113.57/32 203.0.113.58/32 203.0.113.59/32 203.0.113.60/32 203.0.113.61/32 203.0.113.62/32 203.0.113.63/32 203.0.113.64/32 203.0.113.65/32 203.0.113.66/32 203.0.113.67/32 203.0.113.68/32 203.0.113.69/32 203.0.113.70/32 203.0.113.71/32 203.0.113.72/32 203.0.113.73/32 203.0.113.74/32"
}
```

## Does not trigger

### A list written one entry per line
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
        192.0.2.11/24
        192.0.2.12/24
    }
}
```

### A long but acceptable line
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    notify_master "/etc/keepalived/notify.sh master 203.0.113.1/32 203.0.113.2/32 203.0.113.3/32 203.0.113.4/32 203.0.113.5/32 203.0.113.6/32 203.0.113.7/32 203.0.113.8/32 203.0.113.9/32"
}
```

"""##,
        "misc-check-without-path": ##"""
# misc-check-without-path (KA247)

Severity: error

A `MISC_CHECK` block with no `misc_path`. keepalived 2.2.7 reports "No script path has been
specified for MISC_CHECKER - skipping" at the block's `}` and drops the checker: the real server
is then never checked and stays in the pool whatever happens to it.

**Fix:** add `misc_path "/path/to/check args"`, or remove the block.

## Triggers

### An empty MISC_CHECK
```keepalived
virtual_server 192.0.2.100 80 {
    lvs_sched rr
    lvs_method NAT
    protocol TCP
    real_server 198.51.100.21 80 {
        MISC_CHECK {
        }
    }
}
```

## Does not trigger

### A MISC_CHECK with its script
```keepalived
virtual_server 192.0.2.100 80 {
    lvs_sched rr
    lvs_method NAT
    protocol TCP
    real_server 198.51.100.21 80 {
        MISC_CHECK {
            misc_path "/usr/local/bin/check_web 198.51.100.21"
        }
    }
}
```

"""##,
        "missing-argument": ##"""
# missing-argument (KA208)

Severity: error

A keyword without a required argument. keepalived 2.2.7 reports
`Configuration line starting 'X' is missing a parameter after keyword 'X'` and **exits with
status 2**: the whole node does not start.

**Fix:** give the keyword its value, or remove the line.

## Triggers

### An interface without a name
```keepalived
vrrp_instance VI_1 {
    interface
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A timer without seconds
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    garp_master_delay
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### Arguments present
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    garp_master_delay 5
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Flags take no argument
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    nopreempt
    dont_track_primary
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

"""##,
        "missing-block": ##"""
# missing-block (KA211)

Severity: error

A block keyword not followed by `{` (on its line or the next). keepalived 2.2.7 reports
`Missing '{' at beginning of configuration block` (or, with words after the keyword,
`Block virtual_ipaddress has extra parameters ...`) and the block is empty: an instance whose
`virtual_ipaddress 192.0.2.10/24` is written on one line has no VIP at all. Lines meant for the
block are read in the enclosing block, usually as unknown keywords.

**Fix:** open the block: `virtual_ipaddress {`, one entry per line, `}`.

## Triggers

### Addresses on the keyword's line without braces
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress 192.0.2.10/24
}
```

### A block keyword with nothing after it
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    authentication
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### Braces on the same line
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

### The brace on the next line
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress
    {
        192.0.2.10/24
    }
}
```

"""##,
        "missing-close-brace": ##"""
# missing-close-brace (KA103)

Severity: error

A `{` that is never closed before the end of the file. keepalived 2.2.7 reports
`There are 1 missing '}'s or extra '{'s` and reads the rest of the file inside that block: every
block that follows is read as part of the unclosed one, where its keywords are unknown.

**Fix:** add the missing `}`; `kafmt` shows the nesting as keepalived reads it.

## Triggers

### The last block not closed
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
```

### An inner block not closed swallows the next instance
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
}

vrrp_instance VI_2 {
    interface eth0
    virtual_router_id 52
    virtual_ipaddress {
        192.0.2.20/24
    }
}
```

## Does not trigger

### Closed blocks
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Opening brace on the next line
```keepalived
vrrp_instance VI_1
{
    interface eth0
    virtual_router_id 51
    virtual_ipaddress
    {
        192.0.2.10/24
    }
}
```

"""##,
        "missing-interface": ##"""
# missing-interface (KA229)

Severity: error

keepalived 2.2.7 checks every `vrrp_instance` for an interface before it starts any of them, and
exits with "(NAME) Unknown interface!" when one has none. This holds for unicast instances too:
2.2.7 runs this check before it records that the instance has unicast peers, so an instance with
`unicast_src_ip` and `unicast_peer` but no `interface` is refused as well (`keepalived -t` of
2.2.7 reports "Unknown interface!" for it). That is a regression of 2.2.7 alone (keepalived issue
#2270, fixed in 2.2.8): 2.1.0 to 2.2.6 and 2.2.8 or later accept a unicast instance without an
interface, so kalint reports it only when the target version is 2.2.7. `--target-version`
defaults to the version of the installed keepalived (`keepalived -v`), else 2.2.7.

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

### No interface, unicast peers (refused by 2.2.7 only, the default target here)

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

"""##,
        "missing-name": ##"""
# missing-name (KA215)

Severity: error

A block that needs exactly one name (`vrrp_instance`, `vrrp_script`, `vrrp_sync_group`,
`track_file`, ...) has none or several. keepalived 2.2.7 reports that the block must have a name
and skips the whole block; names cannot contain blanks.

**Fix:** give the block one name without blanks (`VI_public`, not `VI public`).

## Triggers

### An instance without a name
```keepalived
vrrp_instance {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A name with a blank
```keepalived
vrrp_instance VI public {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### One name each
```keepalived
vrrp_sync_group G1 {
    group {
        VI_1
    }
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

### Blocks that take no name
```keepalived
global_defs {
    router_id lb1
}
```

"""##,
        "multiple-masters": ##"""
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

"""##,
        "nopreempt-ignored": ##"""
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

"""##,
        "nopreempt-inconsistent": ##"""
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

"""##,
        "not-a-block": ##"""
# not-a-block (KA210)

Severity: error

A `{` after a keyword that opens no block (a flag such as `nopreempt`, a value keyword such as
`priority`). keepalived 2.2.7 reports `Unexpected '{' - ignoring` and reads the lines that follow
into the **enclosing** block; the `}` meant for the fake block then closes the enclosing block,
and everything after it is read one level up, where it is unknown.

**Fix:** remove the braces; write the keyword's value on its own line.

## Triggers

### A flag written as a block
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    nopreempt {
    }
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A value keyword given a block
```keepalived
global_defs {
    router_id {
        lb1
    }
}
```

## Does not trigger

### Flags and values on their own lines
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    nopreempt
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Real blocks
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    track_interface {
        eth1
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

"""##,
        "persistence-granularity": ##"""
# persistence-granularity (KA253)

Severity: error

`persistence_granularity` groups clients for persistence: an IPv4 virtual_server takes a netmask
(`255.255.255.0` keeps a /24 on one real server). keepalived 2.2.7 reads it with `inet_aton`;
what that cannot read gets "Invalid IPv4 persistence_granularity specified - WORD" and is
ignored, so persistence stays per client address. (`inet_aton` reads a bare `24` as the address
0.0.0.24 without a word; kalint does not report that either.)

Fix: write the netmask in dotted form.

## Triggers

### A prefix in CIDR form on an IPv4 service

```keepalived
virtual_server 192.0.2.80 443 {
    protocol TCP
    persistence_timeout 300
    persistence_granularity /24
    real_server 192.0.2.81 443 {
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
```

## Does not trigger

### A netmask

```keepalived
virtual_server 192.0.2.80 443 {
    protocol TCP
    persistence_timeout 300
    persistence_granularity 255.255.255.0
    real_server 192.0.2.81 443 {
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
```

"""##,
        "priority-collision": ##"""
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

"""##,
        "priority-range": ##"""
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

"""##,
        "router-id-duplicate": ##"""
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

"""##,
        "rule-without-preference": ##"""
# rule-without-preference (KA244)

Severity: warning

A `virtual_rules` or `static_rules` entry with no `preference` (or `priority`, `order`).
keepalived 2.2.7 numbers such rules itself, 16384 for the first IPv4 rule and one less for each
next one, and reports "Rule has no preference specified - setting to 16384. This is probably not
what you want." The rules' order then follows the file's order, and may collide with the
system's own rules.

**Fix:** give every rule an explicit `preference N`.

## Triggers

### A rule without preference
```keepalived
static_rules {
    from 192.0.2.0/24 table 1
}
```

## Does not trigger

### A rule with its preference
```keepalived
static_rules {
    from 192.0.2.0/24 table 1 preference 100
}
```

"""##,
        "script-interval-zero": ##"""
# script-interval-zero (KA248)

Severity: warning

`interval 0` in a `vrrp_script`. keepalived 2.2.7 accepts 0 only for compatibility with versions
before 2.0.7: it reports "(NAME): vrrp script interval must be greater than 0, setting to 1" and
runs the script every second.

**Fix:** write the interval you mean, 1 second or more.

## Triggers

### interval 0
```keepalived
vrrp_script chk_web {
    script "/usr/bin/pgrep nginx"
    interval 0
}
```

## Does not trigger

### interval 2
```keepalived
vrrp_script chk_web {
    script "/usr/bin/pgrep nginx"
    interval 2
}
```

"""##,
        "script-path": ##"""
# script-path (KA402)

Severity: warning

A script whose command is not an absolute path. keepalived 2.2.7 looks a bare name such as
`killall` up in the `PATH` **keepalived itself** was started with (systemd's or the init
script's, not your login shell's), as the script's user, when it loads the configuration; if it
is not found there it disables the script (`Cannot find script killall in path - disabling`).
A relative path with a `/` in it (`scripts/check.sh`) is taken from keepalived's working
directory, which is `/` once it runs as a daemon, not the directory of the configuration file.
Either way the same file behaves differently on another host or under another service manager.

A line such as `script "</dev/tcp/192.0.2.1/80"` only tests that a path opens; keepalived runs
nothing, and it is not reported.

**Fix:** write the full path (`command -v killall` shows it): `script "/usr/bin/killall -0 haproxy"`.

## Triggers

### killall found through PATH
```keepalived
vrrp_script chk_haproxy {
    script "killall -0 haproxy"
    interval 2
}

vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_script {
        chk_haproxy
    }
}
```

### A relative notify script
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    notify_master "scripts/to_master.sh eth0"
}
```

## Does not trigger

### Absolute paths everywhere
```keepalived
vrrp_script chk_haproxy {
    script "/usr/bin/killall -0 haproxy"
}

vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_script {
        chk_haproxy
    }
    notify "/etc/keepalived/notify.sh"
}
```

### A file-open test
```keepalived
vrrp_script chk_port {
    script "</dev/tcp/192.0.2.1/80"
}

vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_script {
        chk_port
    }
}
```

"""##,
        "script-security": ##"""
# script-security (KA401)

Severity: warning

keepalived runs scripts (`vrrp_script` `script`, `notify*`, `MISC_CHECK` `misc_path`,
`notify_up`/`notify_down`, `quorum_up`/`quorum_down`, `startup_script`, `shutdown_script`, the
notify FIFO scripts) as the user the script line names, else as `global_defs`' `script_user`,
else as `keepalived_script` if that user exists, else as **root**.

Without `enable_script_security`, keepalived 2.2.7 logs
`SECURITY VIOLATION - scripts are being executed but script_security not enabled` and runs the
scripts anyway, even when a non-root user can modify the script or a directory on its path: a
way to root for anyone who can write there. (The argument of `enable_script_security` is
ignored: `enable_script_security 0` turns it on too.)

With `enable_script_security` and no `script_user`, every script that names no user runs as
`keepalived_script`. Distribution packages do not create that user; where it is missing,
keepalived reports `Unable to set default user keepalived_script for script` and **drops** those
scripts (`Unable to set default user for vrrp script chk - removing`), so the health checks
silently stop moving the VIP.

**Fix:** add `enable_script_security` and a `script_user` that exists (e.g. `script_user root`
or a dedicated account) to `global_defs`, or give each script its own user.

## Triggers

### Scripts without enable_script_security
```keepalived
vrrp_script chk_haproxy {
    script "/usr/bin/pgrep haproxy"
    weight -20
}

vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_script {
        chk_haproxy
    }
    notify_master "/etc/keepalived/notify.sh master"
}
```

### enable_script_security with no script_user
```keepalived
global_defs {
    enable_script_security
}

vrrp_script chk_haproxy {
    script "/usr/bin/pgrep haproxy"
}

vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_script {
        chk_haproxy
    }
}
```

### A MISC_CHECK without enable_script_security
```keepalived
virtual_server 192.0.2.100 80 {
    lvs_sched rr
    lvs_method NAT
    protocol TCP
    real_server 198.51.100.21 80 {
        MISC_CHECK {
            misc_path "/usr/local/bin/check_web 198.51.100.21"
        }
    }
}
```

## Does not trigger

### enable_script_security with a script_user
```keepalived
global_defs {
    enable_script_security
    script_user keepalived_check
}

vrrp_script chk_haproxy {
    script "/usr/bin/pgrep haproxy"
}

vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_script {
        chk_haproxy
    }
    notify_master "/etc/keepalived/notify.sh master"
}
```

### enable_script_security and every script names its user
```keepalived
global_defs {
    enable_script_security
}

vrrp_script chk_haproxy {
    script "/usr/bin/pgrep haproxy"
    user haproxy
}

vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_script {
        chk_haproxy
    }
    notify "/etc/keepalived/notify.sh" root
}
```

### No scripts at all
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

"""##,
        "script-without-command": ##"""
# script-without-command (KA240)

Severity: error

A `vrrp_script` block with no `script` line. keepalived 2.2.7 checks the block when it reads its
`}`: "No script set for vrrp_script NAME - removing", and forgets the script. Every `track_script`
that names it afterwards reports "(VI_1) track script NAME not found, ignoring..." and the instance
runs without the check, so a failing service never moves the VIP. The usual cause is a `script`
line behind an `@id` conditional (`@node1 script ...`) when keepalived runs with another or no
`-i` id. kalint reports the `}` (where keepalived reports it) and each `track_script` entry.

**Fix:** give the block a `script` line that applies on every node (or an `@id` line for each id).

## Triggers

### A script line only for another config id
```keepalived
vrrp_script chk_web {
@node1 script "/usr/bin/pgrep nginx"
    interval 2
}

vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_script {
        chk_web
    }
}
```

## Does not trigger

### A script line for everyone
```keepalived
vrrp_script chk_web {
    script "/usr/bin/pgrep nginx"
    interval 2
}

vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_script {
        chk_web
    }
}
```

"""##,
        "service-port": ##"""
# service-port (KA250)

Severity: error

The port of a `virtual_server ADDRESS PORT` or `real_server ADDRESS PORT` that is not a number
from 1 to 65535 (`0` means "no port" and is accepted). keepalived 2.2.7 reports "number '99999'
outside range [1, 65535]" (or "invalid number") and "Invalid real server ip address/port
192.0.2.22/99999 - skipping", and skips the whole block: the real server is never added.

**Fix:** write the service's port number.

## Triggers

### A port beyond 65535
```keepalived
virtual_server 192.0.2.100 80 {
    lvs_sched rr
    lvs_method NAT
    protocol TCP
    real_server 198.51.100.21 99999 {
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
```

## Does not trigger

### Ports in range
```keepalived
virtual_server 192.0.2.100 80 {
    lvs_sched rr
    lvs_method NAT
    protocol TCP
    real_server 198.51.100.21 8080 {
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
```

"""##,
        "state-value": ##"""
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

"""##,
        "stray-close-brace": ##"""
# stray-close-brace (KA241)

Severity: warning

A `}` that keepalived 2.2.7 reads at the top level because the block it was written for was
never opened: the block's keyword was unknown there, so keepalived ignored the keyword and its `{`
("Unexpected '{' - ignoring"), read the block's lines one level up, and the `}` that should close
it closes the enclosing block instead, or, at the top level, closes nothing: keepalived reports
"Unknown keyword '}'". The cause is reported on the keyword's line
([unknown-block-keyword](unknown-block-keyword.md)); this finding marks each `}` keepalived
complains about, so the two views line up line by line.

**Fix:** fix the keyword that opens the block (spelling, or move the block where it belongs).

## Triggers

### A misspelt top-level block
```keepalived
vrrp_scrip chk_web {
    script "/usr/bin/pgrep nginx"
}
```

## Does not trigger

### The block spelt right
```keepalived
vrrp_script chk_web {
    script "/usr/bin/pgrep nginx"
}

vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_script {
        chk_web
    }
}
```

"""##,
        "substitution-too-long": ##"""
# substitution-too-long (KA114)

Severity: error

Parameter substitution that would make a line longer than keepalived's 1024-byte line buffer.
keepalived 2.2.7 substitutes in place and stops when the buffer is full: the rest of the line
keeps its unsubstituted `$NAME` text, so the command or value is silently wrong.

**Fix:** keep substituted lines short: use several smaller definitions on several lines, or a
script file instead of a long command line.

## Triggers

### A long list substituted twice
```keepalived
$PEERS=198.51.100.1 198.51.100.2 198.51.100.3 198.51.100.4 198.51.100.5 198.51.100.6 198.51.100.7 198.51.100.8 198.51.100.9 198.51.100.10 198.51.100.11 198.51.100.12 198.51.100.13 198.51.100.14 198.51.100.15 198.51.100.16 198.51.100.17 198.51.100.18 198.51.100.19 198.51.100.20 198.51.100.21 198.51.100.22 198.51.100.23 198.51.100.24 198.51.100.25 198.51.100.26 198.51.100.27 198.51.100.28 198.51.100.29 198.51.100.30 198.51.100.31 198.51.100.32 198.51.100.33 198.51.100.34 198.51.100.35 198.51.100.36 198.51.100.37 198.51.100.38 198.51.100.39 198.51.100.40 198.51.100.41 198.51.100.42 198.51.100.43 198.51.100.44 198.51.100.45 198.51.100.46 198.51.100.47 198.51.100.48 198.51.100.49 198.51.100.50 198.51.100.51 198.51.100.52 198.51.100.53 198.51.100.54 198.51.100.55
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    notify_master "/etc/keepalived/announce.sh ${PEERS} ${PEERS}"
}
```

### A long list inside a long line
```keepalived
$PEERS=198.51.100.1 198.51.100.2 198.51.100.3 198.51.100.4 198.51.100.5 198.51.100.6 198.51.100.7 198.51.100.8 198.51.100.9 198.51.100.10 198.51.100.11 198.51.100.12 198.51.100.13 198.51.100.14 198.51.100.15 198.51.100.16 198.51.100.17 198.51.100.18 198.51.100.19 198.51.100.20 198.51.100.21 198.51.100.22 198.51.100.23 198.51.100.24 198.51.100.25 198.51.100.26 198.51.100.27 198.51.100.28 198.51.100.29 198.51.100.30 198.51.100.31 198.51.100.32 198.51.100.33 198.51.100.34 198.51.100.35 198.51.100.36 198.51.100.37 198.51.100.38 198.51.100.39 198.51.100.40 198.51.100.41 198.51.100.42 198.51.100.43 198.51.100.44 198.51.100.45 198.51.100.46 198.51.100.47 198.51.100.48 198.51.100.49 198.51.100.50 198.51.100.51 198.51.100.52 198.51.100.53 198.51.100.54 198.51.100.55
$MORE=${PEERS} ${PEERS}
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    notify_backup "/etc/keepalived/announce.sh ${MORE}"
}
```

## Does not trigger

### The same list substituted once
```keepalived
$PEERS=198.51.100.1 198.51.100.2 198.51.100.3 198.51.100.4 198.51.100.5 198.51.100.6 198.51.100.7 198.51.100.8 198.51.100.9 198.51.100.10 198.51.100.11 198.51.100.12 198.51.100.13 198.51.100.14 198.51.100.15 198.51.100.16 198.51.100.17 198.51.100.18 198.51.100.19 198.51.100.20 198.51.100.21 198.51.100.22 198.51.100.23 198.51.100.24 198.51.100.25 198.51.100.26 198.51.100.27 198.51.100.28 198.51.100.29 198.51.100.30 198.51.100.31 198.51.100.32 198.51.100.33 198.51.100.34 198.51.100.35 198.51.100.36 198.51.100.37 198.51.100.38 198.51.100.39 198.51.100.40 198.51.100.41 198.51.100.42 198.51.100.43 198.51.100.44 198.51.100.45 198.51.100.46 198.51.100.47 198.51.100.48 198.51.100.49 198.51.100.50 198.51.100.51 198.51.100.52 198.51.100.53 198.51.100.54 198.51.100.55
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    notify_master "/etc/keepalived/announce.sh ${PEERS}"
}
```

### Short substitutions
```keepalived
$IFACE=eth0
vrrp_instance VI_1 {
    interface $IFACE
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24 dev $IFACE
    }
}
```

"""##,
        "sync-group-mismatch": ##"""
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

"""##,
        "trailing-junk": ##"""
# trailing-junk (KA206)

Severity: error

A number followed by other characters, such as a unit: `advert_int 1s`, `priority 100;`.
keepalived 2.2.7 does not read the leading digits: it reports `invalid number` (so
`keepalived -t` fails) and keeps the default.

**Fix:** write the bare number (`advert_int` is in seconds; `delay_loop` too).

## Triggers

### A unit after a number
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    advert_int 1s
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A semicolon from another configuration language
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 100;
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A hexadecimal VRID
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 0x33
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### Bare numbers
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    advert_int 1
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A comment right after the number
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority 100# primary
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

"""##,
        "undefined-parameter": ##"""
# undefined-parameter (KA113)

Severity: warning

A `${NAME}` that names no `$NAME=` definition (and no built-in such as `${_INSTANCE}`). keepalived
2.2.7 leaves the text as it is, and since `{` and `}` are block braces outside quotes, the line is
split there: `interface ${IFACE}` becomes `interface $`, `{`, `IFACE`, `}`, which opens and
closes a block and leaves `interface` with the value `$`. A definition must come *before* its
first use; one defined below is undefined where it is used.

**Fix:** define the parameter above its first use (`$IFACE=eth0`), or fix the name's spelling.

## Triggers

### A parameter never defined
```keepalived
vrrp_instance VI_1 {
    interface ${IFACE}
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A parameter defined after its use
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id ${VRID}
    virtual_ipaddress {
        192.0.2.10/24
    }
}
$VRID=51
```

## Does not trigger

### Defined above, used with and without braces
```keepalived
$IFACE=eth0
$VRID=51
vrrp_instance VI_1 {
    interface ${IFACE}
    virtual_router_id $VRID
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Inside double quotes the text stays literal
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    notify "/etc/keepalived/notify.sh ${HOME}"
}
```

"""##,
        "undefined-reference": ##"""
# undefined-reference (KA217)

Severity: error

A `track_script`, `track_file`, `track_process` or `track_bfd` entry, a sync group's `group`
member, a `FILE_CHECK`'s `track_file` or a `BFD_CHECK`'s `name` that names nothing keepalived
finds. keepalived 2.2.7 looks trackers up **the moment it reads the reference**, so a
`vrrp_script` (or `track_file`, `vrrp_track_process`, `bfd_instance`) defined *below* the
instance that uses it is as good as undefined: keepalived logs
`(VI_1) track script chk not found, ignoring...` and the instance runs without that check. A
failing service then never moves the VIP. Sync group members are looked up after the whole file
is read; a name that is no `vrrp_instance` is dropped from the group ("doesn't exist - ignoring").
A checker whose tracker is missing is dropped ("FILE_CHECK has no track_file specified").

When the tracker exists further down, kalint says where and adds a note at the definition.

**Fix:** define trackers before the blocks that use them (the usual layout is `global_defs`,
then `vrrp_script` / `track_file` / `vrrp_track_process` blocks, then instances and sync
groups), and check the spelling of the name.

## Triggers

### A vrrp_script defined after the instance that tracks it
```keepalived
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_script {
        chk_haproxy
    }
}

vrrp_script chk_haproxy {
    script "/usr/bin/pgrep haproxy"
    interval 2
    weight -20
}
```

### A misspelt script name
```keepalived
vrrp_script chk_haproxy {
    script "/usr/bin/pgrep haproxy"
}

vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_script {
        chk_haprxy
    }
}
```

### A sync group member that is no instance
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}

vrrp_sync_group G1 {
    group {
        VI_1
        VI_2
    }
}
```

### A FILE_CHECK following a track_file defined below the virtual_server
```keepalived
virtual_server 192.0.2.100 80 {
    lvs_sched rr
    lvs_method NAT
    protocol TCP
    real_server 198.51.100.21 80 {
        FILE_CHECK {
            track_file web1_state
        }
    }
}

track_file web1_state {
    file /run/keepalived/web1.state
}
```

### A track_process with no vrrp_track_process at all
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_process {
        nginx_running
    }
}
```

## Does not trigger

### Trackers defined above their users
```keepalived
vrrp_script chk_haproxy {
    script "/usr/bin/pgrep haproxy"
    weight -20
}

track_file maintenance {
    file /run/keepalived/maintenance
}

vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_script {
        chk_haproxy
    }
    track_file {
        maintenance weight -50
    }
}
```

### A sync group listed before its instances (resolved after reading)
```keepalived
vrrp_sync_group G1 {
    group {
        VI_OUTSIDE
        VI_INSIDE
    }
}

vrrp_instance VI_OUTSIDE {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}

vrrp_instance VI_INSIDE {
    interface eth1
    virtual_router_id 52
    virtual_ipaddress {
        198.51.100.10/24
    }
}
```

### track_interface naming the instance's own interface
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_interface {
        eth0
        eth1 weight -10
    }
}
```

"""##,
        "unexpected-open-brace": ##"""
# unexpected-open-brace (KA106)

Severity: error

A `{` that follows no keyword that could open a block. keepalived 2.2.7 reports
`Unexpected '{' - ignoring` and reads on at the same level; the matching `}` then closes the
enclosing block early, and the keywords after it land at the wrong level.

**Fix:** remove the stray `{`, or put the block keyword it belongs to on the line before it.

## Triggers

### A brace on its own after a closed block
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    {
        192.0.2.11/24
    }
}
```

### A brace at the start of the file
```keepalived
{
global_defs {
    router_id lb1
}
}
```

## Does not trigger

### The brace of a block keyword on the next line
```keepalived
global_defs
{
    router_id lb1
}
```

### Braces on the keyword's line
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress { 192.0.2.10/24 }
}
```

"""##,
        "unicast-asymmetry": ##"""
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

"""##,
        "unknown-block-keyword": ##"""
# unknown-block-keyword (KA202)

Severity: error

An unknown keyword that opens a block. keepalived 2.2.7 reports `Unknown keyword 'X'` and
ignores the line, then `Unexpected '{' - ignoring` for the brace: the lines of the block are read
**into the enclosing block**, where they are unknown too, and the block's `}` closes the
enclosing block. Everything after it is read one level up. One typo in a block name therefore
breaks the rest of the instance (and often the next blocks too).

**Fix:** correct the block name (`virtual_ipaddress`, `track_script`, `authentication`, ...).

## Triggers

### A misspelt address block
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddresses {
        192.0.2.10/24
    }
    priority 150
}
```

### A misspelt tracking block
```keepalived
vrrp_script chk {
    script "/usr/bin/pgrep haproxy"
}

vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    track_scripts {
        chk
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### Correct block names
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    track_interface {
        eth1
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A known block with its brace on the next line
```keepalived
vrrp_instance VI_1
{
    interface eth0
    virtual_router_id 51
    virtual_ipaddress
    {
        192.0.2.10/24
    }
}
```

"""##,
        "unknown-keyword": ##"""
# unknown-keyword (KA201)

Severity: error

A keyword keepalived 2.2.7 does not know at this block level. It reports
`Unknown keyword 'X'` and ignores the line, so the setting simply does not exist: a misspelt
`virtual_router_id` leaves the instance without a VRID, a keyword put in the wrong block (an
`auth_pass` outside `authentication`) is never applied. kalint suggests the closest keywords and
the blocks where the keyword does belong.

**Fix:** correct the spelling or move the line into the block it belongs to.

## Triggers

### A misspelt keyword
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priorty 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A keyword in the wrong block
```keepalived
global_defs {
    router_id lb1
    virtual_router_id 51
}
```

### An entry written outside its block
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    192.0.2.11/24
}
```

## Does not trigger

### Known keywords at the right level
```keepalived
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

### Addresses inside their block
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    nopreempt
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

"""##,
        "unreadable-file": ##"""
# unreadable-file (KA117)

Severity: error

A configuration file that exists but cannot be read (permissions, a dangling symbolic link, an
I/O error). keepalived 2.2.7 reports `Configuration file '...' open problem (...) - skipping` and
runs without its contents: a file readable by you but not by root under SELinux or AppArmor is the
classic case.

**Fix:** make the file readable by the user keepalived runs as (root), and check its security
context.

## Triggers

### An included file that cannot be read
```keepalived file /etc/keepalived/conf.d/vi_1.conf unreadable
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```
```keepalived
include /etc/keepalived/conf.d/vi_1.conf
```

### One unreadable file among several
```keepalived file /etc/keepalived/conf.d/a.conf
global_defs {
    router_id lb1
}
```
```keepalived file /etc/keepalived/conf.d/b.conf unreadable
vrrp_script chk {
    script "/usr/bin/pgrep haproxy"
}
```
```keepalived
include /etc/keepalived/conf.d/*.conf
```

## Does not trigger

### Readable includes
```keepalived file /etc/keepalived/conf.d/a.conf
global_defs {
    router_id lb1
}
```
```keepalived
include /etc/keepalived/conf.d/*.conf
```

### A single file
```keepalived
global_defs {
    router_id lb1
}
```

"""##,
        "unterminated-quote": ##"""
# unterminated-quote (KA101)

Severity: error

A double quote that is never closed on its line. keepalived 2.2.7 reports
`Unmatched quote: '...'` and drops everything from the quote to the end of the line, so the
keyword loses the argument it was meant to have (a `notify` script without its command, an
`auth_pass` without its password).

Quotes do not span lines in keepalived; there is no way to continue a quoted string.

**Fix:** close the quote on the same line.

## Triggers

### A notify script missing its closing quote
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    notify_master "/etc/keepalived/notify.sh master
}
```

### A quoted password split across lines
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    authentication {
        auth_type PASS
        auth_pass "abc
def"
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### Balanced quotes
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    notify_master "/etc/keepalived/notify.sh master"
}
```

### A quote inside a comment
```keepalived
vrrp_instance VI_1 {
    interface eth0    # the "inside interface
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

"""##,
        "untracked-route": ##"""
# untracked-route (KA243)

Severity: warning

A route with no `dev` (or `oif`) and no `no_track`. keepalived 2.2.7 tracks a route through its
interface (an interface going down takes the route, and with it the instance, down); with no
interface it reports "Warning - cannot track route DEST with no interface specified, not
tracking" and treats the route as `no_track`. A `dev` inside a `nexthop` does not count.

**Fix:** add `dev IFNAME`, or write `no_track` when the route is not meant to be tracked.

## Triggers

### A route with only a gateway
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    virtual_routes {
        198.51.100.0/24 via 192.0.2.254
    }
}
```

## Does not trigger

### A route with its interface, and one marked no_track
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    virtual_routes {
        198.51.100.0/24 via 192.0.2.254 dev eth0
        203.0.113.0/24 via 192.0.2.253 no_track
    }
}
```

"""##,
        "unused-script": ##"""
# unused-script (KA226)

Severity: warning

A `vrrp_script`, `track_file` or `vrrp_track_process` that no `vrrp_instance`, `vrrp_sync_group`
or `FILE_CHECK` names. keepalived 2.2.7 drops an unused `vrrp_script` at start-up
(`Warning - script chk is not used`; `keepalived -t` stops before that check) and never runs it; an unused `track_file` or
`vrrp_track_process` is still watched, but its state changes no priority. Almost always the
tracker was meant to be wired into an instance and the `track_script` block was forgotten (or
went to another node's file), so the failover it was written for never happens.

A tracker named only by a reference *above* its definition is reported by
[undefined-reference](undefined-reference.md) instead: moving it fixes both.

**Fix:** add the tracker to the `track_script` / `track_file` / `track_process` block of the
instance (or sync group) it is for, or delete it.

## Triggers

### A health check no instance tracks
```keepalived
vrrp_script chk_nginx {
    script "/usr/bin/pgrep nginx"
    interval 2
    weight -30
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

### A track_file and a process tracker left over
```keepalived
track_file maintenance {
    file /run/keepalived/maintenance
}

vrrp_track_process haproxy_up {
    process haproxy
    weight -20
}

vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### Every tracker used, one of them by a sync group
```keepalived
vrrp_script chk_nginx {
    script "/usr/bin/pgrep nginx"
    weight -30
}

vrrp_script chk_uplink {
    script "/usr/bin/ping -c1 -W1 192.0.2.1"
}

vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_script {
        chk_nginx
    }
}

vrrp_sync_group G1 {
    group {
        VI_1
    }
    track_script {
        chk_uplink
    }
}
```

### A script named only above its definition (undefined-reference's finding)
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_script {
        chk_nginx
    }
}

vrrp_script chk_nginx {
    script "/usr/bin/pgrep nginx"
}
```

### A track_file followed by a FILE_CHECK
```keepalived
track_file web1_state {
    file /run/keepalived/web1.state
}

virtual_server 192.0.2.100 80 {
    lvs_sched rr
    lvs_method NAT
    protocol TCP
    real_server 198.51.100.21 80 {
        FILE_CHECK {
            track_file web1_state
        }
    }
}
```

"""##,
        "value-out-of-range": ##"""
# value-out-of-range (KA207)

Severity: error

A number outside the range keepalived accepts for the keyword. keepalived 2.2.7 reports it
(`number 'X' outside range [MIN, MAX]`, so `keepalived -t` fails) and ignores the value: the
default is used instead, which is rarely what the large or small number meant.

**Fix:** use a value inside the range shown in the message.

## Triggers

### A TTL above 255
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    unicast_ttl 300
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### down_timer_adverts of 0
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    down_timer_adverts 0
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### Values in range
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    unicast_ttl 64
    down_timer_adverts 5
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### The extremes of the range
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    unicast_ttl 255
    down_timer_adverts 100
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

"""##,
        "version-mismatch": ##"""
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

"""##,
        "vip-set-mismatch": ##"""
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

"""##,
        "vmac-without-interface": ##"""
# vmac-without-interface (KA254)

Severity: warning

A virtual MAC (`use_vmac`) or ipvlan (`use_ipvlan`) interface is made on top of the instance's
`interface`. keepalived 2.2.7 reports "(NAME): Cannot use VMAC/ipvlan with unicast and no
interface - clearing use_vmac" for a unicast instance without one, and runs it with the
interface's own MAC: neighbours keep the old MAC after a failover until their ARP entries age.

Fix: add `interface IFNAME`, the interface the peers are reached through.

## Triggers

### Unicast with use_vmac and no interface

```keepalived
vrrp_instance VI_1 {
    virtual_router_id 51
    use_vmac
    unicast_src_ip 192.0.2.1
    unicast_peer {
        192.0.2.2
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### With the interface

```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    use_vmac
    unicast_src_ip 192.0.2.1
    unicast_peer {
        192.0.2.2
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

"""##,
        "vrid-collision": ##"""
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

"""##,
        "vrid-mismatch": ##"""
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

"""##,
        "vrid-range": ##"""
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

"""##,
        "vrrp-strict-conflict": ##"""
# vrrp-strict-conflict (KA232)

Severity: warning

`vrrp_strict` in `global_defs` (or `strict_mode` in one instance) makes keepalived follow the
VRRP RFCs to the letter. keepalived 2.2.7 then overrides, ignores or refuses settings the RFCs
do not allow, each with its own log line, and the instance does something else than the file
says:

| Setting | What keepalived 2.2.7 does under strict mode |
|---|---|
| `authentication` | ignored: adverts carry no authentication |
| `unicast_peer` | refused: the VRRP process stops when the interface can multicast (`keepalived -t` does not notice) |
| no `virtual_ipaddress` | refused: "No VIP specified; at least one is required", the VRRP process stops |
| `state MASTER` with priority below 255 (or `BACKUP` with 255) | the state follows the priority: MASTER only as address owner |
| `version 2` with IPv6 VIPs | version 3 is used |
| first IPv6 VIP not link-local | a configuration error (`keepalived -t` fails); the instance still runs |
| `preempt_delay` | reset to 0: it preempts at once |
| `down_timer_adverts` other than 3 | reset to 3 |
| `use_vmac` with a MAC address | the MAC is cleared: 00:00:5e:00:01:VRID is used |
| `vmac_xmit_base` | reset: adverts leave from the VMAC |
| `accept` with VRRP version 2 (not owner) | reset: traffic to the VIPs is not accepted |
| `garp_lower_prio_repeat` / `garp_lower_prio_delay` | reset to 0 |
| `lower_prio_no_advert false` / `higher_prio_send_advert` | reset |

`nopreempt` is allowed in strict mode (keepalived 2.2.7 only clears it with `state MASTER` or
priority 255, which [nopreempt-ignored](nopreempt-ignored.md) reports).

**Fix:** drop the setting, or drop `vrrp_strict` (many deployments only wanted its firewall
rules; `strict_mode off` exempts one instance).

## Triggers

### Authentication and a non-owner MASTER under vrrp_strict
```keepalived
global_defs {
    vrrp_strict
}

vrrp_instance VI_1 {
    state MASTER
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

### Unicast peers in a strict instance
```keepalived
vrrp_instance VI_1 {
    strict_mode on
    interface eth0
    virtual_router_id 51
    priority 100
    unicast_src_ip 192.0.2.2
    unicast_peer {
        192.0.2.3
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### preempt_delay and down_timer_adverts
```keepalived
global_defs {
    vrrp_strict
}

vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
    preempt_delay 30
    down_timer_adverts 5
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### IPv6 with version 2 and a global first VIP
```keepalived
global_defs {
    vrrp_strict
}

vrrp_instance VI_6 {
    interface eth0
    virtual_router_id 61
    version 2
    virtual_ipaddress {
        2001:db8::10/64
    }
}
```

## Does not trigger

### A strict instance that follows the RFCs
```keepalived
global_defs {
    vrrp_strict
}

vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
    nopreempt
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### The address owner as MASTER, and an IPv6 instance with a link-local first VIP
```keepalived
global_defs {
    vrrp_strict
}

vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 255
    virtual_ipaddress {
        192.0.2.10/24
    }
}

vrrp_instance VI_6 {
    interface eth0
    virtual_router_id 61
    virtual_ipaddress {
        fe80::10/64
        2001:db8::10/64
    }
}
```

### strict_mode off exempts an instance with authentication and unicast
```keepalived
global_defs {
    vrrp_strict
}

vrrp_instance VI_1 {
    strict_mode off
    interface eth0
    virtual_router_id 51
    authentication {
        auth_type PASS
        auth_pass s3cret
    }
    unicast_peer {
        192.0.2.3
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Authentication without strict mode (not this rule's business)
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

"""##,
        "wrong-case": ##"""
# wrong-case (KA204)

Severity: error

keepalived compares keywords and enumerated values case-sensitively. `state master`,
`auth_type pass` or `lvs_method nat` are not the values `MASTER`, `PASS` or `NAT`: keepalived 2.2.7
ignores the value (or reports the keyword as unknown, for `Priority 100`) and uses its default.
`state master` means BACKUP.

**Fix:** write the keyword or value in the case keepalived expects; `kalint --fix` does it.

## Triggers

### A lower-case state
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    state master
    priority 150
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### A lower-case authentication type
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    authentication {
        auth_type pass
        auth_pass s3cret
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

## Does not trigger

### Upper-case values
```keepalived
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    state MASTER
    priority 150
    authentication {
        auth_type PASS
        auth_pass s3cret
    }
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

### Lower-case words that are names, not values
```keepalived
vrrp_instance vi_master {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24
    }
}
```

"""##,
    ]
}
