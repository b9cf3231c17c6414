/// Turns the bytes a terminal sends into `Key`s.
///
/// Pure and incremental: bytes may arrive in any split (a serial line or
/// ssh can deliver half an escape sequence or half a UTF-8 character per
/// read), and the decoder keeps the partial state between `feed` calls.
///
/// ESC is ambiguous: alone it is the Escape key, followed by `[` or `O` it
/// starts a sequence. The decoder never waits on its own; when
/// `hasPartialInput` is true the caller waits a short while for more bytes
/// (`Terminal` polls about 50 ms) and calls `flush()` if none came.
public struct KeyDecoder: Sendable {
    enum State: Sendable, Equatable {
        case ground
        /// Collecting a UTF-8 sequence: the bytes so far and the total length.
        case utf8([UInt8], length: Int)
        /// After ESC.
        case escape
        /// After ESC [: parameter and intermediate bytes so far.
        case csi([UInt8])
        /// After ESC O.
        case ss3
    }

    var state: State = .ground
    /// The last key was an enter from CR: a following LF belongs to it.
    var afterCarriageReturn = false

    /// Longest CSI body kept before the sequence is dropped as garbage.
    static let maximumSequenceLength = 16

    /// A decoder with nothing pending.
    public init() {}

    /// True when the bytes so far end inside a sequence (a lone ESC, half an
    /// escape sequence or half a UTF-8 character): the caller should wait
    /// briefly for more input, then call `flush()`.
    public var hasPartialInput: Bool { state != .ground }

    /// Decodes `bytes`, returning the keys they complete.
    public mutating func feed<S: Sequence>(_ bytes: S) -> [Key] where S.Element == UInt8 {
        var keys: [Key] = []
        for byte in bytes { decode(byte, into: &keys) }
        return keys
    }

    /// Ends whatever is pending because no more bytes came in time: a lone
    /// ESC becomes `.escape`, half a UTF-8 character becomes U+FFFD, half an
    /// escape sequence is dropped. Also forgets a pending CR, so an LF typed
    /// after a pause counts as its own enter.
    public mutating func flush() -> [Key] {
        afterCarriageReturn = false
        defer { state = .ground }
        switch state {
        case .ground, .csi, .ss3: return []
        case .escape: return [.escape]
        case .utf8: return [.character("\u{FFFD}")]
        }
    }

    mutating func decode(_ byte: UInt8, into keys: inout [Key]) {
        let followsCR = afterCarriageReturn
        afterCarriageReturn = false
        switch state {
        case .ground:
            if byte == 0x0A, followsCR { return }
            ground(byte, into: &keys)
        case .utf8(let bytes, let length):
            continueUTF8(bytes, length: length, byte, into: &keys)
        case .escape:
            afterEscape(byte, into: &keys)
        case .csi(let body):
            continueCSI(body, byte, into: &keys)
        case .ss3:
            state = .ground
            if let key = Self.ss3Key(byte) { keys.append(key) }
        }
    }

    mutating func ground(_ byte: UInt8, into keys: inout [Key]) {
        switch byte {
        case 0x0D:
            keys.append(.enter)
            afterCarriageReturn = true
        case 0x0A: keys.append(.enter)
        case 0x09: keys.append(.tab)
        case 0x08, 0x7F: keys.append(.backspace)
        case 0x1B: state = .escape
        case 0x00..<0x20:
            let letter = Character(Unicode.Scalar(byte + 0x40)).lowercased()
            keys.append(.control(Character(letter)))
        case 0x20..<0x80:
            keys.append(.character(Character(Unicode.Scalar(byte))))
        case 0xC2...0xDF: state = .utf8([byte], length: 2)
        case 0xE0...0xEF: state = .utf8([byte], length: 3)
        case 0xF0...0xF4: state = .utf8([byte], length: 4)
        default:
            keys.append(.character("\u{FFFD}"))
        }
    }

    mutating func continueUTF8(_ bytes: [UInt8], length: Int, _ byte: UInt8, into keys: inout [Key]) {
        guard byte & 0xC0 == 0x80 else {
            // Truncated sequence: report it, then read this byte afresh.
            state = .ground
            keys.append(.character("\u{FFFD}"))
            decode(byte, into: &keys)
            return
        }
        let collected = bytes + [byte]
        guard collected.count == length else {
            state = .utf8(collected, length: length)
            return
        }
        state = .ground
        if let scalar = Self.scalar(collected) {
            // C1 controls (U+0080–U+009F) are not text.
            if scalar.value >= 0xA0 { keys.append(.character(Character(scalar))) }
        } else {
            keys.append(.character("\u{FFFD}"))
        }
    }

    /// The scalar a complete UTF-8 sequence encodes; nil for overlong forms,
    /// surrogates and values past U+10FFFF.
    static func scalar(_ bytes: [UInt8]) -> Unicode.Scalar? {
        let lead = UInt32(bytes[0])
        var value: UInt32
        let minimum: UInt32
        switch bytes.count {
        case 2: value = lead & 0x1F; minimum = 0x80
        case 3: value = lead & 0x0F; minimum = 0x800
        default: value = lead & 0x07; minimum = 0x10000
        }
        for byte in bytes.dropFirst() { value = value << 6 | UInt32(byte & 0x3F) }
        guard value >= minimum else { return nil }
        return Unicode.Scalar(value)
    }
}
