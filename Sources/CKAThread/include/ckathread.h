#ifndef CKATHREAD_H
#define CKATHREAD_H

#include <pthread.h>

/// The CPU the calling thread is running on at this moment, or -1 where that is not known.
int ka_current_cpu(void);

/// Restricts the calling thread to `cpu` alone, when it may run there and on another CPU too,
/// until `ka_release_cpu`: returns 1 when it did, 0 when it changed nothing (or it is held
/// already). What it may run on now is kept for the thread (thread-local).
int ka_hold_on_cpu(int cpu);

/// Gives a held calling thread back the CPUs it had before `ka_hold_on_cpu`.
void ka_release_cpu(void);

/// For a thread the calling thread starts: sets `attributes` to the CPUs the caller may run on
/// (those it had before `ka_hold_on_cpu`, when it is held), less `avoid` when that leaves at
/// least one (-1: none). The kernel then places the thread on one of them from its start: a
/// thread that changed its own CPUs as it began could wait for its creator's CPU first.
/// Returns 1 when it set them, 0 when the attributes are left as they are.
int ka_thread_attributes(pthread_attr_t *attributes, int avoid);

/// Whether the calling thread may run on `cpu`: 1 yes, 0 no, -1 not known.
int ka_may_run_on(int cpu);

#endif
