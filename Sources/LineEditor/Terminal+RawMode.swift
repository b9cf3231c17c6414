#if canImport(Glibc)
import Glibc

/// Raw mode: keys arrive byte by byte, unechoed, with ctrl-c and ctrl-z as
/// bytes instead of signals.
///
/// Deliberately left alone: output processing (so `\n` still means CR LF
/// for command output), the line's speed/parity/size (a serial port's
/// settings belong to the installer's cable, not to us) and IXON, so
/// XON/XOFF flow control keeps working on serial consoles that rely on it.
extension Terminal {
    /// Switches `input` to raw mode, keeping the current settings for
    /// `restore()`. False when the settings cannot be read or changed.
    func enterRawMode() -> Bool {
        if savedAttributes != nil { return true }
        var original = termios()
        guard tcgetattr(input, &original) == 0 else { return false }
        var raw = original
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INLCR | IGNCR | ISTRIP)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        withUnsafeMutableBytes(of: &raw.c_cc) { characters in
            characters[Int(VMIN)] = 1
            characters[Int(VTIME)] = 0
        }
        guard tcsetattr(input, TCSADRAIN, &raw) == 0 else { return false }
        savedAttributes = original
        TerminationRestore.remember(descriptor: input, attributes: original)
        return true
    }

    /// Puts back the settings raw mode replaced. Safe to call at any time and
    /// more than once; does nothing when raw mode is off.
    public func restore() {
        guard var original = savedAttributes else { return }
        savedAttributes = nil
        TerminationRestore.forget()
        _ = tcsetattr(input, TCSADRAIN, &original)
    }

    /// True while `input` is in raw mode (inside `readLine`).
    public var isRaw: Bool { savedAttributes != nil }
}
#endif
