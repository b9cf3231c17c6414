// CallControl — the decision plane.
//
// What it does: turns what the media loop reports (rings, hook changes, DTMF,
// tones, caller ID, prompts finished) into what should happen next (answer,
// play, ring an agent, bridge, record, release), and keeps the record of
// every call.
// How it works: `CallFlow` is a pure state machine, `on(event, now) ->
// [CallAction]` and `timers(now)`, with no clock and no IO; `CallController`
// is the thin shell on an ordinary thread that drains the media loop's event
// ring, steps the flow, pushes media commands back and hands recordings and
// records to their writers. Today's flow is the minimal path — answer, greet,
// hand to a free agent in order, bridge, record, release both sides — which
// the IVR and ACD engines replace.
