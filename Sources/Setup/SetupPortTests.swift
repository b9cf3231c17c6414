import Channels
import DAHDIChannels

/// Step 7: each port tested on the board it is on.
enum SetupPortTests {
    static func run(_ s: SetupSession) throws(SetupRefusal) {
        if s.options.skipTests { s.say("Port tests skipped (--skip-tests).", "跳过端口测试（--skip-tests）。"); return }
        if s.options.dryRun { return }
        if !s.wrote && s.files.contains(where: \.changes) {
            s.say("Port tests skipped: the new settings were not written.", "跳过端口测试：新设置没有写入。")
            return
        }
        let backend: ChannelBackend
        let offHook: (Int) -> Bool?
        if let sim = s.sim {
            let farEnd = s.simFarEnd ?? SimFarEnd(plan: s.plan.country.tones)
            s.simFarEnd = farEnd
            sim.world = farEnd
            backend = sim
            offHook = { sim.phoneIsOffHook(ChannelNumber($0)) }
        } else {
            let infos = s.plan.lines.map { ChannelInfo(number: ChannelNumber($0), span: SpanID(s.board.port($0)?.span ?? 0), signalling: .fxoLine, name: s.board.port($0)?.name ?? "") }
                + s.plan.phones.map { ChannelInfo(number: ChannelNumber($0), span: SpanID(s.board.port($0)?.span ?? 0), signalling: .fxsPhone, name: s.board.port($0)?.name ?? "") }
            let dahdi: DAHDIBackend
            do { dahdi = try DAHDIBackend(channels: infos) } catch {
                throw SetupRefusal("port tests: \(error)", "端口测试：\(error)")
            }
            backend = dahdi
            offHook = { try? dahdi.farEndOffHook(ChannelNumber($0)) }
        }
        do { try backend.setToneZone(s.plan.country.toneZone) } catch {
            s.notes.append(s.w("tone zone \(s.plan.country.toneZone): \(error)", "音区 \(s.plan.country.toneZone)：\(error)"))
        }
        let tester = PortTester(backend: backend, plan: s.plan.country.tones, phoneIsOffHook: offHook)
        s.say("Testing the ports:", "测试端口：")
        for line in s.plan.lines {
            let r = tester.testLine(line)
            s.tests.append(r)
            s.console.say("  " + r.text(chinese: s.w.chinese))
            if r.outcome == .busy { return }
        }
        for phone in s.plan.phones {
            let seconds = s.options.ringSeconds ?? (s.options.interactive && s.sim == nil ? 15 : 6)
            if s.options.interactive {
                s.say("  Pick up the phone on port \(phone) when it rings (up to \(seconds) s)…", "  话机端口 \(phone) 振铃时请摘机（最多 \(seconds) 秒）……")
            }
            let r = tester.testPhone(phone, seconds: seconds)
            s.tests.append(r)
            s.console.say("  " + r.text(chinese: s.w.chinese))
            if r.outcome == .busy { return }
        }
    }
}
