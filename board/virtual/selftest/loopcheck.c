/*
 * board/virtual/selftest/loopcheck.c — checks the virtual board from inside the guest.
 *
 * Built on the host by selftest.sh (dynamically linked; it runs through the guest's chroot of the
 * host root), run on the board by run.sh. Checks, printing one "ok"/"FAIL" line each:
 *   - channels 1-8 have the signalling and span of guest/system.conf;
 *   - the spans are wired channel n <-> n+4: the exchange (5) rings line 1 and Kefu's FXO side (1)
 *     sees RINGBEGIN, then answers and the exchange sees RINGOFFHOOK; Kefu's FXS port (3) rings
 *     the phone (7), the phone goes off hook and port 3 sees RINGOFFHOOK;
 *   - the channels not involved (2, 4, 6, 8) saw no hook events.
 * It waits 2.1 s after opening the channels: DAHDI ignores ringing on an fxs-signalled channel for
 * 2 s after it is opened (opening hangs it up).
 * RING needs a loaded tone zone, so a passing ring also shows that loadzone worked.
 * Exit status: the number of failed checks.
 *
 * Build: gcc -O2 -Wall -I/usr/src/dahdi-<version>/include -o loopcheck loopcheck.c
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>
#include <dahdi/user.h>

static int failures;

static void check(int ok, const char *what, const char *detail)
{
	printf("%s %s%s%s\n", ok ? "ok  " : "FAIL", what, *detail ? ": " : "", detail);
	if (!ok)
		failures++;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static const char *sig_name(int sig)
{
	switch (sig) {
	case DAHDI_SIG_FXSKS: return "fxsks";
	case DAHDI_SIG_FXOKS: return "fxoks";
	case DAHDI_SIG_FXSLS: return "fxsls";
	case DAHDI_SIG_FXOLS: return "fxols";
	case DAHDI_SIG_NONE: return "unconfigured";
	default: return "other";
	}
}

static const char *event_name(int e)
{
	switch (e) {
	case DAHDI_EVENT_ONHOOK: return "ONHOOK";
	case DAHDI_EVENT_RINGOFFHOOK: return "RINGOFFHOOK";
	case DAHDI_EVENT_WINKFLASH: return "WINKFLASH";
	case DAHDI_EVENT_ALARM: return "ALARM";
	case DAHDI_EVENT_NOALARM: return "NOALARM";
	case DAHDI_EVENT_HOOKCOMPLETE: return "HOOKCOMPLETE";
	case DAHDI_EVENT_RINGERON: return "RINGERON";
	case DAHDI_EVENT_RINGEROFF: return "RINGEROFF";
	case DAHDI_EVENT_RINGBEGIN: return "RINGBEGIN";
	default: return "other";
	}
}

static int open_channel(int channo)
{
	/* O_NONBLOCK: RING returns EINPROGRESS at once (success) instead of blocking. */
	int fd = open("/dev/dahdi/channel", O_RDWR | O_NONBLOCK);
	if (fd < 0 || ioctl(fd, DAHDI_SPECIFY, &channo) < 0) {
		printf("FAIL open channel %d: %s\n", channo, strerror(errno));
		failures++;
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

/* Waits up to ms for event `want` on fd; returns the delay in ms or -1. Other events are listed in seen. */
static double wait_event(int fd, int want, int ms, char *seen, size_t seen_len)
{
	double start = now_ms();
	seen[0] = 0;
	for (;;) {
		int left = ms - (int)(now_ms() - start), e = 0;
		struct pollfd p = { .fd = fd, .events = POLLPRI };
		if (left <= 0 || poll(&p, 1, left) <= 0)
			return -1;
		if (ioctl(fd, DAHDI_GETEVENT, &e) < 0 || e == DAHDI_EVENT_NONE)
			continue;
		if (e == want)
			return now_ms() - start;
		snprintf(seen + strlen(seen), seen_len - strlen(seen), " %s", event_name(e));
	}
}

static int hook(int fd, int op)
{
	return ioctl(fd, DAHDI_HOOK, &op) == 0 || errno == EINPROGRESS;
}

/* The one who rings (`ringer`) and the one who answers (`ringee`) on either end of a wire. */
static void ring_and_answer(const char *what, int *fd, int ringer, int ringee)
{
	char seen[256], detail[400];
	double t;

	if (!hook(fd[ringer], DAHDI_RING)) {
		snprintf(detail, sizeof detail, "DAHDI_HOOK RING on channel %d: %s", ringer, strerror(errno));
		check(0, what, detail);
		return;
	}
	t = wait_event(fd[ringee], DAHDI_EVENT_RINGBEGIN, 2000, seen, sizeof seen);
	snprintf(detail, sizeof detail, "channel %d RING -> channel %d RINGBEGIN %s%.0f ms%s%s", ringer, ringee,
		 t < 0 ? "missing after " : "in ", t < 0 ? 2000 : t, *seen ? "; other events:" : "", seen);
	check(t >= 0, what, detail);

	if (!hook(fd[ringee], DAHDI_OFFHOOK)) {
		snprintf(detail, sizeof detail, "DAHDI_HOOK OFFHOOK on channel %d: %s", ringee, strerror(errno));
		check(0, what, detail);
		return;
	}
	t = wait_event(fd[ringer], DAHDI_EVENT_RINGOFFHOOK, 2000, seen, sizeof seen);
	snprintf(detail, sizeof detail, "channel %d OFFHOOK -> channel %d RINGOFFHOOK %s%.0f ms%s%s", ringee, ringer,
		 t < 0 ? "missing after " : "in ", t < 0 ? 2000 : t, *seen ? "; other events:" : "", seen);
	check(t >= 0, what, detail);
}

int main(void)
{
	static const struct { int span, sig; const char *role; } want[9] = {
		[1] = { 1, DAHDI_SIG_FXSKS, "line 1, Kefu's FXO port" },
		[2] = { 1, DAHDI_SIG_FXSKS, "line 2, Kefu's FXO port" },
		[3] = { 1, DAHDI_SIG_FXOKS, "port 3, Kefu's FXS port" },
		[4] = { 1, DAHDI_SIG_FXOKS, "port 4, Kefu's FXS port" },
		[5] = { 2, DAHDI_SIG_FXOKS, "exchange side of line 1" },
		[6] = { 2, DAHDI_SIG_FXOKS, "exchange side of line 2" },
		[7] = { 2, DAHDI_SIG_FXSKS, "phone on port 3" },
		[8] = { 2, DAHDI_SIG_FXSKS, "phone on port 4" },
	};
	int fd[9], n, e;
	struct dahdi_versioninfo vi;
	char what[80], detail[200];

	setvbuf(stdout, NULL, _IOLBF, 0);
	n = open("/dev/dahdi/ctl", O_RDWR);
	if (n >= 0 && ioctl(n, DAHDI_GETVERSION, &vi) == 0)
		printf("DAHDI %s (echo canceller: %s)\n", vi.version, vi.echo_canceller);
	if (n >= 0)
		close(n);

	for (n = 1; n <= 8; n++) {
		struct dahdi_params p;
		if ((fd[n] = open_channel(n)) < 0)
			return failures;
		memset(&p, 0, sizeof p);
		snprintf(what, sizeof what, "channel %d (%s)", n, want[n].role);
		if (ioctl(fd[n], DAHDI_GET_PARAMS, &p) < 0) {
			snprintf(detail, sizeof detail, "DAHDI_GET_PARAMS: %s", strerror(errno));
			check(0, what, detail);
			continue;
		}
		snprintf(detail, sizeof detail, "span %d %s %s, want span %d %s", p.spanno, p.name,
			 sig_name(p.sigtype), want[n].span, sig_name(want[n].sig));
		check(p.spanno == want[n].span && p.sigtype == want[n].sig, what, detail);
		while (ioctl(fd[n], DAHDI_GETEVENT, &e) == 0 && e != DAHDI_EVENT_NONE)
			; /* events left from configuration */
	}

	/* Opening an fxs-signalled channel hangs it up, and for 2 s after a hang-up DAHDI ignores
	 * ringing on it (RING_DEBOUNCE_TIME): no RINGBEGIN would arrive. */
	usleep(2100 * 1000);
	ring_and_answer("exchange rings line 1, Kefu answers", fd, 5, 1);
	ring_and_answer("Kefu rings the phone on port 3, it answers", fd, 3, 7);

	for (n = 2; n <= 8; n += 2) {
		char seen[256] = "";
		while (ioctl(fd[n], DAHDI_GETEVENT, &e) == 0 && e != DAHDI_EVENT_NONE)
			if (e == DAHDI_EVENT_RINGBEGIN || e == DAHDI_EVENT_RINGOFFHOOK || e == DAHDI_EVENT_ONHOOK)
				snprintf(seen + strlen(seen), sizeof seen - strlen(seen), " %s", event_name(e));
		snprintf(what, sizeof what, "channel %d stays idle", n);
		snprintf(detail, sizeof detail, "%s%s", *seen ? "saw" : "", seen);
		check(!*seen, what, detail);
	}
	for (n = 1; n <= 8; n++)
		close(fd[n]);
	printf("%s: %d failed\n", failures ? "FAIL" : "PASS", failures);
	return failures;
}
