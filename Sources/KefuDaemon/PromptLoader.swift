#if canImport(Glibc)
import Glibc
#endif
import DSP
import MediaLoop
import Telephony

/// Loads the prompts the minimal call path plays. A prompt file that is
/// missing is replaced by a synthesised one, and the replacement is named in
/// `notes` so nobody mistakes a chime for the configured greeting.
public struct PromptSet {
    public var table = PromptTable()
    public var greeting: PromptID
    public var music: PromptID
    public var busyTone: PromptID
    public var notes: [String] = []

    public init(directory: String?, plan: TonePlan = .china) {
        var table = PromptTable()
        var notes: [String] = []
        func load(_ name: String, fallback: () -> [Int16]) -> PromptID {
            if let directory {
                let path = directory + "/" + name + ".wav"
                if let file = fopen(path, "rb") {
                    var bytes: [UInt8] = []
                    var chunk = [UInt8](repeating: 0, count: 65536)
                    while true {
                        let n = fread(&chunk, 1, chunk.count, file)
                        if n <= 0 { break }
                        bytes += chunk[0..<n]
                    }
                    fclose(file)
                    do {
                        let audio = try WAVCodec.decode(bytes)
                        if let mono = audio.channels.first, !mono.isEmpty { return table.add(name, mono) }
                        notes.append("\(path): no audio; using a synthesised \(name)")
                    } catch {
                        notes.append("\(path): \(error); using a synthesised \(name)")
                    }
                } else {
                    notes.append("\(path): missing; using a synthesised \(name)")
                }
            } else {
                notes.append("no prompt directory; using a synthesised \(name)")
            }
            return table.add(name, fallback())
        }
        greeting = load("greeting") {
            var s = SignalSynth()
            for f in [660.0, 880.0, 990.0] { s.tone(f, level: Level(dBm0: -16), milliseconds: 250) }
            s.silence(milliseconds: 300)
            return s.pcm
        }
        music = load("music") {
            var s = SignalSynth()
            for f in [523.0, 659.0, 784.0, 659.0] { s.tone(f, level: Level(dBm0: -22), milliseconds: 400) }
            s.silence(milliseconds: 400)
            return s.pcm
        }
        let busy = plan.tones.first { $0.name == "busy" }
        var s = SignalSynth()
        s.cadence(frequencies: (busy?.frequencies ?? [450]).map(Double.init), level: Level(dBm0: -13),
                  onMilliseconds: Double(busy?.onMilliseconds ?? 350), offMilliseconds: Double(busy?.offMilliseconds ?? 350),
                  totalMilliseconds: Double((busy?.onMilliseconds ?? 350) + (busy?.offMilliseconds ?? 350)))
        busyTone = table.add("busy", s.pcm)
        self.table = table
        self.notes = notes
    }
}
