/*
 * CALSA — why this shim exists
 *
 * LocalAudio plays recordings and live calls to the box's own sound device
 * (a supervisor's headset on the appliance). ALSA's user API is plain C; this
 * module map makes <alsa/asoundlib.h> importable. Nothing is wrapped.
 */
#ifndef KEFU_CALSA_SHIM_H
#define KEFU_CALSA_SHIM_H
#include <alsa/asoundlib.h>
#endif
