/// Prompt audio loaded once at start-up: linear 8 kHz samples per prompt.
/// The media loop plays from these arrays without copying them.
public struct PromptTable: Sendable {
    public private(set) var prompts: [[Int16]] = []
    public private(set) var names: [String] = []

    public init() {}

    /// Adds a prompt; returns its id.
    @discardableResult
    public mutating func add(_ name: String, _ samples: [Int16]) -> PromptID {
        precondition(!samples.isEmpty, "prompt '\(name)' has no audio")
        prompts.append(samples)
        names.append(name)
        return PromptID(prompts.count - 1)
    }

    public func id(named name: String) -> PromptID? {
        names.firstIndex(of: name).map(PromptID.init)
    }
}
