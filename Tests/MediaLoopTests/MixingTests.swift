import Testing
import Channels
import MediaLoop
import SimChannels

/// Conferences and monitoring: a channel hears the sum of up to three others.
@Suite struct MixingTests {
    let board = SimBoard(lines: 2, phones: 3)
    let caller = ChannelNumber(1)
    let agent = ChannelNumber(3)
    let third = ChannelNumber(4)

    func started() -> MediaLoop {
        let media = MediaLoop(backend: board, prompts: PromptTable())
        for c in [caller, agent, third] { media.commands.push(.attach(c, [])) }
        media.tick()  // opens the channels
        return media
    }

    func send(_ c: ChannelNumber, _ value: Int16) {
        [Int16](repeating: value, count: 160).withUnsafeBufferPointer { board.farSend(c, $0) }
    }

    func heard(_ c: ChannelNumber) -> [Int16] {
        var out = [Int16](repeating: 0, count: 160)
        out.withUnsafeMutableBufferPointer { board.farReceive(c, into: $0) }
        return out
    }

    func tick(_ media: MediaLoop, _ values: [ChannelNumber: Int16]) {
        for c in [caller, agent, third] { _ = heard(c) }
        for (c, v) in values { send(c, v) }
        media.tick()
    }

    @Test func threePartiesEachHearTheSumOfTheOtherTwo() {
        let media = started()
        media.commands.push(.hear(caller, MixSources([agent, third])))
        media.commands.push(.hear(agent, MixSources([caller, third])))
        media.commands.push(.hear(third, MixSources([caller, agent])))
        tick(media, [caller: 100, agent: 20, third: 3])
        #expect(heard(caller).allSatisfy { $0 == 23 })
        #expect(heard(agent).allSatisfy { $0 == 103 })
        #expect(heard(third).allSatisfy { $0 == 120 })
    }

    @Test func mixingSaturatesInsteadOfWrappingAround() {
        let media = started()
        media.commands.push(.hear(caller, MixSources([agent, third])))
        tick(media, [agent: 30_000, third: 30_000])
        #expect(heard(caller).allSatisfy { $0 == Int16.max })
        tick(media, [agent: -30_000, third: -30_000])
        #expect(heard(caller).allSatisfy { $0 == Int16.min })
    }

    @Test func aListenerHearsBothSidesWhileNeitherHearsTheListener() {
        let media = started()
        media.commands.push(.bridge(caller, agent))
        media.commands.push(.hear(third, MixSources([caller, agent])))
        tick(media, [caller: 100, agent: 20, third: 3])
        #expect(heard(third).allSatisfy { $0 == 120 })
        #expect(heard(caller).allSatisfy { $0 == 20 })
        #expect(heard(agent).allSatisfy { $0 == 100 })
    }

    @Test func unbridgingAChannelTakesItOutOfEveryoneElsesMix() {
        let media = started()
        media.commands.push(.hear(caller, MixSources([agent, third])))
        media.commands.push(.hear(agent, MixSources([caller, third])))
        media.commands.push(.unbridge(agent))
        tick(media, [caller: 100, agent: 20, third: 3])
        #expect(heard(caller).allSatisfy { $0 == 3 }, "the caller still hears the third party")
        #expect(heard(agent).allSatisfy { $0 == 0 })
    }

    @Test func aCallerRecordingFollowsWhatTheCallerHearsAcrossAChangeOfAgent() {
        let media = started()
        media.commands.push(.bridge(caller, agent))
        media.commands.push(.recordCaller(RecordingSlot(2), caller: caller))
        tick(media, [caller: 100, agent: 20, third: 3])
        media.commands.push(.bridge(caller, third))
        tick(media, [caller: 100, agent: 20, third: 3])
        var rights: [Int16] = []
        var lefts: [Int16] = []
        media.tap.drain { slot, left, right in
            #expect(slot == RecordingSlot(2))
            lefts.append(left[0]); rights.append(right[0])
        }
        #expect(lefts == [100, 100])
        #expect(rights == [20, 3], "the same slot records the first agent, then the one the call moved to")
    }
}

/// Audio loaded while running (messages) plays like a prompt; its slot is
/// reported free however the playing ends.
@Suite struct ClipTests {
    let board = SimBoard(lines: 1, phones: 1)
    let phone = ChannelNumber(2)

    func started() -> MediaLoop {
        let media = MediaLoop(backend: board, prompts: PromptTable(), clips: ClipTable(slots: 2, seconds: 1))
        media.commands.push(.attach(phone, []))
        media.tick()
        return media
    }

    func heard() -> [Int16] {
        var out = [Int16](repeating: 0, count: 160)
        out.withUnsafeMutableBufferPointer { board.farReceive(phone, into: $0) }
        return out
    }

    func events(_ media: MediaLoop) -> [MediaEvent] {
        var out: [MediaEvent] = []
        while let e = media.events.pop() { out.append(e) }
        return out
    }

    @Test func aLoadedClipPlaysToItsEndThenItsSlotIsReportedFree() {
        let media = started()
        let audio = (0..<240).map { Int16($0 + 1) }
        #expect(media.clips.load(ClipSlot(1), audio) == 240)
        media.commands.push(.playClip(phone, ClipSlot(1)))
        media.tick()
        #expect(heard() == Array(audio[0..<160]))
        media.tick()
        #expect(heard() == Array(audio[160..<240]) + [Int16](repeating: 0, count: 80))
        #expect(events(media).contains(.clipDone(ClipSlot(1))))
    }

    @Test func stoppingOrReplacingAClipFreesItsSlot() {
        let media = started()
        media.clips.load(ClipSlot(0), [Int16](repeating: 5, count: 8000))
        media.commands.push(.playClip(phone, ClipSlot(0)))
        media.tick()
        #expect(events(media).isEmpty, "still playing")
        media.commands.push(.stopPlayback(phone))
        media.tick()
        #expect(events(media) == [.clipDone(ClipSlot(0))])
        media.clips.load(ClipSlot(1), [Int16](repeating: 6, count: 8000))
        media.commands.push(.playClip(phone, ClipSlot(1)))
        media.commands.push(.playClip(phone, ClipSlot(0)))
        media.tick()
        #expect(events(media) == [.clipDone(ClipSlot(1))], "replaced by another clip")
        #expect(heard().allSatisfy { $0 == 5 })
    }

    @Test func aClipLongerThanItsSlotIsCutToTheSlot() {
        let media = started()
        #expect(media.clips.load(ClipSlot(0), [Int16](repeating: 1, count: 9000)) == 8000)
    }
}
