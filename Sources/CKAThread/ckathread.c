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

/// Whether `cpu` is in `set` with at least one other CPU (so that it can be left out).
static int leaves_another(int cpu, const cpu_set_t *set) {
    return cpu >= 0 && cpu < CPU_SETSIZE && CPU_ISSET(cpu, set) && CPU_COUNT(set) >= 2;
}

/// The calling thread's CPUs in `*allowed` (0 when they cannot be read: on a machine with more
/// CPUs than a cpu_set_t holds, EINVAL, and nothing changes).
static int own_cpus(cpu_set_t *allowed) {
    CPU_ZERO(allowed);
    return sched_getaffinity(0, sizeof *allowed, allowed) == 0;
}

int ka_hold_on_cpu(int cpu) {
    cpu_set_t allowed;
    if (is_held || !own_cpus(&allowed) || !leaves_another(cpu, &allowed)) return 0;
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
    } else if (!own_cpus(&allowed) || !leaves_another(avoid, &allowed)) {
        return 0;  // the new thread inherits the caller's CPUs
    }
    if (leaves_another(avoid, &allowed)) CPU_CLR(avoid, &allowed);
    return pthread_attr_setaffinity_np(attributes, sizeof allowed, &allowed) == 0;
}

int ka_may_run_on(int cpu) {
    cpu_set_t allowed;
    if (cpu < 0 || cpu >= CPU_SETSIZE || !own_cpus(&allowed)) return -1;
    return CPU_ISSET(cpu, &allowed) ? 1 : 0;
}
#else
int ka_current_cpu(void) { return -1; }
int ka_hold_on_cpu(int cpu) { (void)cpu; return 0; }
void ka_release_cpu(void) {}
int ka_thread_attributes(pthread_attr_t *attributes, int avoid) { (void)attributes; (void)avoid; return 0; }
int ka_may_run_on(int cpu) { (void)cpu; return -1; }
#endif
