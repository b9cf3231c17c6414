// MediaLoop — the real-time audio plane.
//
// What it does: every block (20 ms), for every attached channel: read the
// block, collect the channel's events, run its DSP detectors, then build
// what each channel hears — a prompt playing, the bridged peer's audio, or
// silence — write it, and feed the recording tap. Events go to call control
// through a fixed ring; commands come back through another.
// How it works: everything is allocated in `init` (per-channel buffers, DSP
// state, prompt audio, rings). `tick()` only copies samples, calls the
// detectors and pushes/pops rings: it does not allocate, lock, log or await.
// `MediaLoopThread` runs `tick()` on a SCHED_FIFO thread with memory locked
// when the system allows it (and says so when it does not); tests call
// `tick()` directly under a virtual clock.
