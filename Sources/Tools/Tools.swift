// Tools — Kefu's offline commands, as testable library code.
//
// What it does: `kefu analyze` (DSP events of a WAV file as JSON lines),
// `kefu synth` (telephony test signals to a WAV file), `kefu sim` (a call
// center on a virtual clock through the real ACD engine, against Erlang C/A)
// and `kefu staffing` (agents needed for a target). The `kefu` executable
// only parses arguments and calls in here, so every behaviour, exit code and
// line of output is covered by tests without spawning processes.
// How it works: pure functions from inputs (bytes, options) to outputs
// (lines, exit status); the only IO is reading and writing whole files.
