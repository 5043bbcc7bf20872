// libnl-3 / libnl-route-3 headers karun uses. Small static inline helpers live here only where a
// libnl entry point is a macro or variadic and so cannot be called from Swift.
#ifndef KARUN_CNETLINK_SHIM_H
#define KARUN_CNETLINK_SHIM_H

#include <netlink/netlink.h>
#include <netlink/socket.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/cache.h>
#include <netlink/route/link.h>
#include <netlink/route/link/macvlan.h>
#include <netlink/route/link/inet.h>
#include <netlink/route/link/inet6.h>
#include <netlink/route/addr.h>
#include <netlink/route/route.h>
#include <netlink/route/rule.h>
#include <linux/rtnetlink.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/ip.h>

#endif
