/*
 * CDAHDI — why this shim exists
 *
 * DAHDIChannels drives telephony cards through /dev/dahdi: ioctls, events and
 * 20 ms audio blocks. The request codes (DAHDI_GETEVENT and the rest) are
 * _IOR/_IOW/_IOWR macros, which Swift cannot import; each one used by Kefu is
 * exported here as `CDAHDI_<NAME>`, an `extern const unsigned long` computed by
 * the C compiler from the kernel's own header, so it cannot drift from it.
 * Plain integer macros (DAHDI_EVENT_*, DAHDI_OFFHOOK, ...) and the structs
 * import from <dahdi/user.h> unchanged. libtonezone (<dahdi/tonezone.h>) loads
 * the country tone zones (cn by default) into the driver.
 *
 * Where <dahdi/user.h> comes from: it is not in /usr/include on Debian; the
 * dahdi-dkms package ships it under /usr/src/dahdi-<version>/include. The
 * project's set-up (scripts/setup.sh) makes the git-ignored symlink
 * include/dahdi -> /usr/src/dahdi-<version>/include/dahdi, so this header,
 * shim.c and every Swift importer find it as <dahdi/user.h>.
 */
#ifndef KEFU_CDAHDI_H
#define KEFU_CDAHDI_H

#include <dahdi/user.h>
#include <dahdi/tonezone.h>

extern const unsigned long CDAHDI_GET_BLOCKSIZE;
extern const unsigned long CDAHDI_SET_BLOCKSIZE;
extern const unsigned long CDAHDI_FLUSH;
extern const unsigned long CDAHDI_GET_PARAMS;
extern const unsigned long CDAHDI_SET_PARAMS;
extern const unsigned long CDAHDI_HOOK;
extern const unsigned long CDAHDI_GETEVENT;
extern const unsigned long CDAHDI_IOMUX;
extern const unsigned long CDAHDI_SPANSTAT;
extern const unsigned long CDAHDI_GETGAINS;
extern const unsigned long CDAHDI_SETGAINS;
extern const unsigned long CDAHDI_SENDTONE;
extern const unsigned long CDAHDI_GETTONEZONE;
extern const unsigned long CDAHDI_SETTONEZONE;
extern const unsigned long CDAHDI_DEFAULTZONE;
extern const unsigned long CDAHDI_LOADZONE;
extern const unsigned long CDAHDI_FREEZONE;
extern const unsigned long CDAHDI_GET_BUFINFO;
extern const unsigned long CDAHDI_SET_BUFINFO;
extern const unsigned long CDAHDI_GET_DIALPARAMS;
extern const unsigned long CDAHDI_SET_DIALPARAMS;
extern const unsigned long CDAHDI_DIAL;
extern const unsigned long CDAHDI_DIALING;
extern const unsigned long CDAHDI_AUDIOMODE;
extern const unsigned long CDAHDI_ECHOCANCEL_PARAMS;
extern const unsigned long CDAHDI_CHANNO;
extern const unsigned long CDAHDI_SPECIFY;
extern const unsigned long CDAHDI_SETLAW;
extern const unsigned long CDAHDI_SETLINEAR;
extern const unsigned long CDAHDI_SETCADENCE;
extern const unsigned long CDAHDI_GETRXBITS;
extern const unsigned long CDAHDI_SETTXBITS;
extern const unsigned long CDAHDI_CHANDIAG;
extern const unsigned long CDAHDI_SPANCONFIG;
extern const unsigned long CDAHDI_CHANCONFIG;
extern const unsigned long CDAHDI_GETVERSION;
extern const unsigned long CDAHDI_SET_HWGAIN;
extern const unsigned long CDAHDI_TONEDETECT;
extern const unsigned long CDAHDI_SETPOLARITY;
extern const unsigned long CDAHDI_VMWI;
extern const unsigned long CDAHDI_VMWI_CONFIG;
extern const unsigned long CDAHDI_BUFFER_EVENTS;
extern const unsigned long CDAHDI_ONHOOKTRANSFER;
extern const unsigned long CDAHDI_DYNAMIC_CREATE;
extern const unsigned long CDAHDI_DYNAMIC_DESTROY;

/* Signalling types: DAHDI builds them from reserved double-underscore
   macros, which Swift does not import. */
extern const int CDAHDI_CONFIG_D4;
extern const int CDAHDI_CONFIG_ESF;
extern const int CDAHDI_CONFIG_AMI;
extern const int CDAHDI_CONFIG_B8ZS;
extern const int CDAHDI_CONFIG_CCS;
extern const int CDAHDI_CONFIG_HDB3;
extern const int CDAHDI_CONFIG_CRC4;
extern const int CDAHDI_SIG_FXSKS;
extern const int CDAHDI_SIG_FXSLS;
extern const int CDAHDI_SIG_FXSGS;
extern const int CDAHDI_SIG_FXOKS;
extern const int CDAHDI_SIG_FXOLS;
extern const int CDAHDI_SIG_FXOGS;
extern const int CDAHDI_SIG_CAS;
extern const int CDAHDI_SIG_CLEAR;
extern const int CDAHDI_SIG_HDLCFCS;
extern const int CDAHDI_SIG_HARDHDLC;
extern const int CDAHDI_SIG_EM;

/* DAHDI_MAX_CHANNELS and friends are plain macros; the dial buffer length is
   exported for Swift code that fills struct dahdi_dialoperation. */
extern const int CDAHDI_MAX_DTMF_BUF;

#endif
