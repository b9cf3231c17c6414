import Records

/// The single pass over the calls behind `CenterReport.compute`.
///
/// It walks the calls from the last arrival back to `from`, so a map from
/// caller number to the arrival of that caller's next call, updated as it
/// goes, answers first-call resolution in the same pass (one `StringTable`
/// operation per call). Everything else is a sum into a per-queue,
/// per-agent, per-hour, per-day or per-interval accumulator; nothing is
/// allocated per call beyond those tables, and rows are read in place.
struct CallPass {
    let window: ReportWindow
    let settings: ReportSettings
    private var wrapUps: WrapUpLog

    private var queueIndex = StringNumbering()
    private var queueThresholds: [Int64] = []
    private var queueFigures: [CallFigures] = []
    /// Per agent (registry number): the calls they answered.
    private var agentCalls: [AgentCalls] = []
    private var hourFigures = [CallFigures](repeating: CallFigures(), count: 24)
    private var dayFigures: [CallFigures]
    private let firstDay: Int64
    private var buckets: [StaffingInterval]
    private var notQueued = 0
    /// Where the last call fell (hour, day, staffing interval).
    private var slice = TimeSlice()
    /// Callers by number → the arrival of their next call (the latest seen
    /// so far, walking backwards).
    private var nextArrival = StringTable<Int64>(empty: 0, capacity: 0)

    init(window: ReportWindow, settings: ReportSettings, wrapUps: WrapUpLog) {
        self.window = window
        self.settings = settings
        self.wrapUps = wrapUps
        if window.to > window.from {
            firstDay = window.localDayNumber(of: window.from)
            let lastDay = window.localDayNumber(of: window.to - 1)
            dayFigures = [CallFigures](repeating: CallFigures(), count: Int(lastDay - firstDay + 1))
        } else {
            firstDay = 0
            dayFigures = []
        }
        let length = settings.staffingIntervalMilliseconds
        buckets = stride(from: window.from, to: window.to, by: Int(length)).map {
            StaffingInterval(start: $0, durationMilliseconds: min(length, window.to - $0))
        }
        for queue in settings.serviceLevelSeconds.keys { _ = self.queue(queue) }
    }

    /// Counts every call in the window (sorting a copy first if needed).
    mutating func run(_ calls: [CallDetail], agents: inout AgentRegistry) {
        var sorted = true
        var i = 1
        while i < calls.count {
            if calls[i].arrived < calls[i - 1].arrived { sorted = false; break }
            i += 1
        }
        let ordered = sorted ? calls : calls.sorted { $0.arrived < $1.arrived }
        // Sized for callers who call about four times each; it grows if they do not.
        nextArrival = StringTable(empty: 0, capacity: ordered.count / 4)
        ordered.withUnsafeBufferPointer { rows in
            guard let base = rows.baseAddress else { return }
            var i = rows.count - 1
            while i >= 0 {
                let call = base + i  // read in place: copying a row would retain its every field
                let arrived = call.pointee.arrived
                if arrived < window.from { break }
                var hasCallerNumber = false, repeated = false
                if let number = call.pointee.callerNumber, !number.isEmpty {
                    hasCallerNumber = true
                    repeated = sawAgain(number, arrived: arrived)
                }
                if arrived < window.to { count(call, hasCallerNumber: hasCallerNumber, repeated: repeated, agents: &agents) }
                i -= 1
            }
        }
    }

    /// Whether this caller's next call (the last one seen, walking
    /// backwards) came within the repeat window; then remembers this one.
    private mutating func sawAgain(_ number: String, arrived: Int64) -> Bool {
        guard let next = nextArrival.exchange(number, with: arrived) else { return false }
        return next - arrived <= settings.repeatWindowMilliseconds
    }

    private mutating func count(_ row: UnsafePointer<CallDetail>, hasCallerNumber: Bool, repeated: Bool, agents: inout AgentRegistry) {
        let connected = row.pointee.connected, ended = row.pointee.ended, score = row.pointee.surveyScore
        var talk: Int64 = 0, wrapUp: Int64 = 0
        if let connected, let name = row.pointee.agent {
            let agent = agents.id(name)
            if let ended {
                talk = max(0, ended - connected)
                wrapUp = wrapUps.milliseconds(agent: agent, callID: row.pointee.callID, ended: ended,
                                              tolerance: settings.wrapUpMatchMilliseconds)
            }
            while agentCalls.count <= agent { agentCalls.append(AgentCalls()) }
            agentCalls[agent].answered += 1
            agentCalls[agent].talk += talk
            agentCalls[agent].wrapUp += wrapUp
            if let score { agentCalls[agent].surveys.add(score: score, scale: settings.surveyScale) }
        } else if let connected, let ended {
            talk = max(0, ended - connected)
        }
        if row.pointee.isCallback, let queueName = row.pointee.queue {
            // A callback is its own call: the agent's work (above), and a reached caller for the queue.
            if connected != nil { queueFigures[queue(queueName)].callbacksConnected += 1 }
            return
        }
        guard let queueName = row.pointee.queue, let queued = row.pointee.queued else {
            notQueued += 1
            return
        }
        let q = queue(queueName)
        let outcome = QueueOutcome(connected: connected != nil, endReason: row.pointee.endReason)
        let facts = CallFacts(outcome: outcome, queued: queued, connected: connected, ended: ended,
                              thresholdMilliseconds: queueThresholds[q],
                              shortAbandonMilliseconds: settings.shortAbandonMilliseconds,
                              talkMilliseconds: talk, wrapUpMilliseconds: wrapUp, surveyScore: score,
                              hasCallerNumber: hasCallerNumber, repeated: repeated)
        let scale = settings.surveyScale
        slice.locate(row.pointee.arrived, in: window, firstDay: firstDay, bucketMilliseconds: settings.staffingIntervalMilliseconds)
        queueFigures[q].add(facts, surveyScale: scale)
        hourFigures[slice.hour].add(facts, surveyScale: scale)
        dayFigures[slice.day].add(facts, surveyScale: scale)
        let b = slice.bucket
        buckets[b].offered += 1
        if outcome == .answered {
            buckets[b].answered += 1
            buckets[b].handleMilliseconds += talk + wrapUp
        }
    }

    private mutating func queue(_ name: String) -> Int {
        let q = queueIndex.id(name)
        if q == queueFigures.count {
            queueThresholds.append(Int64(settings.serviceLevelSeconds(for: name)) * 1000)
            queueFigures.append(CallFigures())
        }
        return q
    }

    /// Adds one half hour of one queue's calls (`slotStart` inside the
    /// window): to the queue, and to the hour, day and staffing interval
    /// it lies in, as the calls one by one would have been.
    mutating func add(_ figures: CallFigures, queue name: String, slotStart: Int64) {
        let q = queue(name)
        queueFigures[q].merge(figures)
        var arrivals = figures
        arrivals.callbacksConnected = 0  // a callback is counted for its queue only
        slice.locate(slotStart, in: window, firstDay: firstDay, bucketMilliseconds: settings.staffingIntervalMilliseconds)
        hourFigures[slice.hour].merge(arrivals)
        dayFigures[slice.day].merge(arrivals)
        buckets[slice.bucket].offered += figures.offered
        buckets[slice.bucket].answered += figures.answered
        buckets[slice.bucket].handleMilliseconds += figures.handleMilliseconds
    }

    /// Adds calls that joined no queue.
    mutating func addNotQueued(_ calls: Int) { notQueued += calls }

    /// Adds calls an agent (registry number) answered.
    mutating func addAnswered(agent: Int, calls: Int, talk: Int64, wrapUp: Int64, surveys: SurveyTally) {
        while agentCalls.count <= agent { agentCalls.append(AgentCalls()) }
        agentCalls[agent].answered += calls
        agentCalls[agent].talk += talk
        agentCalls[agent].wrapUp += wrapUp
        agentCalls[agent].surveys.merge(surveys)
    }

    /// Puts the pass's tables together with the agents' time and offers.
    func report(timeline: AgentTimeline, offers: OfferCount?, agents registry: AgentRegistry) -> CenterReport {
        report(time: timeline.time(agent:), staffedByBucket: timeline.staffedByBucket, offers: offers, agents: registry)
    }

    /// Puts the pass's tables together with each agent's time (by registry
    /// number), the staffed time per staffing interval and the offers.
    func report(time: (Int) -> AgentTime, staffedByBucket: [Int64], offers: OfferCount?, agents registry: AgentRegistry) -> CenterReport {
        var queues: [QueueReport] = []
        var total = CallFigures()
        for (q, name) in queueIndex.keys.enumerated() {
            queues.append(QueueReport(queue: name, serviceLevelSeconds: Int(queueThresholds[q] / 1000), calls: queueFigures[q]))
            total.merge(queueFigures[q])
        }
        queues.sort { $0.queue ?? "" < $1.queue ?? "" }

        var agents: [AgentReport] = []
        for (id, name) in registry.names.enumerated() {
            var row = AgentReport(agent: name, time: time(id))
            if id < agentCalls.count {
                row.answered = agentCalls[id].answered
                row.handleTalkMilliseconds = agentCalls[id].talk
                row.handleWrapUpMilliseconds = agentCalls[id].wrapUp
                row.surveys = agentCalls[id].surveys
            }
            if let offers {
                row.offers = offers.offers(agent: id)
                row.missedOffers = offers.missed(agent: id)
            }
            if !row.isEmpty { agents.append(row) }
        }
        agents.sort { $0.agent < $1.agent }

        var staffing = buckets
        for b in staffing.indices where b < staffedByBucket.count {
            staffing[b].staffedMilliseconds = staffedByBucket[b]
        }
        return CenterReport(window: window, settings: settings, queues: queues,
                            total: QueueReport(queue: nil, serviceLevelSeconds: nil, calls: total),
                            agents: agents, intervals: intervals(), staffingIntervals: staffing, callsNotQueued: notQueued)
    }

    /// Hour and day rows, with how much of each the window covers (walked
    /// local hour by local hour, so any offset and partial hours are right).
    private func intervals() -> IntervalReport {
        var hourCovered = [Int64](repeating: 0, count: 24)
        var dayCovered = [Int64](repeating: 0, count: dayFigures.count)
        let offset = Int64(window.utcOffsetSeconds) * 1000
        var t = window.from
        while t < window.to {
            let local = t + offset
            let hourEnd = (ReportWindow.floorDivide(local, 3_600_000) + 1) * 3_600_000 - offset
            let piece = min(hourEnd, window.to) - t
            hourCovered[window.localHour(of: t)] += piece
            dayCovered[Int(window.localDayNumber(of: t) - firstDay)] += piece
            t += piece
        }
        let hours = (0..<24).map { h in
            IntervalRow(label: (h < 10 ? "0" : "") + String(h) + ":00", hour: h, start: nil,
                        coveredMilliseconds: hourCovered[h], calls: hourFigures[h])
        }
        let days = dayFigures.indices.map { d in
            let number = firstDay + Int64(d)
            return IntervalRow(label: ReportWindow.dayLabel(dayNumber: number), hour: nil,
                               start: ReportWindow.localMidnight(dayNumber: number, utcOffsetSeconds: window.utcOffsetSeconds),
                               coveredMilliseconds: dayCovered[d], calls: dayFigures[d])
        }
        return IntervalReport(hours: hours, days: days)
    }
}

/// The calls one agent answered, as the pass adds them up.
private struct AgentCalls {
    var answered = 0
    var talk: Int64 = 0
    var wrapUp: Int64 = 0
    var surveys = SurveyTally()
}
