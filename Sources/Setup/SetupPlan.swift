import Config

/// One agent setup creates: login number, name, the FXS channel of their phone.
public struct SetupAgent: Sendable, Equatable {
    public var id: String
    public var name: String
    public var phone: Int

    public init(id: String, name: String, phone: Int) {
        self.id = id; self.name = name; self.phone = phone
    }

    /// `ID:NAME:PHONE` (`--agent "8001:张三:3"`); the name may be empty.
    public static func parse(_ text: String) -> Result<SetupAgent, SetupRefusal> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else {
            return .failure(SetupRefusal("--agent '\(text)': write ID:NAME:PHONE, e.g. 8001:张三:3",
                                         "--agent '\(text)'：请写成 工号:姓名:话机端口，例如 8001:张三:3"))
        }
        guard isAgentID(parts[0]) else {
            return .failure(SetupRefusal("--agent '\(text)': the login number '\(parts[0])' must be 2 to 8 digits",
                                         "--agent '\(text)'：工号 '\(parts[0])' 必须是 2 到 8 位数字"))
        }
        guard let phone = Int(parts[2]), phone > 0 else {
            return .failure(SetupRefusal("--agent '\(text)': the phone port '\(parts[2])' is not a channel number",
                                         "--agent '\(text)'：话机端口 '\(parts[2])' 不是通道号"))
        }
        return .success(SetupAgent(id: parts[0], name: parts[1], phone: phone))
    }

    static func isAgentID(_ s: String) -> Bool { (2...8).contains(s.count) && s.allSatisfy { $0.isASCII && $0.isNumber } }
}

/// Everything setup decided: the answers to its questions or the flags.
public struct SetupPlan: Sendable, Equatable {
    public var board: String = "dahdi"
    public var country: CountryPreset = .china
    public var timeZone: String = "Asia/Shanghai"
    public var languages: [String] = ["zh"]
    public var callerID: String = "fsk"
    /// Channels of FXO lines (from the exchange) and FXS ports (agents' phones).
    public var lines: [Int] = []
    public var phones: [Int] = []
    public var queue: String = "service"
    public var agents: [SetupAgent] = []
    /// The queue's agents when it is there already: its own members still
    /// planned, then agents new to the file (nil: every agent).
    public var queueAgents: [String]?
    public var promptDirectory: String = "prompts"

    public init() {}
}

/// Why setup will not go on: the place and the reason, in both languages.
public struct SetupRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: Bilingual

    public init(_ english: String, _ chinese: String) { reason = Bilingual(english, chinese) }

    public var english: String { reason.english }
    public var chinese: String { reason.chinese }
    public var description: String { english }
    public func text(chinese zh: Bool) -> String { reason.text(chinese: zh) }
}

/// Channel lists as system.conf and kefu.toml write them: "1-2,9-10".
public enum ChannelList {
    /// The channels of "1-2,9-10" in the order given, or a refusal naming `place`.
    public static func parse(_ text: String, place: String) -> Result<[Int], SetupRefusal> {
        var out: [Int] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: " ") }) where !part.isEmpty {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count), let low = Int(bounds[0]), let high = Int(bounds.last!), low > 0, low <= high else {
                return .failure(SetupRefusal("\(place) '\(text)': '\(part)' is not a channel or a range such as 1-4",
                                             "\(place) '\(text)'：'\(part)' 不是通道号或 1-4 这样的范围"))
            }
            out += Array(low...high)
        }
        guard !out.isEmpty else {
            return .failure(SetupRefusal("\(place): no channels given", "\(place)：没有给出通道"))
        }
        guard Set(out).count == out.count else {
            return .failure(SetupRefusal("\(place) '\(text)': a channel is listed twice", "\(place) '\(text)'：有通道重复"))
        }
        return .success(out)
    }

    /// "1-2,9-10" for channels (sorted, runs joined).
    public static func format(_ channels: [Int]) -> String {
        var runs: [String] = []
        var i = 0
        let sorted = channels.sorted()
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count && sorted[j + 1] == sorted[j] + 1 { j += 1 }
            runs.append(i == j ? "\(sorted[i])" : "\(sorted[i])-\(sorted[j])")
            i = j + 1
        }
        return runs.joined(separator: ",")
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
