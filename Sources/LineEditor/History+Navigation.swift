/// Up/down through the entries while a line is being edited.
///
/// The caller passes the line as it is now; the history remembers it for
/// the current position, so going back down returns the half-typed draft
/// (or an edited recalled entry) instead of losing it.
extension History {
    /// True while an older entry is shown instead of the draft.
    public var isNavigating: Bool { position < entries.count }

    /// The entry before the current position, or nil at the oldest one.
    /// `current` is the line as shown now.
    public mutating func previous(current: String) -> String? {
        guard position > 0 else { return nil }
        return move(to: min(position, entries.count) - 1, current: current)
    }

    /// The entry after the current position (at the end: the draft), or nil
    /// when already at the draft.
    public mutating func next(current: String) -> String? {
        guard position < entries.count else { return nil }
        return move(to: position + 1, current: current)
    }

    /// Back to the draft, forgetting remembered edits: called when a line is
    /// entered or abandoned.
    public mutating func resetNavigation() {
        position = entries.count
        edits.removeAll()
    }

    private mutating func move(to target: Int, current: String) -> String {
        edits[position] = current
        position = target
        if let edited = edits[target] { return edited }
        return target < entries.count ? entries[target] : ""
    }
}
