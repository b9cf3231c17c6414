/*
 * C reference pipeline: the spandsp calls of one Kefu channel per tick.
 *
 *   dtmf_rx                 spandsp's own DTMF receiver (Kefu's Swift side
 *                           runs its own detector instead; see docs/performance.md)
 *   super_tone_rx           China plan, built exactly as ToneDetector.swift
 *                           builds it, fed in slices ending on 128-sample
 *                           chunk boundaries as ToneDetector does
 *   modem_connect_tones_rx  MODEM_CONNECT_TONES_FAX_CNG and _ANS
 *
 * Callbacks only count, so the C side does no more than the spandsp work.
 */
#include <stdlib.h>
#include <string.h>
#include <spandsp.h>

#include "cref_pipeline.h"

struct cref_pipeline {
    dtmf_rx_state_t *dtmf;
    super_tone_rx_descriptor_t *desc;
    super_tone_rx_state_t *tones;
    modem_connect_tones_rx_state_t *cng;
    modem_connect_tones_rx_state_t *ans;
    long long position;            /* samples fed to super_tone_rx */
    char digits[MAX_DTMF_DIGITS + 1];
    cref_counts counts;
};

/* ToneDetector.window: ±max(20 %, 60 ms), never below 16 ms. */
static void window(int ms, int *lo, int *hi)
{
    int slack = (int) ((double) ms * 0.2);
    if (slack < 60)
        slack = 60;
    *lo = ms - slack < 16 ? 16 : ms - slack;
    *hi = ms + slack;
}

/* China (YD/T 1258): all tones 450 Hz. on_ms 0 = continuous. */
static const struct { int f1, f2, on_ms, off_ms, cycles; } china[] = {
    {450, 0, 0, 0, 1},         /* dialtone */
    {450, 0, 350, 350, 2},     /* busy */
    {450, 0, 700, 700, 2},     /* congestion */
    {450, 0, 1000, 4000, 1},   /* ringback */
};
#define CONTINUOUS_MS 1000
#define GUARD_HZ 1900

static super_tone_rx_descriptor_t *china_descriptor(void)
{
    super_tone_rx_descriptor_t *d = super_tone_rx_make_descriptor(NULL);
    if (d == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof(china) / sizeof(china[0]); i++) {
        int tone = super_tone_rx_add_tone(d);
        if (china[i].on_ms > 0) {
            int on_lo, on_hi, off_lo, off_hi;
            window(china[i].on_ms, &on_lo, &on_hi);
            window(china[i].off_ms, &off_lo, &off_hi);
            for (int c = 0; c < china[i].cycles; c++) {
                super_tone_rx_add_element(d, tone, china[i].f1, china[i].f2, on_lo, on_hi);
                super_tone_rx_add_element(d, tone, 0, 0, off_lo, off_hi);
            }
        } else {
            super_tone_rx_add_element(d, tone, china[i].f1, china[i].f2, CONTINUOUS_MS, 0);
        }
    }
    int guard = super_tone_rx_add_tone(d);
    super_tone_rx_add_element(d, guard, GUARD_HZ, 0, 200000000, 0);
    return d;
}

static void tone_report(void *user, int code, int level, int delay)
{
    cref_pipeline *p = user;
    (void) level; (void) delay;
    if (code >= 0)
        p->counts.tone_reports++;
    else
        p->counts.tone_ends++;
}

static void segment_report(void *user, int f1, int f2, int duration)
{
    cref_pipeline *p = user;
    (void) f1; (void) f2; (void) duration;
    p->counts.segments++;
}

static void cng_report(void *user, int code, int level, int delay)
{
    (void) level; (void) delay;
    if (code != MODEM_CONNECT_TONES_NONE)
        ((cref_pipeline *) user)->counts.fax_cng++;
}

static void ans_report(void *user, int code, int level, int delay)
{
    (void) level; (void) delay;
    if (code != MODEM_CONNECT_TONES_NONE)
        ((cref_pipeline *) user)->counts.fax_ans++;
}

cref_pipeline *cref_pipeline_new(void)
{
    cref_pipeline *p = calloc(1, sizeof(*p));
    if (p == NULL)
        return NULL;
    p->dtmf = dtmf_rx_init(NULL, NULL, NULL);
    p->desc = china_descriptor();
    if (p->desc)
        p->tones = super_tone_rx_init(NULL, p->desc, tone_report, p);
    if (p->tones)
        super_tone_rx_segment_callback(p->tones, segment_report);
    p->cng = modem_connect_tones_rx_init(NULL, MODEM_CONNECT_TONES_FAX_CNG, cng_report, p);
    p->ans = modem_connect_tones_rx_init(NULL, MODEM_CONNECT_TONES_ANS, ans_report, p);
    if (!p->dtmf || !p->tones || !p->cng || !p->ans) {
        cref_pipeline_free(p);
        return NULL;
    }
    return p;
}

void cref_pipeline_free(cref_pipeline *p)
{
    if (p == NULL)
        return;
    if (p->dtmf) dtmf_rx_free(p->dtmf);
    if (p->tones) super_tone_rx_free(p->tones);
    if (p->desc) super_tone_rx_free_descriptor(p->desc);
    if (p->cng) modem_connect_tones_rx_free(p->cng);
    if (p->ans) modem_connect_tones_rx_free(p->ans);
    free(p);
}

void cref_pipeline_process(cref_pipeline *p, const int16_t *amp, int n)
{
    dtmf_rx(p->dtmf, amp, n);
    /* Digits queue inside dtmf_rx (no callback); take them each tick, as
       the Swift side empties its event buffer. */
    p->counts.dtmf_digits += (int) dtmf_rx_get(p->dtmf, p->digits, MAX_DTMF_DIGITS);

    for (int done = 0; done < n; ) {
        int room = 128 - (int) (p->position % 128);
        int k = n - done < room ? n - done : room;
        p->position += k;
        super_tone_rx(p->tones, amp + done, k);
        done += k;
    }

    modem_connect_tones_rx(p->cng, amp, n);
    modem_connect_tones_rx(p->ans, amp, n);
}

void cref_run(cref_pipeline *p, const int16_t *audio, int total_samples)
{
    int i = 0;
    for (; i + CREF_BLOCK <= total_samples; i += CREF_BLOCK)
        cref_pipeline_process(p, audio + i, CREF_BLOCK);
    if (i < total_samples)
        cref_pipeline_process(p, audio + i, total_samples - i);
}

cref_counts cref_pipeline_counts(const cref_pipeline *p)
{
    return p->counts;
}
