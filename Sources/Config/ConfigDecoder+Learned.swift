extension ConfigDecoder {
    // MARK: [learned.N]

    /// `[learned.N]`: what `kefu setup learn N` found on line N.
    func learned(_ name: Located<String>, _ r: TableReader) -> LearnedLine? {
        guard let channel = Int(name.value), (1...1024).contains(channel) else {
            sink.error(name.line, "[learned.\(name.value)]: the name must be the line's channel number (1-1024)",
                       "[learned.\(name.value)]：名称必须是该线路的通道号（1-1024）")
            _ = r.allEntries()  // one error for the table, not one per key
            return nil
        }
        let disconnect = choice(r, "disconnect", LearnedLine.Disconnect.self)
        if disconnect == nil, !r.has("disconnect") {
            let all = LearnedLine.Disconnect.allCases.map(\.rawValue).joined(separator: ", ")
            r.missing("disconnect", Bilingual("how the line signals a hang-up: \(all)", "线路如何表示对方挂机：\(all)"))
        }
        var l = LearnedLine(channel: channel, line: r.line, disconnect: disconnect ?? .none)
        if let t = r.string("tone") {
            switch LearnedLine.Tone.parse(t.value) {
            case .success(let tone): l.tone = tone
            case .failure(let why): sink.error(t.line, "'tone' in \(r.path): \(why.english)", "\(r.path) 中的 'tone'：\(why.chinese)")
            }
        } else if disconnect == .tone {
            r.missing("tone", Bilingual("the hang-up tone, e.g. \"450 350/350\"", "挂机音，如 \"450 350/350\""))
        }
        l.loopDropMilliseconds = r.int("loop_drop_ms", in: 1...60_000)?.value
        l.callerID = choice(r, "caller_id", LineGroup.CallerID.self)
        if let ring = r.string("ring") {
            let parts = ring.value.split(separator: "/").map { Int($0) }
            if parts.count == 2, let on = parts[0], let off = parts[1], on > 0, off > 0 {
                l.ringOnMilliseconds = on
                l.ringOffMilliseconds = off
            } else {
                sink.error(ring.line, "'ring' in \(r.path) is '\(ring.value)': ring burst/pause in ms, e.g. \"1000/4000\"",
                           "\(r.path) 中的 'ring' 是 '\(ring.value)'：振铃 通/断 毫秒数，如 \"1000/4000\"")
            }
        }
        l.levelDBm0 = r.int("level_dbm0", in: -99...3)?.value
        l.noiseDBm0 = r.int("noise_dbm0", in: -99...3)?.value
        if let s = r.seconds("silence_hangup", in: 5...3600) { l.silenceHangUp = s.value } else if l.disconnect == .none {
            l.silenceHangUp = LearnedLine.defaultSilenceHangUp
        }
        l.learnedAt = r.string("learned_at")?.value
        l.evidence = r.string("evidence")?.value
        r.finish()
        return disconnect == nil ? nil : l
    }
}
