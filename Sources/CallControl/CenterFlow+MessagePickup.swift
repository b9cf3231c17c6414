import ACD
import Channels
import DSP
import MediaLoop
import Telephony

/// A stored message as the flow hands it round (the store's row, its file).
public struct MessageItem: Sendable, Equatable {
    public var id: Int64
    public var box: String
    public var callID: Int
    public var callerNumber: String?
    public var path: String

    public init(id: Int64, box: String, callID: Int, callerNumber: String?, path: String) {
        self.id = id
        self.box = box
        self.callID = callID
        self.callerNumber = callerNumber
        self.path = path
    }
}

/// An agent hearing their mailboxes' messages on the phone.
struct MessagePickup: Sendable, Equatable {
    var user: String
    var items: [MessageItem] = []
    var index = 0
}

/// Messages picked up from a phone: the message code (`*97`) on an idle
/// phone plays the new messages of the agent's mailboxes (their own and
/// their queues'; a supervisor hears every box), oldest first. After each,
/// a beep; then 1 plays it again, 2 or # goes on (marked heard), 7 deletes
/// it, 3 books a callback to the caller in the box's queue (the caller's
/// place: now) and goes on. Busy tone when none are left. Every message
/// heard or deleted is audited.
extension CenterFlow {
    /// Digits dialled on an idle phone that are the message code; false: not it.
    mutating func messageCode(_ phone: ChannelNumber, _ digits: String) -> Bool {
        guard digits.filter({ $0 != "#" }) == plan.features.messageCode else { return false }
        guard let user = self.user(on: phone) else {
            media(.play(phone, plan.tones.refused, loop: false))
            return true
        }
        var boxes: [String] = []
        if !plan.features.supervisors.contains(user) {
            boxes = [user] + (plan.acd.agents.first { $0.id.rawValue == user }?.queues.map(\.rawValue).filter { !$0.hasPrefix("agent:") } ?? [])
        }
        phones[phone] = .messages
        pickups[phone] = MessagePickup(user: user)
        media(.setDSP(phone, [.dtmf]))
        emit(.fetchMessages(phone, boxes: boxes))
        return true
    }

    /// The store's answer: the new messages, oldest first.
    public mutating func messagesFetched(_ phone: ChannelNumber, _ items: [MessageItem], now: SampleTime) -> [CallAction] {
        self.now = max(now, self.now)
        guard phones[phone] == .messages, pickups[phone] != nil else { return take() }
        pickups[phone]?.items = items
        pickups[phone]?.index = 0
        playCurrent(phone)
        return take()
    }

    mutating func messageEnded(_ phone: ChannelNumber) {
        guard let pickup = pickups[phone], pickup.index < pickup.items.count else { return }
        media(.play(phone, plan.tones.accepted, loop: false))
    }

    mutating func messageKey(_ phone: ChannelNumber, _ key: DTMFKey) {
        guard let pickup = pickups[phone], pickup.index < pickup.items.count else { return }
        let item = pickup.items[pickup.index]
        switch key {
        case .one:
            playCurrent(phone)
        case .two, .hash:
            emit(.markMessage(item.id, state: "heard", user: pickup.user))
            next(phone)
        case .seven:
            emit(.markMessage(item.id, state: "deleted", user: pickup.user))
            audit("agent \(pickup.user)", "message-delete", "message-\(item.id)", "box \(item.box), from the phone")
            next(phone)
        case .three:
            callBack(item)
            emit(.markMessage(item.id, state: "heard", user: pickup.user))
            next(phone)
        default:
            break
        }
    }

    private mutating func next(_ phone: ChannelNumber) {
        pickups[phone]?.index += 1
        playCurrent(phone)
    }

    private mutating func playCurrent(_ phone: ChannelNumber) {
        guard let pickup = pickups[phone] else { return }
        guard pickup.index < pickup.items.count else {
            media(.play(phone, plan.tones.busy, loop: true))  // none (left)
            return
        }
        let item = pickup.items[pickup.index]
        audit("agent \(pickup.user)", "message-listen", "message-\(item.id)", "box \(item.box), from the phone")
        emit(.playMessage(phone, item))
    }

    /// A callback to the message's caller, in the box's queue (an agent's box: their own queue).
    private mutating func callBack(_ item: MessageItem) {
        guard let number = item.callerNumber, !number.isEmpty else { return note("message-\(item.id) has no caller number to call back") }
        let queue = plan.queues[item.box] != nil ? item.box : ACDConfigurationMapping.personalQueueID(item.box).rawValue
        guard acd.queueIDs.contains(QueueID(queue)) else { return note("message-\(item.id): no queue '\(queue)' to call back from") }
        book(CallID(item.callID), queue: queue, number: number, language: plan.ivr.defaultLanguage, since: now)
    }

    /// The phone was hung up: the pickup ends (a clip playing stops).
    mutating func endPickup(_ phone: ChannelNumber) {
        pickups[phone] = nil
        media(.stopPlayback(phone))
        media(.setDSP(phone, []))
    }
}
