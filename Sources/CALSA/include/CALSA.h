/*
 * CALSA — why this shim exists
 *
 * LocalAudio plays recordings and live calls to the box's own sound device
 * (a supervisor's headset on the appliance). ALSA's user API is plain C and
 * imports as it is. One thing does not: ALSA prints its own diagnostics on
 * standard error through a variadic callback, which Swift cannot define.
 * calsa_quiet() installs a handler that drops them, so the console shows
 * Kefu's one-line reason instead of ALSA's configuration dump.
 */
#ifndef KEFU_CALSA_H
#define KEFU_CALSA_H
#include <alsa/asoundlib.h>

/* Stops ALSA's library messages on standard error (errors still return codes). */
void calsa_quiet(void);

#endif
