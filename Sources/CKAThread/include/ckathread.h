#ifndef CKATHREAD_H
#define CKATHREAD_H

/// The CPU the calling thread is running on at this moment, or -1 where that is not known.
int ka_current_cpu(void);

/// Restricts the calling thread to the CPUs it may use now, less `cpu`, when that leaves at
/// least one: returns 1 when it did, 0 when it changed nothing (`cpu` not among them, a single
/// CPU, more CPUs than a fixed-size set holds, or not Linux).
int ka_avoid_cpu(int cpu);

/// Whether the calling thread may run on `cpu`: 1 yes, 0 no, -1 not known.
int ka_may_run_on(int cpu);

#endif
