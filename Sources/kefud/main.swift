// kefud — the Kefu daemon.
//
// What it will do: open the telephony channels (DAHDI or the simulated board),
// run the real-time media loop and the call control, serve the admin console.
// Today it reports its version and says plainly what is not there yet, so no
// installer mistakes it for a working service.
import Logging
#if canImport(Glibc)
import Glibc
#endif

let version = "0.1.0"
let arguments = CommandLine.arguments.dropFirst()

if arguments.contains("--version") {
    print("kefud \(version)")
} else {
    LoggingSystem.bootstrap(StreamLogHandler.standardError)
    let log = Logger(label: "kefud")
    log.critical("the call-center service is not implemented yet: no channels are opened and no calls are served")
    exit(1)
}
