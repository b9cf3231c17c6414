import Channels
import DSP
import SimChannels
import Testing
@testable import Setup

@Suite struct PortTesterTests {
    func rig(dialTone: Bool = true, answer: Bool = true) -> (SimBoard, PortTester) {
        let board = SimBoard(lineNumbers: [1, 2], phoneNumbers: [3, 4])
        board.world = SimFarEnd(plan: .china, dialTone: dialTone, answerPhones: answer)
        return (board, PortTester(backend: board, plan: .china, phoneIsOffHook: { board.phoneIsOffHook(ChannelNumber($0)) }))
    }

    @Test func aLineWithDialToneReportsItsFrequencyAndLevel() {
        let (board, tester) = rig()
        let r = tester.testLine(1)
        guard case .dialTone(let hz, let level) = r.outcome else { Issue.record("\(r.outcome)"); return }
        #expect(abs(hz - 450) <= 5)
        #expect(abs(level - -13) < 0.5)
        #expect(r.passed)
        #expect(!board.lineIsOffHook(ChannelNumber(1)) && !board.isOpen(ChannelNumber(1)))
        // Found before the 3 s were up: the detector needs about 1.3 s of continuous tone.
        #expect(board.tick < 100)
    }

    @Test func aSilentLineIsNoDialToneAfterThreeSeconds() {
        let (board, tester) = rig(dialTone: false)
        let r = tester.testLine(2)
        #expect(r.outcome == .noDialTone(seconds: 3))
        #expect(r.text(chinese: false) == "line 2: no dial tone in 3 s (line not connected?)")
        #expect(board.tick == 150)
    }

    @Test func aPhoneRingsAndIsAnswered() {
        let (board, tester) = rig()
        let r = tester.testPhone(3)
        #expect(r.outcome == .rang(answered: true))
        #expect(board.phoneRingStarts(ChannelNumber(3)) == 1)
        #expect(!board.phoneIsRinging(ChannelNumber(3)))
    }

    @Test func aPhoneNobodyLiftsStillRang() {
        let (board, tester) = rig(answer: false)
        let r = tester.testPhone(4, seconds: 2)
        #expect(r.outcome == .rang(answered: false))
        #expect(board.phoneRingStarts(ChannelNumber(4)) == 1 && board.tick == 100)
    }

    @Test func aPhoneOffHookIsNotRung() {
        let (board, tester) = rig()
        board.farPhoneHook(ChannelNumber(3), offHook: true)
        #expect(tester.testPhone(3).outcome == .phoneOffHook)
        #expect(board.phoneRingStarts(ChannelNumber(3)) == 0)
    }

    @Test func aChannelOpenElsewhereSaysKefudIsUsingTheBoard() {
        let (board, tester) = rig()
        #expect(PortTester.outcome(for: .system(ChannelNumber(1), operation: "DAHDI_SPECIFY", errno: 16, message: "Device or resource busy")) == .busy)
        let r = PortTestResult(channel: 1, role: .line, outcome: .busy)
        #expect(r.text(chinese: false) == "line 1: kefud is using the board; stop it first (systemctl stop kefud)")
        try? board.open(ChannelNumber(1))
        #expect(tester.testLine(1).outcome == .failed("ch1: already open"))
    }
}
