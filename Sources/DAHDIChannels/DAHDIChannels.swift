// DAHDIChannels — the real card, through the DAHDI kernel drivers.
//
// What it does: implements `ChannelBackend` over /dev/dahdi/channel: opens a
// channel by number (DAHDI_SPECIFY), sets the block size and linear audio,
// reads and writes 20 ms blocks, performs hook operations, dials DTMF with
// DAHDI_DIAL, loads tone zones with libtonezone, and turns DAHDI's events
// (named after the far end) into Kefu's `ChannelEvent`s. `DAHDIDiscovery`
// lists the channels and spans the drivers have configured.
// How it works: every ioctl goes through `DAHDIDevice` (DAHDISyscalls.swift,
// the only file that calls ioctl), which retries EINTR, reports EINPROGRESS
// (ring/flash accepted) as success, ELAST (an event is pending) and EAGAIN as
// typed results, and throws `ChannelError.system` with errno's text for
// anything else. A read or write refused with ELAST first collects the
// pending event, then retries, so events are never lost and audio never
// stalls. `beginTick` waits with poll() until the card has the next block:
// the card paces the media loop.
