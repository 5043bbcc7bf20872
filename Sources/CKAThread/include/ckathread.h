#ifndef CKATHREAD_H
#define CKATHREAD_H

#include <pthread.h>

/// The CPU the calling thread is running on at this moment, or -1 where that is not known.
int ka_current_cpu(void);

/// Restricts the calling thread to the CPUs it may use now, less `cpu`, when that leaves at
/// least one: returns 1 when it did, 0 when it changed nothing (`cpu` not among them, a single
/// CPU, more CPUs than a fixed-size set holds, or not Linux).
int ka_avoid_cpu(int cpu);

/// Restricts the calling thread to `cpu` alone, when it may run there and on another CPU too,
/// until `ka_release_cpu`: returns 1 when it did, 0 when it changed nothing (or it is held
/// already). What it may run on now is kept for the thread (thread-local).
int ka_hold_on_cpu(int cpu);

/// Gives a held calling thread back the CPUs it had before `ka_hold_on_cpu`.
void ka_release_cpu(void);

/// For a thread the calling thread starts: when the caller is held, sets `attributes` to the
/// CPUs the caller had before it was held (a new thread would otherwise inherit the one CPU).
/// Returns 1 when it set them.
int ka_unheld_thread_attributes(pthread_attr_t *attributes);

/// Whether the calling thread may run on `cpu`: 1 yes, 0 no, -1 not known.
int ka_may_run_on(int cpu);

#endif
