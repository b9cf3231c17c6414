// CallControl — the decision plane.
//
// What it does: turns what the media loop reports (rings, hook changes, DTMF,
// tones, caller ID, prompts finished) into what should happen next (answer,
// play a menu, queue, ring an agent, bridge, record, ask the survey,
// release), and keeps the record of every call, the agents' state changes
// and the queue events.
// How it works: `CenterFlow` is a pure state machine, `on(event, now) ->
// [CallAction]` and `timers(now)`, with no clock and no IO; per call it
// composes an `IVREngine`, the shared `ACDEngine` and a `SurveyEngine`, all
// configured from `CenterPlan` (built from kefu.toml). `CallController` is
// the thin shell on an ordinary thread that drains the media loop's event
// ring, steps the flow, pushes media commands back and hands recordings,
// records and events to their keepers.
