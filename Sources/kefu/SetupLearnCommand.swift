// `kefu setup learn LINE`: learn an analog line from one test call.
import ArgumentParser
import Setup

#if canImport(Glibc)
import Glibc
#endif

struct SetupLearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Learn an analog line from a test call: its hang-up signal, caller ID, ring cadence and levels.",
        discussion: """
        Stop kefud first (it holds the lines). By default the box waits for you to call the \
        line (from a mobile phone), answers at the third ring, beeps; say a few words, then \
        hang up. With --dial NUMBER the box calls you instead: answer, speak after the beep, \
        hang up.

        What the exchange does when you hang up (a tone of any frequency and cadence, \
        loop current dropping, polarity reversal, or nothing) is written to kefu.toml as \
        [learned.LINE] after a diff, with the call's recording and figures kept under \
        <data_directory>/lines/ for support. The box then listens for that tone on its lines, \
        or releases calls on a line that sends nothing after silence_hangup of quiet.

        kefu setup's --config FILE, --yes (write without asking) and --dry-run (show the \
        change, write nothing) apply here too.

        Examples:
          kefu setup learn 1
          kefu setup learn 2 --dial 13800138000 --yes
          kefu setup learn 9 --config /tmp/kefu.toml
        """)

    @Argument(help: "The line's channel number (an fxo channel of kefu.toml).") var line: Int
    /// `kefu setup`'s own options: its --config (default /etc/kefu/kefu.toml)
    /// is the file learned into, --yes writes without asking, --dry-run
    /// runs the test and shows the change without writing.
    @ParentCommand var setup: SetupCommand
    @Option(help: "Dial this number instead of waiting for a call.") var dial: String?
    @Option(help: "Seconds to wait for the test call (default 120).") var wait: Int = 120
    @Option(help: "Seconds to listen after the answer at most (default 60).") var listen: Int = 60
    @Option(help: "Folder for the recording and figures (default <data_directory>/lines).") var evidence: String?

    func validate() throws {
        if line < 1 { throw ValidationError("LINE must be a channel number (1 or more), not \(line)") }
        if !(5...600).contains(wait) { throw ValidationError("--wait must be 5 to 600 seconds") }
        if !(10...600).contains(listen) { throw ValidationError("--listen must be 10 to 600 seconds") }
        if let dial, dial.isEmpty || !dial.allSatisfy({ "0123456789*#".contains($0) }) {
            throw ValidationError("--dial '\(dial)': only digits, * and #")
        }
    }

    func run() throws {
        var o = LineLearnTool.Options()
        o.line = line; o.configPath = setup.config; o.dial = dial; o.waitSeconds = wait; o.listenSeconds = listen
        o.evidenceDirectory = evidence; o.yes = setup.yes; o.dryRun = setup.dryRun
        o.chinese = setup.language.chinese
        do {
            _ = try LineLearnTool.run(o, unixSeconds: Int64(time(nil)), say: { print($0); fflush(nil) }) { question in
                print(question, terminator: "")
                fflush(nil)
                return (readLine() ?? "").lowercased().hasPrefix("y")
            }
        } catch {
            printError("kefu setup learn: " + (o.chinese ? error.chinese : error.english))
            throw ExitCode(1)
        }
    }
}
