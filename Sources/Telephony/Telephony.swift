// Telephony — the vocabulary every other Kefu module speaks.
//
// What it does: names the small values of telephony (a time in samples, a
// DTMF key, a signal level) as types, so a channel number is never confused
// with a sample count and a level is never a bare Double.
// How it works: plain value types with no clock, no C, no IO. Time is counted
// in samples at 8 kHz, the rate of every DAHDI channel and of G.711; a
// simulated day is then just a larger number, and tests are exact.

/// The sample rate of every channel Kefu handles: 8 kHz narrowband telephony.
public let telephonySampleRate = 8000
