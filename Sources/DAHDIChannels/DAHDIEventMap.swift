import CDAHDI
import Channels

/// DAHDI's events, named after the far end, mapped to what they mean on
/// Kefu's side of the wire. A table: (signalling, DAHDI event) → event.
enum DAHDIEventMap {
    /// nil: the event carries nothing Kefu acts on (e.g. RINGERON).
    static func event(_ code: Int32, signalling: Signalling, alarms: Int32) -> ChannelEvent? {
        switch (signalling, code) {
        case (.fxoLine, Int32(DAHDI_EVENT_RINGBEGIN)): return .ringBegin
        // On a kewlstart line DAHDI reports the end of a ring burst as RINGOFFHOOK.
        case (.fxoLine, Int32(DAHDI_EVENT_RINGOFFHOOK)): return .ringEnd
        // Loop current dropped (kewlstart disconnect), after the card's own
        // debounce; DAHDI does not say for how long.
        case (.fxoLine, Int32(DAHDI_EVENT_ONHOOK)): return .lineDisconnect(.unmeasured)
        case (.fxoLine, Int32(DAHDI_EVENT_POLARITY)): return .polarityReversal
        case (.fxsPhone, Int32(DAHDI_EVENT_RINGOFFHOOK)): return .phoneOffHook
        case (.fxsPhone, Int32(DAHDI_EVENT_ONHOOK)): return .phoneOnHook
        case (.fxsPhone, Int32(DAHDI_EVENT_WINKFLASH)): return .flash
        case (_, Int32(DAHDI_EVENT_DIALCOMPLETE)): return .dialComplete
        case (_, Int32(DAHDI_EVENT_ALARM)): return .alarm(alarmSet(alarms))
        case (_, Int32(DAHDI_EVENT_NOALARM)): return .alarmCleared
        default: return nil
        }
    }

    static func alarmSet(_ bits: Int32) -> AlarmSet {
        var set: AlarmSet = []
        if bits & Int32(DAHDI_ALARM_RED) != 0 { set.insert(.red) }
        if bits & Int32(DAHDI_ALARM_YELLOW) != 0 { set.insert(.yellow) }
        if bits & Int32(DAHDI_ALARM_BLUE) != 0 { set.insert(.blue) }
        if bits & Int32(DAHDI_ALARM_LOOPBACK) != 0 { set.insert(.loopback) }
        if bits & Int32(DAHDI_ALARM_NOTOPEN) != 0 { set.insert(.notOpen) }
        if set.isEmpty && bits != 0 { set.insert(.red) }
        return set
    }

    /// Kefu's signalling for a DAHDI sigtype (fxsks: Kefu's FXO line; fxoks: Kefu's FXS port).
    static func signalling(sigtype: Int32) -> Signalling? {
        switch sigtype {
        case CDAHDI_SIG_FXSKS, CDAHDI_SIG_FXSLS, CDAHDI_SIG_FXSGS: return .fxoLine
        case CDAHDI_SIG_FXOKS, CDAHDI_SIG_FXOLS, CDAHDI_SIG_FXOGS: return .fxsPhone
        case CDAHDI_SIG_CAS: return .e1CAS
        case CDAHDI_SIG_CLEAR: return .e1PRI
        default: return nil
        }
    }

    /// The DAHDI_HOOK value for a hook operation on a signalling, or nil if it does not apply.
    static func hookValue(_ op: HookOperation, _ signalling: Signalling) -> Int32? {
        switch (signalling, op) {
        case (.fxoLine, .offHook): return Int32(DAHDI_OFFHOOK)
        case (.fxoLine, .onHook): return Int32(DAHDI_ONHOOK)
        case (.fxoLine, .flash): return Int32(DAHDI_FLASH)
        case (.fxsPhone, .ringStart): return Int32(DAHDI_RING)
        case (.fxsPhone, .ringStop): return Int32(DAHDI_RINGOFF)
        case (.fxsPhone, .onHook): return Int32(DAHDI_ONHOOK)
        // Answer supervision towards the phone; a later onHook then sends
        // the kewlstart disconnect (loop open) the phone's line card sees.
        case (.fxsPhone, .offHook): return Int32(DAHDI_OFFHOOK)
        default: return nil
        }
    }
}
