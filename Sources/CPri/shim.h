/*
 * CPri — why this shim exists
 *
 * The PRISignalling target runs ISDN PRI (Q.921/Q.931) on E1 spans with
 * Debian's libpri (libpri-dev, no pkg-config file: the module map links
 * "pri"). libpri's API imports into Swift as it is; the only additions are
 * the parts it leaves to macros or bit fields in comments: an event's channel
 * encodes the B channel in bits 0-7, the span in bits 8-15 and an explicit
 * flag in bit 16, read here by CPri_* functions.
 */
#ifndef KEFU_CPRI_SHIM_H
#define KEFU_CPRI_SHIM_H

#include <sys/time.h>
#include <libpri.h>

/* The B channel (E1 timeslot) of an event's or a call's channel number; -1: none given. */
static inline int CPri_timeslot(int channel) { return channel < 0 ? -1 : (channel & 0xff); }

/* The debug mask Kefu logs with when a span's signalling log is on:
   Q.921 state changes and Q.931 messages, decoded. */
static inline int CPri_logMask(void) { return PRI_DEBUG_Q921_STATE | PRI_DEBUG_Q931_DUMP | PRI_DEBUG_Q931_STATE | PRI_DEBUG_Q931_ANOMALY; }

/* Calling-number presentation Kefu sends: allowed, user-provided, not screened. */
static inline int CPri_presentationAllowed(void) { return PRES_ALLOWED_USER_NUMBER_NOT_SCREENED; }

#endif
