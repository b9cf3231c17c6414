import Records
import Reports

/// A small evening at a center at UTC+8, every figure worked out by hand.
///
/// Window: 2024-05-01 20:00 to 2024-05-02 04:00 local (+08:00), i.e.
/// 12:00Z–20:00Z on 1 May: in UTC it is one day, locally it crosses
/// midnight. Queues: sales (T = 20 s), support (T = 10 s). Agents 8001,
/// 8002, 8003. Times below are local; hours past 24 are on 2 May.
///
///  id  caller  queue    arrived   joined    connected ended     end            agent score  wait  talk wrap
///  100 …06     sales    19:59:00  19:59:05  –         19:59:30  loop-drop      –     –      before the window
///    1 …01     sales    20:00:00  20:00:10  20:00:25  20:05:25  agent-hung-up  8001  5      15    300  60
///    2 …02     sales    20:10:00  20:10:05  20:10:40  20:14:40  agent-hung-up  8002  4      35    240  30
///    3 …03     sales    20:20:00  20:20:05  –         20:20:08  loop-drop      –     –       3 (short abandon)
///    4 …04     sales    20:30:00  20:30:05  –         20:31:07  busy-tone      –     –      62 (abandon)
///    5 …05     sales    20:40:00  20:40:05  –         20:42:05  queue-refused  –     –     120 (refused)
///    6 …01     support  21:00:00  21:00:05  21:00:13  21:03:13  loop-drop      8003  2       8    180  30
///    7 none    support  22:00:00  22:00:05  22:00:17  22:02:17  agent-hung-up  8001  3      12    120  50
///    8 …08     (menus only, 22:30:00–22:31:00, menu-hangup: not queued)
///    9 …09     support  23:50:00  23:50:05  23:50:10  24:00:10  agent-hung-up  8002  1       5    600  30
///   10 …10     sales    24:10:00  24:10:05  24:10:15  24:14:45  agent-hung-up  8003  –      10    270   0 (no wrap-up state)
///   11 …11     support  25:00:00  25:00:05  –         25:00:09  busy-tone      –     –       4 (short abandon)
///   12 …12     support  25:30:00  25:30:05  25:30:11  25:35:11  agent-hung-up  8001  5       6    300  30
///   13 …10     sales    28:30:00  after the window, 4 h 20 min after call 10: makes 10 a repeat
///   14 …09     support  48:00:00  after the window, 24 h 10 min after call 9: too late to make 9 a repeat
///
/// Repeats: 1 (caller …01 again at 21:00, call 6) and 10 (call 13). Not
/// repeats: 2, 6, 9, 12. Call 7 has no number, so it is outside FCR.
enum Fixture {
    /// 2024-05-01 00:00 at +08:00 = 2024-04-30 16:00:00Z.
    static let midnight: Int64 = 1_714_492_800_000
    static let offset = 28_800

    /// Local 1 May h:m:s (h ≥ 24 runs into 2 May) as Unix ms.
    static func at(_ h: Int, _ m: Int, _ s: Int = 0) -> Int64 {
        midnight + Int64(h * 3600 + m * 60 + s) * 1000
    }

    static let window = ReportWindow(from: at(20, 0), to: at(28, 0), utcOffsetSeconds: offset)
    static let settings = ReportSettings(serviceLevelSeconds: ["sales": 20, "support": 10])

    static func call(_ id: Int64, _ caller: String?, _ queue: String?, arrived: Int64, queued: Int64?,
                     connected: Int64?, ended: Int64, _ reason: String, agent: String? = nil, score: Int? = nil) -> CallDetail {
        var c = CallDetail(callID: id, line: 1 + Int(id % 4), arrived: arrived)
        c.callerNumber = caller
        c.queue = queue
        c.answered = arrived + 1000
        c.queued = queued
        c.connected = connected
        c.ended = ended
        c.endReason = reason
        c.agent = agent
        c.surveyAsked = score != nil
        c.surveyScore = score
        return c
    }

    /// In order of arrival, as the store returns them, with the later calls
    /// the caller of the API adds for first-call resolution.
    static let calls: [CallDetail] = [
        call(100, "13800000006", "sales", arrived: at(19, 59), queued: at(19, 59, 5), connected: nil, ended: at(19, 59, 30), "caller-loop-drop"),
        call(1, "13800000001", "sales", arrived: at(20, 0), queued: at(20, 0, 10), connected: at(20, 0, 25), ended: at(20, 5, 25),
             "agent-hung-up", agent: "8001", score: 5),
        call(2, "13800000002", "sales", arrived: at(20, 10), queued: at(20, 10, 5), connected: at(20, 10, 40), ended: at(20, 14, 40),
             "agent-hung-up", agent: "8002", score: 4),
        call(3, "13800000003", "sales", arrived: at(20, 20), queued: at(20, 20, 5), connected: nil, ended: at(20, 20, 8), "caller-loop-drop"),
        call(4, "13800000004", "sales", arrived: at(20, 30), queued: at(20, 30, 5), connected: nil, ended: at(20, 31, 7), "caller-busy-tone"),
        call(5, "13800000005", "sales", arrived: at(20, 40), queued: at(20, 40, 5), connected: nil, ended: at(20, 42, 5), "queue-refused"),
        call(6, "13800000001", "support", arrived: at(21, 0), queued: at(21, 0, 5), connected: at(21, 0, 13), ended: at(21, 3, 13),
             "caller-loop-drop", agent: "8003", score: 2),
        call(7, nil, "support", arrived: at(22, 0), queued: at(22, 0, 5), connected: at(22, 0, 17), ended: at(22, 2, 17),
             "agent-hung-up", agent: "8001", score: 3),
        call(8, "13800000008", nil, arrived: at(22, 30), queued: nil, connected: nil, ended: at(22, 31), "menu-hangup"),
        call(9, "13800000009", "support", arrived: at(23, 50), queued: at(23, 50, 5), connected: at(23, 50, 10), ended: at(24, 0, 10),
             "agent-hung-up", agent: "8002", score: 1),
        call(10, "13800000010", "sales", arrived: at(24, 10), queued: at(24, 10, 5), connected: at(24, 10, 15), ended: at(24, 14, 45),
             "agent-hung-up", agent: "8003"),
        call(11, "13800000011", "support", arrived: at(25, 0), queued: at(25, 0, 5), connected: nil, ended: at(25, 0, 9), "caller-busy-tone"),
        call(12, "13800000012", "support", arrived: at(25, 30), queued: at(25, 30, 5), connected: at(25, 30, 11), ended: at(25, 35, 11),
             "agent-hung-up", agent: "8001", score: 5),
        call(13, "13800000010", "sales", arrived: at(28, 30), queued: at(28, 30, 5), connected: nil, ended: at(28, 31), "caller-loop-drop"),
        call(14, "13800000009", "support", arrived: at(48, 0), queued: at(48, 0, 5), connected: nil, ended: at(48, 1), "caller-loop-drop"),
    ]

    static func state(_ agent: String, _ state: String, _ at: Int64, reason: String? = nil, call: Int64? = nil) -> StoredAgentState {
        StoredAgentState(agent: agent, state: state, reason: reason, callID: call, phone: nil, at: at)
    }

    /// Agents' state changes in time order, with each one's state before the window.
    ///
    /// 8001 (in since 19:00, out at 03:00): logged in 20:00–03:00 = 25 200 s;
    ///   paused 3 300 s (lunch 21:00–21:30 = 1 800, break 23:00–23:15 = 900 and
    ///   02:00–02:10 = 600: break 1 500); ringing 5 s; on call 300 + 120 + 300
    ///   = 720 s; wrap-up 60 + 50 + 30 = 140 s; available = 25 200 − 3 300 − 5
    ///   − 720 − 140 = 21 035 s; occupancy 860 ÷ 21 900.
    /// 8002 (logged out since 18:00, in at 20:05, still in at 04:00): logged in
    ///   28 500 s; paused without a reason 22:00–22:20 = 1 200 s; on call 240 +
    ///   600 = 840 s; wrap-up 30 + 30 = 60 s; available 26 400 s; occupancy 900 ÷ 27 300.
    /// 8003 (in at 20:50; lunch from 03:30 until 04:30, after the window):
    ///   logged in 20:50–04:00 = 25 800 s; paused (lunch) 03:30–04:00 = 1 800 s,
    ///   clipped at `to`; ringing 3 s; on call 180 + 270 = 450 s; wrap-up 30 s;
    ///   available 23 517 s; occupancy 480 ÷ 24 000 = 2 %.
    static let states: [StoredAgentState] = [
        state("8002", "logged-out", at(18, 0)),
        state("8001", "available", at(19, 0)),
        state("8001", "ringing", at(20, 0, 20), call: 1),
        state("8001", "on-call", at(20, 0, 25), call: 1),
        state("8002", "available", at(20, 5)),
        state("8001", "wrap-up", at(20, 5, 25)),
        state("8001", "available", at(20, 6, 25)),
        state("8002", "on-call", at(20, 10, 40), call: 2),
        state("8002", "wrap-up", at(20, 14, 40)),
        state("8002", "available", at(20, 15, 10)),
        state("8003", "available", at(20, 50)),
        state("8001", "paused", at(21, 0), reason: "lunch"),
        state("8003", "ringing", at(21, 0, 10), call: 6),
        state("8003", "on-call", at(21, 0, 13), call: 6),
        state("8003", "wrap-up", at(21, 3, 13)),
        state("8003", "available", at(21, 3, 43)),
        state("8001", "available", at(21, 30)),
        state("8002", "paused", at(22, 0)),
        state("8001", "on-call", at(22, 0, 17), call: 7),
        state("8001", "wrap-up", at(22, 2, 17)),
        state("8001", "available", at(22, 3, 7)),
        state("8002", "available", at(22, 20)),
        state("8001", "paused", at(23, 0), reason: "break"),
        state("8001", "available", at(23, 15)),
        state("8002", "on-call", at(23, 50, 10), call: 9),
        state("8002", "wrap-up", at(24, 0, 10)),
        state("8002", "available", at(24, 0, 40)),
        state("8003", "on-call", at(24, 10, 15), call: 10),
        state("8003", "available", at(24, 14, 45)),
        state("8001", "on-call", at(25, 30, 11), call: 12),
        state("8001", "wrap-up", at(25, 35, 11)),
        state("8001", "available", at(25, 35, 41)),
        state("8001", "paused", at(26, 0), reason: "break"),
        state("8001", "available", at(26, 10)),
        state("8001", "logged-out", at(27, 0)),
        state("8003", "paused", at(27, 30), reason: "lunch"),
        state("8003", "available", at(28, 30)),
    ]

    /// Offers: 8001 twice (calls 1, 12), 8002 twice (1 missed, 9), 8003 once
    /// (9, missed); the offers of call 100 fall before the window.
    static let events: [StoredQueueEvent] = [
        StoredQueueEvent(callID: 100, queue: "sales", kind: "offered", agent: "8001", at: at(19, 59, 10)),
        StoredQueueEvent(callID: 100, queue: "sales", kind: "offer-ended", agent: "8001", at: at(19, 59, 20)),
        StoredQueueEvent(callID: 1, queue: "sales", kind: "joined", at: at(20, 0, 10)),
        StoredQueueEvent(callID: 1, queue: "sales", kind: "offered", agent: "8002", at: at(20, 0, 15)),
        StoredQueueEvent(callID: 1, queue: "sales", kind: "offer-ended", agent: "8002", at: at(20, 0, 20)),
        StoredQueueEvent(callID: 1, queue: "sales", kind: "offered", agent: "8001", at: at(20, 0, 20)),
        StoredQueueEvent(callID: 1, queue: "sales", kind: "answered", agent: "8001", waited: 15_000, at: at(20, 0, 25)),
        StoredQueueEvent(callID: 9, queue: "support", kind: "offered", agent: "8003", at: at(23, 50, 6)),
        StoredQueueEvent(callID: 9, queue: "support", kind: "offer-ended", agent: "8003", at: at(23, 50, 9)),
        StoredQueueEvent(callID: 9, queue: "support", kind: "offered", agent: "8002", at: at(23, 50, 9)),
        StoredQueueEvent(callID: 9, queue: "support", kind: "answered", agent: "8002", waited: 5_000, at: at(23, 50, 10)),
        StoredQueueEvent(callID: 12, queue: "support", kind: "offered", agent: "8001", at: at(25, 30, 6)),
        StoredQueueEvent(callID: 12, queue: "support", kind: "answered", agent: "8001", waited: 6_000, at: at(25, 30, 11)),
    ]

    static func report(calls: [CallDetail] = calls, states: [StoredAgentState] = states,
                       events: [StoredQueueEvent]? = events, settings: ReportSettings = settings) -> CenterReport {
        CenterReport.compute(calls: calls, agentStates: states, queueEvents: events, window: window, settings: settings)
    }
}
