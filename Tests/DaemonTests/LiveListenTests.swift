import Foundation
import Testing
import Accounts
import CallControl
import Console
import KefuDaemon
import Storage

/// `kefu calls listen`: a recorded live call played on the box's sound
/// device (here ALSA's null device, which takes the audio like a card).
@Suite struct LiveListenTests {
    let supervisor = Operator(name: "wang", role: .supervisor)

    @Test("a supervisor listens to a recorded call in progress: its audio flows to the device; a missing device and an unknown call are named")
    func listeningPlaysTheCallsAudio() throws {
        var options = SimulatedCenterTests.options(config: SimulatedCenterTests.exampleConfig)
        options.meanTalkSeconds = 120
        options.listenDevice = "null"
        defer { try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        let center = try SimulatedCenterTests.center(options, seconds: 40)
        let service = try ConsoleService(center: center)
        #expect(service.listenDevice == "null", "kefud's --listen-device")
        let recorded = try #require(center.control.flow.calls.keys.sorted().first { center.control.flow.recordingSlot(of: $0) != nil },
                                    "a recorded call is in progress")
        let answer = service.run(ConsoleRequest(arguments: ["calls", "listen", "call-\(recorded.rawValue)", "5"]), as: supervisor)
        #expect(answer.status == 0, "\(answer.errors)")
        #expect(answer.lines.first?.hasPrefix("listening to call-\(recorded.rawValue) on null") == true)
        center.runVirtual(seconds: 2)
        var waited = 0
        while service.listenedSamples == 0 && waited < 200 { usleep(10_000); waited += 1 }
        #expect(service.listenedSamples > 0, "the call's audio reached the device")

        let unknown = service.run(ConsoleRequest(arguments: ["calls", "listen", "call-999999"]), as: supervisor)
        #expect(unknown.errors == ["no call-999999 in progress"])
        service.listenDevice = "no-such-device"
        let missing = service.run(ConsoleRequest(arguments: ["calls", "listen", "call-\(recorded.rawValue)"]), as: supervisor)
        #expect(missing.errors.first?.hasPrefix("sound device 'no-such-device'") == true, "\(missing.errors)")
        service.stopListening()
    }
}
