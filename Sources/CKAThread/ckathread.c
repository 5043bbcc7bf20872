#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "ckathread.h"

#ifdef __linux__
#include <sched.h>

/// The CPUs the calling thread had before `ka_hold_on_cpu`, while it is held.
static __thread cpu_set_t held_from;
static __thread int is_held;

int ka_current_cpu(void) {
    return sched_getcpu();
}

/// The calling thread's CPUs in `*allowed` when `cpu` is one of at least two of them.
static int allowed_with_another(int cpu, cpu_set_t *allowed) {
    if (cpu < 0 || cpu >= CPU_SETSIZE) return 0;
    CPU_ZERO(allowed);
    // Fails (EINVAL) on a machine with more CPUs than a cpu_set_t holds: nothing changes.
    if (sched_getaffinity(0, sizeof *allowed, allowed) != 0) return 0;
    return CPU_ISSET(cpu, allowed) && CPU_COUNT(allowed) >= 2;
}

int ka_hold_on_cpu(int cpu) {
    cpu_set_t allowed;
    if (is_held || !allowed_with_another(cpu, &allowed)) return 0;
    cpu_set_t only;
    CPU_ZERO(&only);
    CPU_SET(cpu, &only);
    if (sched_setaffinity(0, sizeof only, &only) != 0) return 0;
    held_from = allowed;
    is_held = 1;
    return 1;
}

void ka_release_cpu(void) {
    if (!is_held) return;
    is_held = 0;
    (void)sched_setaffinity(0, sizeof held_from, &held_from);
}

int ka_thread_attributes(pthread_attr_t *attributes, int avoid) {
    cpu_set_t allowed;
    if (is_held) {
        allowed = held_from;
    } else {
        if (avoid < 0 || avoid >= CPU_SETSIZE) return 0;
        CPU_ZERO(&allowed);
        if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return 0;
    }
    if (avoid >= 0 && avoid < CPU_SETSIZE && CPU_ISSET(avoid, &allowed) && CPU_COUNT(&allowed) >= 2) {
        CPU_CLR(avoid, &allowed);
    } else if (!is_held) {
        return 0;
    }
    return pthread_attr_setaffinity_np(attributes, sizeof allowed, &allowed) == 0;
}

int ka_may_run_on(int cpu) {
    if (cpu < 0 || cpu >= CPU_SETSIZE) return -1;
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return -1;
    return CPU_ISSET(cpu, &allowed) ? 1 : 0;
}
#else
int ka_current_cpu(void) { return -1; }
int ka_hold_on_cpu(int cpu) { (void)cpu; return 0; }
void ka_release_cpu(void) {}
int ka_thread_attributes(pthread_attr_t *attributes, int avoid) { (void)attributes; (void)avoid; return 0; }
int ka_may_run_on(int cpu) { (void)cpu; return -1; }
#endif
