/// The report from the half-hour tables instead of the rows.
///
/// The tables are kept with a repeat window of `storedRepeatWindowHours`
/// and a wrap-up match of `storedWrapUpMatchMilliseconds`; thresholds, the
/// short-abandon limit and the survey scale are applied on reading. A
/// window the tables serve starts on a half hour, with local hours on the
/// half-hour grid, and staffing intervals a whole number of half hours.
extension ReportSlots {
    /// The repeat window the stored repeat marks use, hours.
    public static let storedRepeatWindowHours = 24
    /// The wrap-up match the stored wrap-ups use, ms.
    public static let storedWrapUpMatchMilliseconds: Int64 = 1000

    /// Why the half-hour tables cannot give this report (nil: they can).
    /// The window's end may fall inside a half hour only when nothing is
    /// stored after it (a report of today up to now).
    public static func unsuitable(window: ReportWindow, settings: ReportSettings) -> String? {
        if !ReportSlot.isBoundary(window.from) { return "the window does not start on a half hour" }
        if window.utcOffsetSeconds % 1800 != 0 { return "local hours are not on the half-hour grid" }
        if settings.staffingIntervalMinutes <= 0 || settings.staffingIntervalMinutes % 30 != 0 {
            return "staffing intervals are not whole half hours"
        }
        if settings.repeatWindowHours != storedRepeatWindowHours { return "the repeat window is not \(storedRepeatWindowHours) h" }
        if settings.wrapUpMatchMilliseconds != storedWrapUpMatchMilliseconds { return "the wrap-up match is not \(storedWrapUpMatchMilliseconds) ms" }
        return nil
    }

    /// The half hours [first, end) a window covers.
    public static func slots(of window: ReportWindow) -> Range<Int64> {
        let first = ReportSlot.of(window.from)
        let end = window.to > window.from ? ReportSlot.of(window.to - 1) + 1 : first
        return first..<end
    }
}

extension CenterReport {
    /// The report of `window` from half-hour tables (`ReportSlots`) that
    /// hold every half hour of the window, plus the states still open when
    /// they were read (see `ReportSlots.unsuitable` for the windows this
    /// serves). Gives the same report as `compute(calls:agentStates:queueEvents:…)`
    /// over the rows the tables were kept from, with queue events given.
    public static func compute(slots: ReportSlots, window: ReportWindow, settings: ReportSettings = ReportSettings()) -> CenterReport {
        let range = ReportSlots.slots(of: window)
        var registry = AgentRegistry()
        var pass = CallPass(window: window, settings: settings, wrapUps: WrapUpLog())
        for (key, figures) in slots.queues.sorted(by: { ($0.key.slot, $0.key.name) < ($1.key.slot, $1.key.name) })
        where range.contains(key.slot) {
            if key.name.isEmpty {
                pass.addNotQueued(figures.notQueued)
                continue
            }
            guard figures.isCounted else { continue }
            let calls = figures.callFigures(thresholdSeconds: settings.serviceLevelSeconds(for: key.name),
                                            shortAbandonSeconds: settings.shortAbandonSeconds, surveyScale: settings.surveyScale)
            pass.add(calls, queue: key.name, slotStart: ReportSlot.start(key.slot))
        }
        var times: [AgentTime] = []
        var offers = OfferCount()
        let bucketMilliseconds = settings.staffingIntervalMilliseconds
        var staffed = [Int64](repeating: 0, count: Int((window.durationMilliseconds + bucketMilliseconds - 1) / bucketMilliseconds))
        for (key, figures) in slots.agents where range.contains(key.slot) {
            let agent = registry.id(key.name)
            while times.count <= agent { times.append(AgentTime()) }
            pass.addAnswered(agent: agent, calls: figures.answered, talk: figures.talkMilliseconds, wrapUp: figures.wrapUpMilliseconds,
                             surveys: SurveyTally(scores: figures.scores, scale: settings.surveyScale))
            offers.add(agent: agent, offers: figures.offers, missed: figures.missedOffers)
            times[agent].add(figures)
            let bucket = Int((ReportSlot.start(key.slot) - window.from) / bucketMilliseconds)
            if bucket < staffed.count { staffed[bucket] += figures.staffedMilliseconds }
        }
        return pass.report(time: { $0 < times.count ? times[$0] : AgentTime() }, staffedByBucket: staffed,
                           offers: offers, agents: registry)
    }
}

extension AgentTime {
    mutating func add(_ slot: AgentSlotFigures) {
        availableMilliseconds += slot.availableMilliseconds
        ringingMilliseconds += slot.ringingMilliseconds
        onCallMilliseconds += slot.onCallMilliseconds
        wrapUpMilliseconds += slot.wrapUpStateMilliseconds
        pausedMilliseconds += slot.pausedMilliseconds
        loggedInMilliseconds += slot.staffedMilliseconds + slot.pausedMilliseconds
        for (reason, ms) in slot.pausedByReason where ms != 0 {
            let total = pausedByReason[reason, default: 0] + ms
            pausedByReason[reason] = total == 0 ? nil : total
        }
    }
}
