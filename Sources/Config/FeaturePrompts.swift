/// Prompts a feature says that no config key names: the callback dialogue
/// ("we will call you back on 1 3 8 …, press 1 to confirm") with the digits
/// it reads numbers back with, and leaving a message. A config that uses a
/// feature (an action anywhere) needs its prompts like any other, reported
/// at the line of the first action using it.
public enum FeaturePrompts {
    public static let digits = (0...9).map(String.init)
    public static let callback = ["callback-confirm", "callback-keys", "callback-enter", "callback-invalid", "callback-booked"] + digits
    public static let voicemail = ["voicemail-greeting", "voicemail-saved", "voicemail-full"]

    /// The feature prompts a config needs, each at the line of the first action that needs it.
    public static func uses(_ config: KefuConfig) -> [Located<String>] {
        let actions = config.actions
        var uses: [Located<String>] = []
        if let first = actions.first(where: { if case .callback = $0.value { true } else { false } }) {
            uses += callback.map { Located($0, line: first.line) }
        }
        // Calls for one agent go to the agent's mailbox when they cannot answer.
        if let first = actions.first(where: { if case .voicemail = $0.value { true } else if case .agent = $0.value { true } else { false } }) {
            uses += voicemail.map { Located($0, line: first.line) }
        }
        return uses
    }
}

extension KefuConfig {
    /// Every action the config writes (menus' keys, closed, fail and next
    /// actions; queues' closed and overflow actions), in file order.
    public var actions: [Located<MenuAction>] {
        var out: [Located<MenuAction>] = []
        for q in queues { out += [q.closed, q.overflow].compactMap { $0 } }
        for m in menus {
            out += [m.closed, m.onFail].compactMap { $0 }
            switch m.kind {
            case .options(let keys): out += keys.values
            case .collect(let c): out.append(c.next)
            case .message(let next): out.append(next)
            }
        }
        return out.sorted { $0.line < $1.line }
    }
}
