import ACD
import Channels
import DSP
import MediaLoop
import Records
import Telephony

/// Callbacks keeping place. The caller (in a queue, by the queue's callback
/// key, an overflow, or a `callback QUEUE` menu action) confirms or keys in
/// a number and hangs up; the ACD keeps their place. At the front, the
/// agent's phone rings while an outside line is held for the call
/// (`.reserved`); when the agent answers, the line is seized, the number
/// dialled (after `OutboundGate`'s checks) and the agent hears the line at
/// once; `CallbackProgress` decides answered or failed. A failed attempt
/// goes back to the ACD, which retries later or gives up.
///
/// The callback is its own call (a "leg", direction `callback`, with
/// `origin` the call it was booked on). The ACD knows it by the booking
/// call's id: `legs` and `legOrigin` translate.
extension CenterFlow {
    struct Booking: Sendable, Equatable {
        var queue: String
        var number: String
        var language: String
        /// When the caller joined the queue (their wait runs on while booked).
        var joined: SampleTime
    }

    // MARK: Booking, with the caller on the line

    /// Asks a waiting caller for the number (the suggested one, their caller
    /// ID, is read back if the box may dial it).
    mutating func collectCallbackNumber(_ id: CallID, suggested: String?) {
        guard let session = sessions[id], case .queued = lines[session.line] ?? .idle, session.entry == nil else { return }
        let entry = CallbackEntry(suggested: suggested.flatMap { plan.outbound.allows($0) ? $0 : nil }, now: now)
        sessions[id]?.entry = entry
        say(id, entry.opening)
    }

    /// A menu's `callback QUEUE`: the caller joins the queue and books at
    /// once (with the number a collection stored, or after confirming one).
    mutating func requestCallback(_ id: CallID, queue: String) {
        join(id, queue: queue)
        guard let line = calls[id]?.line, case .queued = lines[line] ?? .idle else { return }
        if let typed = calls[id]?.data["callback_number"], plan.outbound.allows(typed) {
            acdStep(.callbackNumberEntered(acdCall(id), number: typed))
        } else {
            collectCallbackNumber(id, suggested: calls[id]?.callerID?.number)
        }
    }

    mutating func callbackEntryKey(_ id: CallID, _ key: DTMFKey) {
        guard var entry = sessions[id]?.entry else { return }
        let outbound = plan.outbound
        let step = entry.key(key, now: now) { outbound.allows($0) }
        sessions[id]?.entry = entry
        if let step { callbackEntryStep(id, step) }
    }

    mutating func callbackEntryStep(_ id: CallID, _ step: CallbackEntry.Step) {
        switch step {
        case .say(let names):
            say(id, names)
        case .book(let number):
            sessions[id]?.entry = nil
            acdStep(.callbackNumberEntered(acdCall(id), number: number))
        case .cancel:
            sessions[id]?.entry = nil
            stopPlayback(id)
            resumeMusic(id)
        }
    }

    /// The ACD has booked the callback: confirm it, then release the line.
    mutating func releaseForCallback(_ id: CallID, number: String) {
        guard let session = sessions[id], let queue = session.queue else { return }
        bookings[id] = Booking(queue: queue, number: number, language: session.language, joined: session.joined ?? now)
        calls[id]?.data["callback_number"] = number
        calls[id]?.end = .callbackBooked
        queueEvent(id, queue, .callbackBooked(number: number))
        lines[session.line] = .leaving(id)
        play(id, [CenterPlan.file("callback-booked", session.language)], owner: .farewell(.callbackBooked))
    }

    private mutating func say(_ id: CallID, _ names: [String]) {
        guard let language = sessions[id]?.language else { return }
        play(id, names.map { CenterPlan.file($0, language) }, owner: .queueMessage)
    }

    /// A booking from before a restart (call `id`, its caller joined
    /// `since`): it goes back to its place in the queue.
    public mutating func restoreCallback(_ id: CallID, queue: String, number: String, language: String, since: SampleTime) -> [CallAction] {
        book(id, queue: queue, number: number, language: language, since: since)
        return take()
    }

    /// A callback for call `id`'s caller waits in `queue` from `since`.
    mutating func book(_ id: CallID, queue: String, number: String, language: String, since: SampleTime) {
        bookings[id] = Booking(queue: queue, number: number, language: language, joined: since)
        let arrival = CallArrival(call: acdCall(id), queue: QueueID(queue), channel: ChannelID(0))
        acdStep(.restoreCallback(arrival, number: number, since: since))
    }

    // MARK: Offers: the agent's phone rings, an outside line is held

    mutating func offerCallback(_ booking: CallID, _ agent: AgentID, _ phone: ChannelNumber) {
        let line: ChannelNumber
        if let held = reservations[booking] {
            line = held
        } else if let free = freeOutboundLine() {
            line = free
            reservations[booking] = free
            lines[free] = .reserved(booking)
        } else {
            note("a callback is due but no outside line is free: it waits")
            deferredACD.append(.callbackLineUnavailable(acdCall(booking)))
            return
        }
        legOffers[booking, default: []].insert(agent)
        offeredPhone[agent] = phone
        if phones[phone] == .idle { ring(phone, line) } else { pendingRing[phone] = line }
    }

    mutating func cancelCallbackOffer(_ booking: CallID, _ agent: AgentID) {
        legOffers[booking]?.remove(agent)
        guard let line = reservations[booking] else { return }
        if let phone = offeredPhone.removeValue(forKey: agent) {
            if phones[phone] == .ringing(line: line) {
                phones[phone] = .idle
                media(.hook(phone, .ringStop))
            }
            if pendingRing[phone] == line { pendingRing[phone] = nil }
        }
        if legOffers[booking]?.isEmpty ?? true {
            legOffers[booking] = nil
            reservations[booking] = nil
            if lines[line] == .reserved(booking) { lines[line] = .idle }
        }
    }

    /// A caller rang in on a line held for a callback: the hold moves to
    /// another free line (the agents' ringing follows), or is dropped and
    /// a line is looked for when the agent answers.
    mutating func moveReservation(_ booking: CallID, from line: ChannelNumber) {
        reservations[booking] = nil
        let other = freeOutboundLine()  // the ringing line is not free: still held
        lines[line] = .idle
        guard let other else { return }
        reservations[booking] = other
        lines[other] = .reserved(booking)
        for (phone, state) in phones where state == .ringing(line: line) { phones[phone] = .ringing(line: other) }
        for (phone, held) in pendingRing where held == line { pendingRing[phone] = other }
    }

    func freeOutboundLine() -> ChannelNumber? {
        plan.outboundLines.first { lines[$0] == .idle && alarms[$0] == nil }
    }

    // MARK: Dialling

    /// The agent answered: seize the line, bridge the agent to it, dial.
    mutating func dialCallback(_ booking: CallID, number: String, agent: AgentID) {
        legOffers[booking] = nil
        let phone = offeredPhone.removeValue(forKey: agent) ?? self.phone(of: agent)
        guard let details = bookings[booking], let phone else { return }
        let held = reservations.removeValue(forKey: booking)
        if let held, lines[held] == .reserved(booking) { lines[held] = .idle }
        guard let line = held.flatMap({ lines[$0] == .idle && alarms[$0] == nil ? $0 : nil }) ?? freeOutboundLine() else {
            note("callback to \(number) not dialled: no outside line is free")
            phones[phone] = .afterCall
            media(.play(phone, plan.tones.refused, loop: false))
            deferredACD.append(.callbackFailed(acdCall(booking)))
            return
        }
        let leg = placeCall(.callback, for: booking, on: line, to: number, language: details.language)
        calls[leg]?.queue = details.queue
        calls[leg]?.agent = phone
        calls[leg]?.agentID = agent.rawValue
        legs[booking] = leg
        lines[line] = .callingOut(leg)
        sessions[leg]?.queue = details.queue
        sessions[leg]?.phone = phone
        media(.stopPlayback(phone))
        phones[phone] = .talking(line: line)
        if let refusal = gate.admit(number, now: now) {
            note("callback to \(number) not dialled: \(refusal)")
            return callbackLegFailed(leg, .outboundRefused)
        }
        // An E1 call is placed by its SETUP/seizure (the dial); an analog line is seized first.
        if plan.lines[line]?.supervised != true { media(.hook(line, .offHook)) }
        media(.setDSP(line, [.tones]))
        media(.bridge(line, phone))  // the agent hears dial tone, the digits, ringback
    }

    /// A call the box places for `origin` (a callback, a transfer): its
    /// record, and a session whose `CallbackProgress` will dial and judge it.
    mutating func placeCall(_ direction: CallDirection, for origin: CallID, on line: ChannelNumber, to number: String,
                            language: String) -> CallID {
        let leg = CallID(nextCall)
        nextCall += 1
        var record = CallRecord(id: leg, line: line, arrived: now)
        record.direction = direction
        record.origin = origin
        record.dialled = number
        record.language = language
        calls[leg] = record
        var session = CallSession(line: line, language: language)
        session.progress = CallbackProgress(now: now, ringTimeout: SampleTime(milliseconds: Int64(plan.outbound.ringTimeout)),
                                            assumeAnswerAfter: SampleTime(milliseconds: Int64(plan.outbound.assumeAnswerAfter)),
                                            supervised: plan.lines[line]?.supervised ?? false)
        sessions[leg] = session
        legOrigin[leg] = origin
        return leg
    }

    /// The callback leg's answer detection takes a step (time, a line event, a tone).
    mutating func callbackProgress(_ leg: CallID, _ input: CallbackProgress.Input) {
        if case .line(.ringBegin) = input, sessions[leg]?.progress?.isWaiting == false { return glare(leg) }
        if case .line(.incomingCall) = input {
            // E1: the network offered a call on the channel Kefu is calling out on; the network resolves the collision.
            note("a call was offered on \(sessions[leg]?.line.description ?? "a line") while a callback is placed there: left to the network")
            return
        }
        callbackVerdict(leg, progressStep(leg, input))
    }

    /// Feeds a leg's `CallbackProgress` (callbacks and transfers alike) and
    /// does what is the same for both: dials when it is time; on the answer,
    /// ends the progress, stamps the record and listens for hang-up tones.
    /// Returns the answer or the failure for the caller to finish.
    mutating func progressStep(_ leg: CallID, _ input: CallbackProgress.Input) -> LegResult? {
        guard var progress = sessions[leg]?.progress, let line = sessions[leg]?.line, let number = calls[leg]?.dialled else { return nil }
        let names = plan.toneNames
        let verdict = progress.on(input, now: now) { names[$0] ?? "" }
        sessions[leg]?.progress = progress
        switch verdict {
        case .dial?:
            media(.dial(line, plan.outbound.dialPrefix + number))
            return nil
        case .answered?:
            sessions[leg]?.progress = nil
            calls[leg]?.answered = now
            media(.setDSP(line, DSPFeatures.call))
            return .answered
        case .failed(let end)?:
            return .failed(end, progressReason(input))
        case nil:
            return nil
        }
    }

    /// How a placed call's dialling ended.
    enum LegResult: Sendable, Equatable {
        case answered
        /// How it failed, and what the line signalled if it did.
        case failed(CallEnd, ReleaseReason?)
    }

    private mutating func callbackVerdict(_ leg: CallID, _ verdict: LegResult?) {
        guard let verdict, let line = sessions[leg]?.line else { return }
        switch verdict {
        case .answered:
            acdStep(.callbackConnected(acdCall(leg), line: ChannelID(line.rawValue)))
        case .failed(let end, let reason):
            callbackLegFailed(leg, end, reason: reason)
        }
    }

    /// The line rang as the box seized it: the seizure answered an incoming
    /// caller. The callback is put back (not an attempt), the agent freed,
    /// and the caller goes to the line's menu like any caller.
    private mutating func glare(_ leg: CallID) {
        guard let booking = legOrigin[leg], let session = sessions[leg], var record = calls.removeValue(forKey: leg) else { return }
        let line = session.line
        note("an incoming call seized line \(line) as a callback did (glare): the caller is served, the callback waits")
        media(.unbridge(line))
        if let phone = session.phone {
            phones[phone] = .afterCall
            media(.play(phone, plan.tones.refused, loop: false))
        }
        sessions[leg] = nil
        legOrigin[leg] = nil
        legs[booking] = nil
        record.ended = now
        record.end = .glare
        record.release = Self.releaseReason(for: .glare)
        emit(.finished(record))
        deferredACD.append(.callbackLineUnavailable(acdCall(booking)))
        let id = CallID(nextCall)
        nextCall += 1
        calls[id] = CallRecord(id: id, line: line, arrived: now)
        lines[line] = .ringing(id, rings: 1, lastRing: now)
        answer(line, id)
    }

    /// The attempt failed: release the line (the agent hears busy tone until
    /// they hang up) and let the ACD retry or give up.
    mutating func callbackLegFailed(_ leg: CallID, _ end: CallEnd, reason: ReleaseReason? = nil) {
        guard let booking = legOrigin[leg] else { return }
        if let queue = sessions[leg]?.queue { queueEvent(booking, queue, .callbackFailed(reason: end.rawValue, leg: leg)) }
        release(leg, end, reason: reason)
        acdStep(.callbackFailed(acdCall(booking)))
    }

    /// The agent hung up while the callback was still being dialled or
    /// ringing: nobody was reached. True when the phone was on such a call.
    mutating func agentLeftCallback(_ phone: ChannelNumber, line: ChannelNumber) -> Bool {
        guard case .callingOut(let leg) = lines[line] ?? .idle else { return false }
        phones[phone] = .idle
        callbackLegFailed(leg, .calleeNotReached)
        media(.stopPlayback(phone))
        return true
    }

    /// Every attempt failed: the booking is dropped.
    mutating func callbackGaveUp(_ booking: CallID, number: String) {
        guard let details = bookings.removeValue(forKey: booking) else { return }
        queueEvent(booking, details.queue, .callbackGaveUp(number: number))
        note("callback to \(number) (queue \(details.queue)) given up after its last attempt")
    }
}
