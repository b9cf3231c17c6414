/*
 * COpenR2 — why this shim exists
 *
 * MFC/R2 (China Number 1 signalling, 中国一号信令) on E1 CAS spans uses
 * Debian's libopenr2 (libopenr2-dev, no pkg-config file: the module map links
 * "openr2"). Its API imports into Swift unchanged; this header gathers it
 * in one module, first including the C headers openr2's own headers use
 * without including (size_t in r2utils.h).
 */
#ifndef KEFU_COPENR2_SHIM_H
#define KEFU_COPENR2_SHIM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <openr2.h>

#endif
