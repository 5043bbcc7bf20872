#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "ckathread.h"

#ifdef __linux__
#include <sched.h>

int ka_current_cpu(void) {
    return sched_getcpu();
}

int ka_avoid_cpu(int cpu) {
    if (cpu < 0 || cpu >= CPU_SETSIZE) return 0;
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    // Fails (EINVAL) on a machine with more CPUs than a cpu_set_t holds: nothing changes.
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return 0;
    if (!CPU_ISSET(cpu, &allowed) || CPU_COUNT(&allowed) < 2) return 0;
    CPU_CLR(cpu, &allowed);
    return sched_setaffinity(0, sizeof allowed, &allowed) == 0;
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
int ka_avoid_cpu(int cpu) { (void)cpu; return 0; }
int ka_may_run_on(int cpu) { (void)cpu; return -1; }
#endif
