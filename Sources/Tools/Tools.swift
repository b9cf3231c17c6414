// Tools — Kefu's offline commands, as testable library code.
//
// What it does: `kefu analyze` (DSP events of a WAV file as JSON lines) and
// `kefu synth` (telephony test signals to a WAV file). The `kefu` executable
// only parses arguments and calls in here, so every behaviour, exit code and
// line of output is covered by tests without spawning processes.
// How it works: pure functions from inputs (bytes, options) to outputs
// (lines, exit status); the only IO is reading and writing whole files.
