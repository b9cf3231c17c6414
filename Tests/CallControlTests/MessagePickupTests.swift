import Testing
import ACD
import CallControl
import Channels
import Telephony

/// Mailboxes kept in memory for the flow's tests (the daemon's shelf reads kefu.db).
final class MemoryShelf: MessageShelf {
    var items: [MessageItem]
    var audio: [Int64: [Int16]]
    var marks: [(Int64, String, String)] = []
    init(_ items: [MessageItem], audio: [Int64: [Int16]]) {
        self.items = items
        self.audio = audio
    }
    func newMessages(boxes: [String]) -> [MessageItem] { items.filter { boxes.isEmpty || boxes.contains($0.box) } }
    func audio(_ item: MessageItem) -> Result<[Int16], MessageAudioError> {
        audio[item.id].map { .success($0) } ?? .failure(MessageAudioError("\(item.path) is missing"))
    }
    func mark(_ id: Int64, state: String, user: String, at: Int64) { marks.append((id, state, user)) }
}

/// An agent picks up their mailboxes' messages on the phone with the message code.
@Suite struct MessagePickupTests {
    let phone = ChannelNumber(11)  // 8003, who answers support

    func rig(_ shelf: MemoryShelf) throws -> CenterRig {
        let rig = try CenterRig(at: "2026-03-04", 10)
        rig.control.shelf = shelf
        rig.step(before: { $0.farPhoneHook(self.phone, offHook: true) })
        rig.run(upTo: 3)
        return rig
    }

    /// Samples of the clip the phone hears over `ticks` (message audio is 7000 + the message id).
    func heardMessages(_ rig: CenterRig, ticks: Int) -> [Int16] {
        var out: [Int16] = []
        for _ in 0..<ticks {
            rig.step(after: { _ in
                let v = rig.receive(self.phone)[0]
                if v > 7000, v < 7100, out.last != v { out.append(v) }
            })
        }
        return out
    }

    @Test func theCodePlaysTheBoxesNewMessagesInTurnAndTheKeysMarkDeleteAndCallBack() throws {
        let shelf = MemoryShelf([
            MessageItem(id: 1, box: "support", callID: 40, callerNumber: "13800138000", path: "/m/1.wav"),
            MessageItem(id: 2, box: "8003", callID: 41, callerNumber: "13900139000", path: "/m/2.wav"),
            MessageItem(id: 3, box: "support", callID: 42, callerNumber: "13700137000", path: "/m/3.wav"),
            MessageItem(id: 4, box: "sales", callID: 43, callerNumber: "13600136000", path: "/m/4.wav"),
        ], audio: [1: [Int16](repeating: 7001, count: 800), 2: [Int16](repeating: 7002, count: 800),
                   3: [Int16](repeating: 7003, count: 800), 4: [Int16](repeating: 7004, count: 800)])
        let rig = try rig(shelf)
        rig.press("*97#", on: phone)
        #expect(heardMessages(rig, ticks: 60) == [7001], "8003's boxes: support and their own; not sales")
        rig.press("1", on: phone)
        #expect(heardMessages(rig, ticks: 30) == [7001], "1 plays it again")
        rig.press("2", on: phone)
        #expect(heardMessages(rig, ticks: 30) == [7002])
        rig.press("7", on: phone)
        #expect(heardMessages(rig, ticks: 30) == [7003])
        rig.press("3", on: phone)
        rig.run(upTo: 30)
        #expect(shelf.marks.map(\.0) == [1, 2, 3] && shelf.marks.map(\.1) == ["heard", "deleted", "heard"])
        #expect(shelf.marks.allSatisfy { $0.2 == "8003" })
        #expect(rig.control.flow.acd.waiting(in: "support").contains { $0.call == ACD.CallID(42) }, "a callback to 13700137000 waits in support")
        #expect(rig.control.log.contains("agent 8003: message-delete message-2 (box 8003, from the phone)"))
        rig.heard[phone] = []
        rig.run(upTo: 40, listening: [phone])
        #expect(rig.prompts(heardOn: phone).contains("tone:busy"), "none left")
    }

    @Test func aMessageWhoseAudioIsMissingGivesTheRefusalToneAndIsSaidInTheLog() throws {
        let shelf = MemoryShelf([MessageItem(id: 9, box: "support", callID: 50, callerNumber: nil, path: "/m/9.wav")], audio: [:])
        let rig = try rig(shelf)
        rig.press("*97#", on: phone)
        rig.run(upTo: 60, listening: [phone])
        #expect(rig.prompts(heardOn: phone).contains("tone:refused"))
        #expect(rig.control.log.contains("message-9 cannot be played: /m/9.wav is missing"))
    }
}
