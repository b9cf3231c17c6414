/*
 * CSpanDSP — why this shim exists
 *
 * Kefu's DSP target owns spandsp state itself: it allocates each detector's
 * state once, when a channel is set up, and never per 20 ms block. That needs
 * the sizes of spandsp's state structs, which spandsp only publishes when its
 * internal structures are exposed. This header exposes them and nothing else;
 * no spandsp symbol is wrapped or renamed.
 */
#ifndef KEFU_CSPANDSP_SHIM_H
#define KEFU_CSPANDSP_SHIM_H

#define SPANDSP_EXPOSE_INTERNAL_STRUCTURES
#include <spandsp.h>
#include <spandsp/expose.h>

#endif
