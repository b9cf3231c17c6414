// KefuDaemon — builds kefud's service graph and runs it.
//
// What it does: wires a board (today the simulated board; the DAHDI card
// later), the media loop, call control, the recording writer and the live
// view, runs them (in real time on their threads, or in virtual time inline
// for tests), and prints a summary at the end.
// How it works: `SimulatedCenter` builds the graph from `CenterOptions`;
// `runVirtual` steps it tick by tick on the caller's thread; `Daemon.run`
// starts the media loop on its real-time thread, paces the simulated board
// with a timer, runs call control and the live view on the main thread, and
// stops on SIGINT/SIGTERM or when the duration is over.
