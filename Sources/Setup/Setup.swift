/// `kefu setup`: the installer's first boot.
///
/// What it does: finds the board (DAHDI's spans and ports, as dahdi_scan
/// does, or the simulated board), asks — or takes from flags — the country
/// preset, time zone, languages and caller ID, which ports are lines and
/// which phones, the first queue and its agents; writes DAHDI's system.conf
/// and kefu.toml (checked by Kefu's own config check first, shown as a diff,
/// written atomically after confirmation, the old file kept as FILE.bak),
/// makes stand-in prompts, applies system.conf with dahdi_cfg, tests every
/// port (dial tone on each line, ringing on each phone) and prints a summary.
///
/// How it works: a `SetupSession` carries the run's state through the steps
/// in `Setup.steps`, in order; each step is a function of the session. A
/// step that cannot go on throws a `SetupRefusal` naming the place and the
/// reason (in English and Chinese). Re-running is safe: the existing files'
/// settings are the defaults, setup rewrites only what it owns (see
/// `SetupConfigText` and `SystemConfText`), and identical files are not touched.
public enum Setup {
    /// The flow, in order. Line learning is `kefu setup learn LINE`, one test call per line, after it.
    public static let steps: [SetupStep] = [
        SetupStep(name: "existing", run: SetupDetect.readExisting),
        SetupStep(name: "detect", run: SetupDetect.findBoard),
        SetupStep(name: "country", run: SetupAnswers.country),
        SetupStep(name: "ports", run: SetupAnswers.ports),
        SetupStep(name: "agents", run: SetupAgents.run),
        SetupStep(name: "files", run: SetupWrite.files),
        SetupStep(name: "apply", run: SetupWrite.apply),
        SetupStep(name: "tests", run: SetupPortTests.run),
        SetupStep(name: "summary", run: SetupSummary.run),
    ]

    /// Runs the steps; returns the refusal that stopped them, if any.
    @discardableResult
    public static func run(_ session: SetupSession, steps: [SetupStep] = Setup.steps) -> SetupRefusal? {
        for step in steps {
            do { try step.run(session) } catch { return error }
        }
        return nil
    }

    /// The JSON summary of a run (`--json`).
    public static func json(_ session: SetupSession, refusal: SetupRefusal?) -> String {
        SetupSummary.json(session, refusal: refusal)
    }
}
