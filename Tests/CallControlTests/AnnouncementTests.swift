import Testing
import ACD
import CallControl
import Channels
import Config
import IVR

/// Queue announcements are said from recorded fragments in the caller's
/// language: callers ahead, then the expected wait, then hold music again.
@Suite struct QueueAnnouncementTests {
    @Test("every fragment the spoken numbers use, across 0 to 99 999 and the frames around them, is in the announcement prompt set")
    func fragmentSetIsComplete() {
        for language in ["zh", "en"] {
            let names = Set(AnnouncementPrompts.names(language: language))
            var used: Set<String> = []
            // Every number to 2 000, then every 37th (all place patterns, zeros and 两 cases occur).
            for n in Array(0...2_000) + Array(stride(from: 2_001, through: SpokenNumber.maximum, by: 37)) {
                used.formUnion(SpokenNumber.fragments(n, language: language))
            }
            for n in [0, 1, 2, 7] { used.formUnion(SpokenNumber.position(n, language: language) + SpokenNumber.wait(minutes: n, language: language)) }
            #expect(used.isSubset(of: names), "\(language): \(used.subtracting(names).sorted())")
            #expect(names.isSubset(of: used), "\(language) lists fragments nothing says: \(names.subtracting(used).sorted())")
        }
    }

    @Test("a caller waiting with every agent busy hears how many are ahead and the expected wait, in Mandarin, then the hold music")
    func waitingCallerHearsPositionAndWait() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        let line = ChannelNumber(1)
        for agent in ["8001", "8002", "8003", "8004"] { rig.control.console(.pause(AgentID(agent), reason: "meeting"), now: rig.now) }
        #expect(rig.ring(line, callerID: "13800138000"))
        #expect(rig.run(upTo: 100, listening: [line]) { rig.prompts(heardOn: line).contains("zh/main-menu.wav") })
        rig.press("1", on: line)  // sales
        #expect(rig.run(upTo: 5_000, listening: [line]) { rig.prompts(heardOn: line).contains("zh/wait-after.wav") },
                "the caller hears an announcement within the queue's announce interval")
        let heard = rig.prompts(heardOn: line)
        let start = try #require(heard.firstIndex(of: "zh/position-before.wav"))
        #expect(Array(heard[start...].prefix(3)) == ["zh/position-before.wav", "zh/0.wav", "zh/position-after.wav"])
        #expect(heard[(start + 3)...].first == "zh/wait-before.wav")
        rig.run(upTo: 100, listening: [line])
        #expect(rig.prompts(heardOn: line).last == "zh/hold-music.wav", "hold music resumes after the announcement")
    }
}
