// DSP — Kefu's signal-processing toolkit.
//
// What it does: detects and generates what travels on a telephone line —
// DTMF keys, call-progress tones (dial, busy, congestion, ringback) from a
// country's tone plan, fax calling and answer tones, caller ID (FSK Bell 202 /
// V.23, SDMF and MDMF, and DTMF caller ID) — and converts audio between G.711
// and linear PCM and to and from WAV files.
//
// How it works: each detector owns one spandsp state, allocated once when the
// detector is made and never again. `process(_:)` takes a block of linear
// 16-bit samples (160 per 20 ms tick on a DAHDI channel) and writes what it
// found into a caller-owned `DSPEventBuffer`, a fixed array; spandsp reports
// through a non-capturing C callback that finds the detector via an unmanaged
// pointer. Nothing in `process` allocates, locks or logs, so the media loop
// can run it on its real-time thread. Decoding a caller-ID message into
// strings happens later, off that thread (`CallerIDMessage.decode`).
// `ChannelDSP` bundles the detectors one channel runs each tick.
