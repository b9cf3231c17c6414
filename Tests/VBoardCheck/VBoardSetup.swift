import Channels
import Config
import DAHDIChannels
import KefuDaemon

/// What every center on the virtual board starts from: the box's spans and
/// the far side's span 2 opened with China's tone zone, and kefud's graph
/// on the box's spans from a config text (demo prompts, data in `data`).
enum VBoardSetup {
    /// The box's channels on `boxSpans` (opened by the center) and span 2's,
    /// opened here as the exchange and the phones.
    static func backends(boxSpans: Set<SpanID>) throws(BenchFailure) -> (box: DAHDIBackend, far: DAHDIBackend) {
        let all: [ChannelInfo]
        do { all = try DAHDIDiscovery.channels() } catch { throw BenchFailure("discovery: \(error)") }
        do {
            let box = try DAHDIBackend(channels: all.filter { boxSpans.contains($0.span) })
            let far = try DAHDIBackend(channels: all.filter { $0.span == SpanID(2) })
            try box.setToneZone("cn")
            for c in far.channels.map(\.number) { try far.open(c) }
            try far.setToneZone("cn")
            return (box, far)
        } catch { throw BenchFailure("set-up: \(error)") }
    }

    static func center(config text: String, file: String, dataDirectory: String, box: ChannelBackend) throws(BenchFailure) -> SimulatedCenter {
        var options = CenterOptions()
        options.dataDirectory = dataDirectory
        options.demo = true
        let loaded = ConfigLoader.load(text, file: file)
        guard loaded.isValid else { throw BenchFailure(loaded.diagnostics.errors.map(\.description).joined(separator: "; ")) }
        let setup = CenterSetup(config: loaded.config, calendar: HolidayCalendar(),
                                prompts: PromptLibrary(config: loaded.config, directory: "/nonexistent", demo: true))
        do { return try SimulatedCenter(options: options, setup: setup, board: box) } catch { throw BenchFailure("center: \(error)") }
    }
}
