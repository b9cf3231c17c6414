import Config
import Telephony

/// The box's own outgoing calls, guarded against toll fraud: a number must
/// match `[outbound] allowed_numbers`, and no more than `max_per_hour` calls
/// in any 60 minutes nor `max_per_day` in any 24 hours are placed. Pure:
/// the times of the calls placed are kept (at most a day's cap of them).
struct OutboundGate: Sendable {
    enum Refusal: Sendable, Equatable, CustomStringConvertible {
        case numberNotAllowed(String)
        case hourlyCap(Int)
        case dailyCap(Int)

        var description: String {
            switch self {
            case .numberNotAllowed(let n): "number \(n) matches no [outbound] allowed_numbers pattern"
            case .hourlyCap(let n): "the hourly cap of \(n) outgoing calls is reached"
            case .dailyCap(let n): "the daily cap of \(n) outgoing calls is reached"
            }
        }
    }

    static let hour = SampleTime(milliseconds: 3_600_000)
    static let day = SampleTime(milliseconds: 86_400_000)

    var settings: OutboundSection
    private(set) var placed: [SampleTime] = []

    init(settings: OutboundSection) { self.settings = settings }

    /// Whether `number` may be dialled now; when it may, the call counts.
    mutating func admit(_ number: String, now: SampleTime) -> Refusal? {
        guard settings.allows(number) else { return .numberNotAllowed(number) }
        placed.removeAll { now - $0 >= Self.day }
        if placed.count >= settings.maxPerDay { return .dailyCap(settings.maxPerDay) }
        if placed.filter({ now - $0 < Self.hour }).count >= settings.maxPerHour { return .hourlyCap(settings.maxPerHour) }
        placed.append(now)
        return nil
    }
}
