import Telephony

extension CallerIDGenerator {
    /// The whole caller-ID burst for `id` as 8 kHz linear audio (at most
    /// 4 s): for test exchanges and synthetic calls, off the media thread.
    public static func pcm(_ id: CallerID, signal: CallerIDSignal = .bell202) -> [Int16] {
        let generator = CallerIDGenerator(signal: signal)
        _ = generator.send(id)
        var out: [Int16] = [], block = [Int16](repeating: 0, count: 160)
        for _ in 0..<200 {
            let n = block.withUnsafeMutableBufferPointer { generator.generate(into: $0) }
            out += block[0..<n]
            if n < block.count { break }
        }
        return out
    }
}
