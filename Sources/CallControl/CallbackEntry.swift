import Telephony

/// A caller in a queue choosing the number to be called back on: the box
/// reads the suggested number (their caller ID) back — "press 1 to confirm,
/// 2 for another number" — or asks them to key one in, ended by '#', and
/// reads that back too. '*' or 20 s without a key gives up (the caller
/// keeps waiting); a number the box may not dial is refused, three times at
/// most. Pure: keys and time in, what to say or do out.
struct CallbackEntry: Sendable, Equatable {
    enum Stage: Sendable, Equatable {
        /// Reading `number` back; 1 confirms, 2 asks for another.
        case confirm(String)
        /// Collecting digits until '#'.
        case typing(String)
    }

    enum Step: Sendable, Equatable {
        /// Play these prompt names (digits are the names "0" … "9").
        case say([String])
        /// The caller confirmed `number`.
        case book(String)
        /// Give up: the caller keeps waiting in the queue.
        case cancel
    }

    static let patience = SampleTime(milliseconds: 20_000)
    static let maxDigits = 20
    static let maxRefusals = 3

    private(set) var stage: Stage
    private(set) var deadline: SampleTime
    private var refusals = 0

    init(suggested: String?, now: SampleTime) {
        stage = suggested.map { .confirm($0) } ?? .typing("")
        deadline = now + Self.patience
    }

    /// What the caller hears first.
    var opening: [String] {
        switch stage {
        case .confirm(let number): Self.readBack(number)
        case .typing: ["callback-enter"]
        }
    }

    static func readBack(_ number: String) -> [String] {
        ["callback-confirm"] + number.map(String.init) + ["callback-keys"]
    }

    /// A key from the caller; `allowed` says whether a number may be dialled.
    mutating func key(_ key: DTMFKey, now: SampleTime, allowed: (String) -> Bool) -> Step? {
        deadline = now + Self.patience
        if key == .star { return .cancel }
        switch stage {
        case .confirm(let number):
            switch key {
            case .one: return .book(number)
            case .two:
                stage = .typing("")
                return .say(["callback-enter"])
            default: return nil
            }
        case .typing(let digits):
            guard key == .hash else {
                guard let d = key.digit, digits.count < Self.maxDigits else { return nil }
                stage = .typing(digits + String(d))
                return nil
            }
            guard !digits.isEmpty, allowed(digits) else {
                refusals += 1
                stage = .typing("")
                return refusals >= Self.maxRefusals ? .cancel : .say(["callback-invalid", "callback-enter"])
            }
            stage = .confirm(digits)
            return .say(Self.readBack(digits))
        }
    }

    /// Time passes: past the deadline the entry gives up.
    func timer(now: SampleTime) -> Step? {
        now >= deadline ? .cancel : nil
    }
}

extension DTMFKey {
    /// 0–9 as a digit character; nil for * # A–D.
    var digit: Character? {
        rawValue.isNumber ? rawValue : nil
    }
}
