#if canImport(Glibc)
import Glibc
#endif
import COpenR2
import Channels
import DSP

/// The link's calls: commands from call control and openr2's events, both
/// on the signalling thread. One log line per R2 step.
extension R2Link {
    func perform(_ command: E1Command) {
        switch command {
        case .answer(let c):
            guard let i = slots.firstIndex(where: { $0.channel == c }), slots[i].state == "offered", !slots[i].clearing else { return }
            let rc = openr2_chan_accept_call(slots[i].chan, OR2_CALL_WITH_CHARGE)
            log("\(c) accept (B-6, with charge)\(rc == 0 ? "" : " failed: \(rc)")")
            setState(i, "accepting")
        case .release(let c, let cause):
            // Call control only clears calls it was told of: a clearing that
            // arrives once the timeslot is idle or newly seized is for a call
            // already over, and must not touch the next one.
            guard let i = slots.firstIndex(where: { $0.channel == c }), !["idle", "seized"].contains(slots[i].state), !slots[i].clearing else { return }
            let offered = slots[i].state == "offered"
            let r2 = R2Codes.r2Cause(q850: cause, offered: offered)
            let rc = openr2_chan_disconnect_call(slots[i].chan, r2)
            let step = offered ? "refuse" : slots[i].outgoing ? "clear-forward" : "clear-back"
            log("\(c) \(step), cause \(cause) (\(R2Codes.causeText(cause))), R2 \(String(cString: openr2_proto_get_disconnect_string(r2)))\(rc == 0 ? "" : " failed: \(rc)")")
            guard rc == 0 else { return }
            slots[i].clearing = true
            slots[i].talking = false
            slots[i].answerDue = false
            setState(i, "clearing")
        case .call(let c, let number):
            place(c, number)
        }
    }

    private func place(_ c: ChannelNumber, _ number: String) {
        func fail(_ cause: Int, _ why: String) {
            log("\(c) call to \(number) not placed: \(why)")
            emit(c, .farEndCleared(TrunkClearing(cause: cause, text: R2Codes.causeText(cause))))
        }
        guard let i = slots.firstIndex(where: { $0.channel == c }) else { return fail(34, "not a timeslot of this group") }
        guard slots[i].state == "idle" else { return fail(34, "the timeslot is \(slots[i].state)") }
        let chan = slots[i].chan
        openr2_chan_enable_read(chan)
        let own = settings.ownNumber ?? ""
        let rc = openr2_chan_make_call(chan, own, number, OR2_CALLING_PARTY_CATEGORY_NATIONAL_SUBSCRIBER)
        guard rc == 0 else {
            openr2_chan_disable_read(chan)
            return fail(41, "openr2 refused the seizure (\(rc))")
        }
        slots[i].outgoing = true
        slots[i].clearing = false
        setState(i, "calling")
        log("\(c) seize: call to \(number)\(own.isEmpty ? "" : " from \(own)"), category national-subscriber")
    }

    /// Answers an accepted inbound call (after openr2 finished the B signal).
    func answer(_ i: Int) {
        slots[i].answerDue = false
        guard !slots[i].clearing else { return }
        let rc = openr2_chan_answer_call(slots[i].chan)
        log("\(slots[i].channel) answer\(rc == 0 ? "" : " failed: \(rc)")")
        slots[i].talking = rc == 0
        setState(i, "answered")
    }

    // MARK: openr2's events

    private func slot(_ chan: R2Chan?) -> Int? { chan.flatMap { slotOf[$0] } }

    /// A fresh call record for the timeslot in `state`; openr2 reads its
    /// audio (MF, then speech) only while a call is on it.
    private func reset(_ i: Int, _ state: String, reading: Bool) {
        if reading { openr2_chan_enable_read(slots[i].chan) } else { openr2_chan_disable_read(slots[i].chan) }
        slots[i] = Slot(channel: slots[i].channel, chan: slots[i].chan)
        setState(i, state)
    }

    func seized(_ chan: R2Chan?) {
        guard let i = slot(chan) else { return }
        reset(i, "seized", reading: true)
        log("\(slots[i].channel) seized by the far end: seize acknowledged, collecting DNIS and ANI")
    }

    func offered(_ chan: R2Chan?, _ ani: String, _ dnis: String, _ category: openr2_calling_party_category_t) {
        guard let i = slot(chan) else { return }
        let name = R2Codes.categoryName(category)
        setState(i, "offered")
        log("\(slots[i].channel) offered: ANI \(ani.isEmpty ? "(none)" : ani), DNIS \(dnis), category \(name)")
        emit(slots[i].channel, .incomingCall(TrunkCall(calling: ani, called: dnis, category: name)))
    }

    func accepted(_ chan: R2Chan?, _ mode: openr2_call_mode_t) {
        guard let i = slot(chan) else { return }
        let how = String(cString: openr2_proto_get_call_mode_string(mode))
        if slots[i].outgoing {
            log("\(slots[i].channel) accepted by the far end (\(how)): ringing")
            setState(i, "ringing")
            emit(slots[i].channel, .farEndRinging)
        } else {
            log("\(slots[i].channel) accepted: answering")
            slots[i].answerDue = true
        }
    }

    func answered(_ chan: R2Chan?) {
        guard let i = slot(chan) else { return }
        log("\(slots[i].channel) answered by the far end")
        slots[i].talking = true
        setState(i, "answered")
        emit(slots[i].channel, .farEndAnswered)
    }

    func disconnected(_ chan: R2Chan?, _ cause: openr2_call_disconnect_cause_t) {
        guard let i = slot(chan) else { return }
        let q850 = R2Codes.q850(cause)
        let step = slots[i].outgoing ? "clear-back" : "clear-forward"
        log("\(slots[i].channel) \(step) from the far end: \(String(cString: openr2_proto_get_disconnect_string(cause))) (cause \(q850))")
        if !slots[i].clearing { emit(slots[i].channel, .farEndCleared(TrunkClearing(cause: q850, text: R2Codes.causeText(q850)))) }
        slots[i].clearing = true
        slots[i].talking = false
        slots[i].answerDue = false
        setState(i, "clearing")
        openr2_chan_disconnect_call(slots[i].chan, OR2_CAUSE_NORMAL_CLEARING)
    }

    func ended(_ chan: R2Chan?) {
        guard let i = slot(chan) else { return }
        let speech = "speech \(Double(slots[i].heard / 80) / 100) s heard, \(Double(slots[i].sent / 80) / 100) s sent"
        reset(i, "idle", reading: false)
        log("\(slots[i].channel) idle: call over (\(speech))")
    }

    /// A broken R2 sequence: openr2 has already set the timeslot idle.
    func protocolError(_ chan: R2Chan?, _ error: openr2_protocol_error_t) {
        let text = String(cString: openr2_proto_get_error(error))
        guard let i = slot(chan) else { return log("blocked timeslot: protocol error \(text)") }
        log("\(slots[i].channel) protocol error: \(text) (\(slots[i].state)); the timeslot is idle again")
        if slots[i].state != "idle" && !slots[i].clearing {
            emit(slots[i].channel, .farEndCleared(TrunkClearing(cause: R2Codes.protocolError, text: R2Codes.causeText(R2Codes.protocolError))))
        }
        reset(i, "idle", reading: false)
    }

    func lineState(_ chan: R2Chan?, blocked: Bool) {
        guard let i = slot(chan) else { return }
        log("\(slots[i].channel) \(blocked ? "blocked by the far end" : "idle (far end unblocked)")")
        setState(i, blocked ? "blocked by far end" : "idle")
    }

    func dnisDigit(_ chan: R2Chan?, _ digit: CChar) -> Int32 {
        guard let i = slot(chan) else { return 1 }
        slots[i].dnis.append(Character(Unicode.Scalar(UInt8(bitPattern: digit))))
        return R2Codes.wantsMoreDNIS(slots[i].dnis, hotlines: settings.hotlines, maxDigits: settings.maxDNIS) ? 1 : 0
    }

    /// Speech from the far end (A-law, answered calls only) into the timeslot's ring.
    func heard(_ chan: R2Chan?, _ bytes: UnsafePointer<UInt8>?, _ count: Int32) {
        guard let i = slot(chan), let bytes, slots[i].talking else { return }
        let n = min(Int(count), linear.count)
        for k in 0..<n { linear[k] = G711Law.alaw.decode(bytes[k]) }
        received[i].write(UnsafeBufferPointer(rebasing: linear[0..<n]))
        slots[i].heard += n
    }

    func alarm(_ chan: R2Chan?, _ raised: Int32) {
        guard let i = slot(chan), i == 0 else { return }
        log("span \(settings.span) alarm \(raised != 0 ? "raised" : "cleared") (openr2)")
    }

    // MARK: openr2's callbacks (C function pointers; the link is each channel's client data)

    static func owner(_ chan: R2Chan?) -> R2Link? {
        guard let chan, let raw = openr2_chan_get_client_data(chan) else { return nil }
        return Unmanaged<R2Link>.fromOpaque(raw).takeUnretainedValue()
    }

    static func text(_ s: UnsafePointer<CChar>?) -> String { s.map { String(cString: $0) } ?? "" }

    static func line(_ format: UnsafePointer<CChar>?, _ args: CVaListPointer?) -> String {
        guard let format, let args else { return "" }
        var buffer = [CChar](repeating: 0, count: 512)
        _ = buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 512, format, args) }
        var bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        while let last = bytes.last, last == 10 || last == 13 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let channelTrace: openr2_logging_func_t = { chan, _, format, args in
        guard let me = owner(chan) else { return }
        let number = chan.map { openr2_chan_get_number($0) } ?? 0
        me.log("channel \(number) openr2: \(line(format, args))")
    }

    /// openr2 keeps the pointer: one interface for every link, allocated once.
    nonisolated(unsafe) static let eventInterface: UnsafeMutablePointer<openr2_event_interface_t> = {
        var e = openr2_event_interface_t()
        e.on_call_init = { owner($0)?.seized($0) }
        e.on_call_offered = { chan, ani, dnis, category in owner(chan)?.offered(chan, text(ani), text(dnis), category) }
        e.on_call_accepted = { chan, mode in owner(chan)?.accepted(chan, mode) }
        e.on_call_answered = { owner($0)?.answered($0) }
        e.on_call_disconnect = { chan, cause in owner(chan)?.disconnected(chan, cause) }
        e.on_call_end = { owner($0)?.ended($0) }
        e.on_call_read = { chan, bytes, count in owner(chan)?.heard(chan, bytes, count) }
        e.on_hardware_alarm = { chan, raised in owner(chan)?.alarm(chan, raised) }
        e.on_os_error = { chan, code in owner(chan)?.log("channel \(chan.map { openr2_chan_get_number($0) } ?? 0): system error \(String(cString: strerror(code)))") }
        e.on_protocol_error = { chan, error in owner(chan)?.protocolError(chan, error) }
        e.on_line_blocked = { owner($0)?.lineState($0, blocked: true) }
        e.on_line_idle = { owner($0)?.lineState($0, blocked: false) }
        e.on_context_log = { context, _, format, args in
            let log = R2Link.contexts.withLock { $0[Int(bitPattern: context)] }
            log?("openr2: " + line(format, args))
        }
        e.on_dnis_digit_received = { chan, digit in owner(chan)?.dnisDigit(chan, digit) ?? 1 }
        e.on_ani_digit_received = { _, _ in }
        e.on_billing_pulse_received = { _ in }
        let p = UnsafeMutablePointer<openr2_event_interface_t>.allocate(capacity: 1)
        p.initialize(to: e)
        return p
    }()
}
