import Config

/// What kefud runs. The center itself (lines, phones, agents, queues,
/// menus, prompts) comes from the config file; these are the process's
/// settings and the simulated world's traffic.
public struct CenterOptions: Sendable {
    /// The config file (`make run` uses config/kefu.toml).
    public var configPath = "/etc/kefu/kefu.toml"
    /// The prompt directory (`<language>/<name>.wav` below it); nil: the
    /// config's `[prompts] directory`.
    public var promptDirectory: String?
    /// Board: "sim" or "dahdi"; nil takes the config's `[system] board`.
    public var board: String?
    /// Demo mode: prompt files that are missing are replaced by synthesised
    /// chimes (and said so) instead of refusing to start.
    public var demo = false
    /// The wall-clock time schedules see at start; nil: the system clock.
    public var clockAtStart: UnixTime?
    public var callsPerMinute = 6.0
    public var meanTalkSeconds = 45.0
    public var meanPatienceSeconds = 90.0
    /// What simulated callers press in the menus: one script is picked per
    /// call; each entry is one step (keys sent together), a step every few
    /// seconds. Nil: the simulated world's default (made for config/kefu.toml).
    public var keyScripts: [[String]]?
    public var seed: UInt64 = 1
    /// Recordings go to recordings/YYYY/MM/DD/<call>.wav below this; nil:
    /// below the config's `[recording] directory` (YYYY/MM/DD/<call>.wav).
    public var dataDirectory: String?
    /// The console socket; nil: the config's `[security] console_socket`.
    public var consoleSocket: String?
    /// Seconds to run; 0 runs until interrupted.
    public var duration = 0.0
    /// Redraw the live view (true) or print only the summary.
    public var liveView = true
    /// The sound device `calls listen` plays live calls on (ALSA name).
    public var listenDevice = "default"

    public init() {}
}
