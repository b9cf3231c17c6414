/*
 * C reference for one channel's detector pipeline, as Kefu's ChannelDSP
 * runs it, but in plain C: spandsp's dtmf_rx, super_tone_rx programmed with
 * the China tone plan (same descriptor as Sources/DSP/ToneDetector.swift),
 * and modem_connect_tones_rx for fax CNG and ANS. Used by the benchmarks to
 * price the Swift pipeline against the same spandsp work done from C.
 */
#ifndef CREF_PIPELINE_H
#define CREF_PIPELINE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Samples per tick, as a DAHDI channel delivers them (20 ms at 8 kHz). */
#define CREF_BLOCK 160

typedef struct cref_pipeline cref_pipeline;

/* Allocates every detector state once. NULL on failure. */
cref_pipeline *cref_pipeline_new(void);
void cref_pipeline_free(cref_pipeline *p);

/* Runs every detector over one block of n samples (n <= CREF_BLOCK usual). */
void cref_pipeline_process(cref_pipeline *p, const int16_t *amp, int n);

/* Processes a whole buffer in CREF_BLOCK-sample blocks, all in C. */
void cref_run(cref_pipeline *p, const int16_t *audio, int total_samples);

/* What the detectors reported so far (for sanity checks, not timing). */
typedef struct {
    int dtmf_digits;      /* digits dtmf_rx delivered */
    int tone_reports;     /* super_tone_rx tone callbacks with code >= 0 */
    int tone_ends;        /* ... with code < 0 */
    int segments;         /* super_tone_rx segment callbacks */
    int fax_cng;          /* CNG on-reports */
    int fax_ans;          /* ANS on-reports */
} cref_counts;

cref_counts cref_pipeline_counts(const cref_pipeline *p);

#ifdef __cplusplus
}
#endif

#endif
