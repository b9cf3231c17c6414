import Foundation
import Testing
import CallControl
import Channels
import DSP
import Telephony

/// Leaving a message (the support menu's key 3, "voicemail support"),
/// through the example center on the simulated board.
@Suite struct MessageTests {
    let line = ChannelNumber(1)

    func reachMailbox(_ rig: CenterRig) -> Bool {
        guard rig.ring(line, callerID: "13800138000") else { return false }
        for step in [("2", "zh/main-menu.wav"), ("3", "zh/support-menu.wav")] {
            guard rig.run(upTo: 100, listening: [line], until: { rig.prompts(heardOn: self.line).contains(step.1) }) else { return false }
            rig.press(step.0, on: line)
        }
        // The greeting, then the beep: recording runs.
        return rig.run(upTo: 300, listening: [line]) { rig.prompts(heardOn: self.line).last == "tone:accepted" }
    }

    @Test("the caller hears the greeting and a beep, speaks, presses # and is thanked; the message is kept with its length")
    func messageEndedByHashIsSavedAndThanked() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        #expect(reachMailbox(rig))
        #expect(rig.prompts(heardOn: line).suffix(2) == ["zh/voicemail-greeting.wav", "tone:accepted"])
        for k in 0..<150 { rig.step(before: { _ in rig.send(self.line, CenterRig.pattern(k)) }) }  // 3 s of "speech"
        rig.press("#", on: line)
        #expect(rig.run(upTo: 200, listening: [line]) { !rig.board.lineIsOffHook(self.line) })
        #expect(rig.prompts(heardOn: line).last == "zh/voicemail-saved.wav")
        let record = try #require(rig.control.records.first)
        #expect(record.end == .messageLeft)
        #expect(record.data["mailbox"] == "support")
        #expect(rig.control.messages == 1)
        rig.control.writer.finishAll()
        let path = rig.control.messagePath(record.id)
        let audio = try WAVCodec.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let seconds = Double(audio.channels[0].count) / 8000
        #expect(seconds > 3 && seconds < 4.5, "about the 3 s spoken plus the key: \(seconds) s")
        #expect(audio.channels[0].contains(where: { $0 != 0 }), "the caller's audio is in the message")
    }

    @Test("a caller who hangs up after speaking leaves the message all the same")
    func hangingUpKeepsTheMessage() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        #expect(reachMailbox(rig))
        for k in 0..<100 { rig.step(before: { _ in rig.send(self.line, CenterRig.pattern(k)) }) }
        rig.step(before: { $0.farDisconnect(self.line) })
        rig.run(upTo: 5)
        #expect(rig.control.records.first?.end == .messageLeft)
        #expect(rig.control.messages == 1)
    }
}
