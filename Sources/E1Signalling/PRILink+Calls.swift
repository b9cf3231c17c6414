#if canImport(Glibc)
import Glibc
#endif
import CPri
import Channels

/// The link's calls: commands from call control and libpri's events, both
/// on the signalling thread.
extension PRILink {
    func perform(_ command: E1Command) {
        guard let p = pri else { return }
        switch command {
        case .answer(let c):
            let ts = settings.timeslot(c)
            guard let call = calls[ts], !call.outgoing, !call.clearing else { return }
            let rc = pri_answer(p, call.call, ts, 0)
            log("\(c) answer (CONNECT)\(rc == 0 ? "" : " failed: \(rc)")")
            setState(ts, "answered")
        case .release(let c, let cause):
            let ts = settings.timeslot(c)
            guard var call = calls[ts], !call.clearing else { return }
            call.clearing = true
            calls[ts] = call
            let rc = pri_hangup(p, call.call, Int32(cause))
            log("\(c) clear, cause \(cause) (\(PRILink.causeText(cause)))\(rc == 0 ? "" : " failed: \(rc)")")
            setState(ts, "clearing")
        case .call(let c, let number):
            place(c, number, p)
        }
    }

    private func place(_ c: ChannelNumber, _ number: String, _ p: OpaquePointer) {
        let ts = settings.timeslot(c)
        func fail(_ cause: Int, _ why: String) {
            log("\(c) call to \(number) not placed: \(why)")
            emit(c, .farEndCleared(TrunkClearing(cause: cause, text: PRILink.causeText(cause))))
        }
        guard isUp else { return fail(Int(PRI_CAUSE_NETWORK_OUT_OF_ORDER), "the D channel is down") }
        guard calls[ts] == nil else { return fail(Int(PRI_CAUSE_REQUESTED_CHAN_UNAVAIL), "the channel has a call") }
        guard let call = pri_new_call(p), let request = pri_sr_new() else { return fail(Int(PRI_CAUSE_NORMAL_TEMPORARY_FAILURE), "libpri has no room") }
        defer { pri_sr_free(request) }
        pri_sr_set_channel(request, ts, 1, 0)
        pri_sr_set_bearer(request, Int32(PRI_TRANS_CAP_SPEECH), Int32(PRI_LAYER_1_ALAW))
        let own = settings.ownNumber ?? ""
        let rc = number.withCString { called in
            own.withCString { calling in
                pri_sr_set_called(request, UnsafeMutablePointer(mutating: called), Int32(PRI_UNKNOWN), 1)
                pri_sr_set_caller(request, own.isEmpty ? nil : UnsafeMutablePointer(mutating: calling), nil, Int32(PRI_UNKNOWN),
                                  CPri_presentationAllowed())
                return pri_setup(p, call, request)
            }
        }
        guard rc == 0 else {
            pri_destroycall(p, call)
            return fail(Int(PRI_CAUSE_NORMAL_TEMPORARY_FAILURE), "SETUP refused by libpri (\(rc))")
        }
        calls[ts] = Call(call: call, outgoing: true, state: "calling")
        setState(ts, "calling")
        log("\(c) SETUP to \(number)\(own.isEmpty ? "" : " from \(own)")")
    }

    func handle(_ event: UnsafeMutablePointer<pri_event>) {
        guard let p = pri else { return }
        switch event.pointee.e {
        case PRI_EVENT_DCHAN_UP:
            if !isUp { log("D channel up (Q.921 multiple frame established)") }
            setLinkUp(true)
        case PRI_EVENT_DCHAN_DOWN:
            if isUp { log("D channel down: calls on the span are cleared") }
            setLinkUp(false)
            for ts in calls.keys.sorted() {
                if calls[ts]?.clearing == false { emit(settings.channel(ts), .farEndCleared(TrunkClearing(cause: 38, text: PRILink.causeText(38)))) }
                calls[ts] = nil
                setState(ts, nil)
            }
        case PRI_EVENT_RING:
            offered(&event.pointee.ring, p)
        case PRI_EVENT_PROCEEDING:
            if let ts = slot(of: event.pointee.proceeding.call) { log("\(settings.channel(ts)) CALL PROCEEDING") }
        case PRI_EVENT_RINGING:
            guard let ts = slot(of: event.pointee.ringing.call) else { return }
            log("\(settings.channel(ts)) ALERTING")
            setState(ts, "ringing")
            emit(settings.channel(ts), .farEndRinging)
        case PRI_EVENT_ANSWER:
            guard let ts = slot(of: event.pointee.answer.call) else { return }
            log("\(settings.channel(ts)) CONNECT: answered")
            setState(ts, "answered")
            emit(settings.channel(ts), .farEndAnswered)
        case PRI_EVENT_HANGUP_REQ:  // DISCONNECT from the far end
            let h = event.pointee.hangup
            guard let ts = slot(of: h.call), var call = calls[ts] else { return }
            log("\(settings.channel(ts)) DISCONNECT, cause \(h.cause) (\(PRILink.causeText(Int(h.cause))))")
            if !call.clearing { emit(settings.channel(ts), .farEndCleared(TrunkClearing(cause: Int(h.cause), text: PRILink.causeText(Int(h.cause))))) }
            call.clearing = true
            calls[ts] = call
            setState(ts, "clearing")
            pri_hangup(p, h.call, h.cause)
        case PRI_EVENT_HANGUP:  // RELEASE or RELEASE COMPLETE: the call is over
            let h = event.pointee.hangup
            guard let ts = slot(of: h.call), let call = calls[ts] else { return }
            log("\(settings.channel(ts)) released, cause \(h.cause) (\(PRILink.causeText(Int(h.cause))))")
            if !call.clearing { emit(settings.channel(ts), .farEndCleared(TrunkClearing(cause: Int(h.cause), text: PRILink.causeText(Int(h.cause))))) }
            pri_hangup(p, h.call, h.cause)  // frees libpri's call
            calls[ts] = nil
            setState(ts, nil)
        case PRI_EVENT_HANGUP_ACK:
            let h = event.pointee.hangup
            guard let ts = slot(of: h.call) else { return }
            log("\(settings.channel(ts)) released")
            calls[ts] = nil
            setState(ts, nil)
        case PRI_EVENT_RESTART:
            log("RESTART of timeslot \(CPri_timeslot(event.pointee.restart.channel))")
        default:
            break
        }
    }

    private func offered(_ ring: inout pri_event_ring, _ p: OpaquePointer) {
        let ts = CPri_timeslot(ring.channel)
        let calling = PRILink.text(&ring.callingnum), called = PRILink.text(&ring.callednum)
        let c = settings.channel(ts)
        guard ts > 0, settings.bearers.contains(c), calls[ts] == nil else {
            log("SETUP for timeslot \(ts) from \(calling) to \(called) refused: not a free channel of this group")
            pri_hangup(p, ring.call, Int32(PRI_CAUSE_REQUESTED_CHAN_UNAVAIL))
            return
        }
        calls[ts] = Call(call: ring.call, outgoing: false, state: "offered")
        setState(ts, "offered")
        pri_proceeding(p, ring.call, ring.channel, 0)
        log("\(c) SETUP from \(calling.isEmpty ? "(no number)" : calling) to \(called)")
        emit(c, .incomingCall(TrunkCall(calling: calling, called: called)))
    }

    static func text<T>(_ field: inout T) -> String {
        withUnsafeBytes(of: &field) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
    }

    static func causeText(_ cause: Int) -> String {
        guard let s = pri_cause2str(Int32(cause)) else { return "cause \(cause)" }
        return String(cString: s)
    }

    // MARK: libpri's callbacks (C function pointers; the link is the userdata)

    static func owner(_ p: OpaquePointer?) -> PRILink? {
        guard let p, let raw = pri_get_userdata(p) else { return nil }
        return Unmanaged<PRILink>.fromOpaque(raw).takeUnretainedValue()
    }

    static let readFrame: pri_io_cb = { p, buffer, length in
        guard let me = PRILink.owner(p), let buffer else { return 0 }
        return Int32(me.dChannel.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
    }

    static let writeFrame: pri_io_cb = { p, buffer, length in
        guard let me = PRILink.owner(p), let buffer else { return 0 }
        return Int32(me.dChannel.write(UnsafeRawBufferPointer(start: buffer, count: Int(length))))
    }

    /// libpri's text (debug output, errors) arrives in pieces: each link
    /// collects it up to a newline and logs whole lines.
    static func installTextHandlers() {
        pri_set_message { p, text in PRILink.owner(p)?.collect(text, error: false) }
        pri_set_error { p, text in PRILink.owner(p)?.collect(text, error: true) }
    }

    func collect(_ text: UnsafeMutablePointer<CChar>?, error: Bool) {
        guard let text else { return }
        var s = UnsafePointer(text)
        while s.pointee != 0 {
            if s.pointee == 10 {
                if !textLine.isEmpty { log("libpri\(error ? " error" : ""): " + String(decoding: textLine, as: UTF8.self)) }
                textLine.removeAll(keepingCapacity: true)
            } else {
                textLine.append(UInt8(bitPattern: s.pointee))
            }
            s += 1
        }
    }
}
