/*
 * CLinuxRT — why this shim exists
 *
 * The media loop runs on one real-time thread: SCHED_FIFO, memory locked,
 * optionally pinned to a CPU, paced by a timerfd when the board does not pace
 * it. CPU_ZERO/CPU_SET are macros and sched_param/timerfd flags are awkward
 * from Swift, so each call is one small function here. Every function returns
 * 0 on success or an errno value (never -1 with errno), so Swift turns the
 * result into a typed error without touching errno.
 */
#ifndef KEFU_CLINUXRT_H
#define KEFU_CLINUXRT_H
#include <stddef.h>
#include <stdint.h>

/* Make the calling thread SCHED_FIFO at `priority` (1..99). */
int clinuxrt_set_fifo(int priority);
/* Return the calling thread's scheduling policy (SCHED_OTHER=0, SCHED_FIFO=1, ...). */
int clinuxrt_current_policy(void);
/* Pin the calling thread to one CPU. */
int clinuxrt_pin_to_cpu(int cpu);
/* mlockall(MCL_CURRENT | MCL_FUTURE). */
int clinuxrt_lock_memory(void);
/* munlockall(). */
int clinuxrt_unlock_memory(void);

/* A periodic CLOCK_MONOTONIC timerfd; *fd_out receives the descriptor. */
int clinuxrt_timer_create(int64_t period_ns, int *fd_out);
/* Block until the timer fires; *expirations_out receives how many periods
   passed since the last wait (more than 1 means ticks were missed). */
int clinuxrt_timer_wait(int fd, uint64_t *expirations_out);
/* Close the timer. */
int clinuxrt_timer_close(int fd);
/* CLOCK_MONOTONIC in nanoseconds. */
int64_t clinuxrt_monotonic_ns(void);

/* A new pseudo-terminal pair (posix_openpt, grantpt, unlockpt, ptsname_r) for
   tests that drive a terminal program: *controller_out receives the controller
   descriptor (close-on-exec), device_name the NUL-terminated path of the tty
   to open (e.g. /dev/pts/3); ERANGE when name_length is too short. */
int clinuxrt_open_pty(int *controller_out, char *device_name, size_t name_length);

#endif
