#define _GNU_SOURCE
#include "CLinuxRT.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

int clinuxrt_set_fifo(int priority)
{
    struct sched_param param = { .sched_priority = priority };
    return pthread_setschedparam(pthread_self(), SCHED_FIFO, &param);
}

int clinuxrt_current_policy(void)
{
    int policy = 0;
    struct sched_param param;
    if (pthread_getschedparam(pthread_self(), &policy, &param) != 0)
        return -1;
    return policy;
}

int clinuxrt_pin_to_cpu(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
}

int clinuxrt_lock_memory(void)
{
    return mlockall(MCL_CURRENT | MCL_FUTURE) == 0 ? 0 : errno;
}

int clinuxrt_unlock_memory(void)
{
    return munlockall() == 0 ? 0 : errno;
}

int clinuxrt_timer_create(int64_t period_ns, int *fd_out)
{
    if (period_ns <= 0)
        return EINVAL; /* a zero period would disarm the timer and wait forever */
    int fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    if (fd < 0)
        return errno;
    struct itimerspec spec;
    spec.it_interval.tv_sec = period_ns / 1000000000;
    spec.it_interval.tv_nsec = period_ns % 1000000000;
    spec.it_value = spec.it_interval;
    if (timerfd_settime(fd, 0, &spec, NULL) != 0) {
        int err = errno;
        close(fd);
        return err;
    }
    *fd_out = fd;
    return 0;
}

int clinuxrt_timer_wait(int fd, uint64_t *expirations_out)
{
    for (;;) {
        ssize_t n = read(fd, expirations_out, sizeof(*expirations_out));
        if (n == (ssize_t) sizeof(*expirations_out))
            return 0;
        if (n < 0 && errno == EINTR)
            continue;
        return n < 0 ? errno : EIO;
    }
}

int clinuxrt_timer_close(int fd)
{
    return close(fd) == 0 ? 0 : errno;
}

int64_t clinuxrt_monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int clinuxrt_open_pty(int *controller_out, char *device_name, size_t name_length)
{
    int fd = posix_openpt(O_RDWR | O_NOCTTY);
    if (fd < 0)
        return errno;
    int err = 0;
    if (fcntl(fd, F_SETFD, FD_CLOEXEC) != 0 || grantpt(fd) != 0 || unlockpt(fd) != 0)
        err = errno;
    else
        err = ptsname_r(fd, device_name, name_length); /* returns the error itself */
    if (err != 0) {
        close(fd);
        return err;
    }
    *controller_out = fd;
    return 0;
}
