// SimChannels — the simulated board.
//
// What it does: a telephony card in software. `SimBoard` offers Kefu the
// same `ChannelBackend` as the DAHDI card: FXO lines from a simulated
// exchange and FXS ports with simulated agent phones. Its far-side API lets
// the exchange ring a line, send caller ID and audio, drop loop current or
// play China's busy tone, and lets a phone go off hook, speak and hang up.
// `SimWorld` populates it with seeded synthetic callers (Poisson arrivals,
// patience, caller ID, DTMF, speech-like audio, hang-up by loop-current drop
// or busy tone) and agents (answer delay, talk time, missed calls).
// How it works: everything advances one block per tick. The media loop calls
// `beginTick()` (the board's clock: a timerfd in real time, nothing in
// virtual time; then the far ends act), reads, writes, and `endTick()` (the
// far ends hear what Kefu wrote). All state is preallocated per channel; a
// seed makes every run the same.
