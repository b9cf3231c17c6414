// KefuTesting — shared test support (not shipped).
//
// What it does: the channel contract every `ChannelBackend` must pass, with
// a harness protocol for driving the far ends (the simulated board's
// exchange and phones here; a test exchange on a looped DAHDI span for the
// real drivers), plus small helpers for building audio blocks.
// How it works: each contract check is a function returning the list of
// broken promises (empty = passed), so the same checks run under Swift
// Testing and inside the virtual board without a test framework.
