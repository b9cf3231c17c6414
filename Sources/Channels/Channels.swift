// Channels — the contract between Kefu and a telephony card.
//
// What it does: says what a channel backend offers (the DAHDI card in a real
// box, the simulated board for demos and tests): open a channel, read and
// write 20 ms blocks of linear audio, hook operations, ringing, dialling,
// tone zones, and events in order. Plus the fixed-size rings that carry
// blocks, events and commands between threads without locks.
// How it works: `ChannelBackend` is a protocol of synchronous, non-blocking
// calls used by the media loop's one real-time thread; every failure is a
// typed `ChannelError`. Events are named by what they mean to Kefu
// (`.ringBegin` on a line, `.phoneOffHook` on an agent's port), not by
// DAHDI's far-end naming. No C, no allocation in `read`/`write`/`nextEvent`.
