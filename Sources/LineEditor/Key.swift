/// One key press, as decoded from the terminal's bytes.
///
/// Keys are named by what the terminal sent, not by editing action, so the
/// same `.wordLeft` comes from ctrl-left on one terminal and alt-b on another,
/// and `LineEditor` owns the bindings.
public enum Key: Sendable, Hashable {
    /// Text to insert: one Unicode scalar as a character (combining marks
    /// arrive as their own key and join the previous character on insert).
    case character(Character)
    /// A control key, by its lower-case letter: `.control("a")` is ctrl-a.
    /// Ctrl-h, ctrl-i, ctrl-j and ctrl-m arrive as `.backspace`, `.tab` and
    /// `.enter` instead; other control bytes use their caret notation
    /// letter (`.control("@")` for NUL, `.control("_")` for 0x1F).
    case control(Character)
    /// Alt (meta) with a printable key, sent as ESC then the key, other than
    /// alt-b and alt-f.
    case meta(Character)
    /// CR, LF, or CR LF together (one press).
    case enter
    /// Tab (ctrl-i): complete the word at the cursor.
    case tab
    /// 0x7F (DEL, what most terminals send) or 0x08 (BS, ctrl-h).
    case backspace
    /// The Delete key (ESC [ 3 ~): delete under the cursor.
    case delete
    /// Cursor keys, in normal (ESC [) or application (ESC O) mode.
    case up, down, left, right
    /// Home and End in any of their xterm, vt220 and rxvt spellings.
    case home, end
    /// Ctrl-left or alt-b.
    case wordLeft
    /// Ctrl-right or alt-f.
    case wordRight
    /// A lone ESC, reported by `KeyDecoder.flush()` when nothing followed it.
    case escape
}
