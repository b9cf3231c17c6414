// KefuDaemon — builds kefud's service graph and runs it.
//
// What it does: reads the config (the same whole-file check as `kefu config
// check`) and its prompts, wires a board (the simulated board numbered as
// the config numbers its channels, or the DAHDI card), the media loop, call
// control (menus, queues, agents, survey), the recording writer and the
// live view, runs them (in real time on their threads, or in virtual time
// inline for tests), and prints a summary at the end.
// How it works: `CenterLoader` reads the files into a `CenterSetup` (or
// every problem, FILE:LINE); `PromptLibrary` loads the prompts;
// `SimulatedCenter` builds the graph; `runVirtual` steps it tick by tick on
// the caller's thread; `Daemon.run` starts the media loop on its real-time
// thread, paces the simulated board with a timer, runs call control and the
// live view on the main thread, and stops on SIGINT/SIGTERM or when the
// duration is over.
