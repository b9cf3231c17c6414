/// Escape sequences: the VT100/xterm forms for cursor keys (normal and
/// application mode), the vt220/rxvt `~` forms for Home, End and Delete,
/// xterm's modifier parameters (`ESC [ 1;5C` is ctrl-right) and ESC-prefixed
/// alt keys. Sequences the editor has no use for (function keys, Page Up…)
/// are consumed whole and produce no key, so they never insert garbage.
extension KeyDecoder {
    mutating func afterEscape(_ byte: UInt8, into keys: inout [Key]) {
        switch byte {
        case UInt8(ascii: "["):
            state = .csi([])
        case UInt8(ascii: "O"):
            state = .ss3
        case 0x1B:
            keys.append(.escape)            // ESC ESC: the first was a lone Escape
        case UInt8(ascii: "b"):
            state = .ground
            keys.append(.wordLeft)
        case UInt8(ascii: "f"):
            state = .ground
            keys.append(.wordRight)
        case 0x20..<0x7F:
            state = .ground
            keys.append(.meta(Character(Unicode.Scalar(byte))))
        default:
            // ESC then a control or non-ASCII byte: a lone Escape, then that key.
            state = .ground
            keys.append(.escape)
            decode(byte, into: &keys)
        }
    }

    mutating func continueCSI(_ body: [UInt8], _ byte: UInt8, into keys: inout [Key]) {
        switch byte {
        case 0x20...0x3F:
            if body.count >= Self.maximumSequenceLength {
                state = .ground             // runaway garbage: drop it
            } else {
                state = .csi(body + [byte])
            }
        case 0x40...0x7E:
            state = .ground
            if let key = Self.csiKey(body, final: byte) { keys.append(key) }
        default:
            // A control byte cannot occur inside a sequence: drop the
            // sequence and read the byte afresh.
            state = .ground
            decode(byte, into: &keys)
        }
    }

    /// The key for `ESC [ body final`, nil for sequences the editor ignores.
    static func csiKey(_ body: [UInt8], final: UInt8) -> Key? {
        let parameters = String(decoding: body, as: UTF8.self)
            .split(separator: ";", omittingEmptySubsequences: false)
            .map { Int($0) }
        switch final {
        case UInt8(ascii: "~"):
            switch parameters.first ?? nil {
            case 1, 7: return .home
            case 4, 8: return .end
            case 3: return .delete
            default: return nil
            }
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return modifiesByWord(parameters) ? .wordRight : .right
        case UInt8(ascii: "D"): return modifiesByWord(parameters) ? .wordLeft : .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        default: return nil
        }
    }

    /// xterm encodes modifiers as a second parameter, 1 + a bit mask
    /// (shift 1, alt 2, ctrl 4): ctrl- or alt-arrows move by word.
    static func modifiesByWord(_ parameters: [Int?]) -> Bool {
        guard parameters.count >= 2, let code = parameters[1], code > 1 else { return false }
        return (code - 1) & 0b110 != 0
    }

    /// The key for `ESC O final` (application cursor mode, rxvt ctrl-arrows,
    /// keypad Enter), nil for function keys and the rest.
    static func ss3Key(_ final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "c"): return .wordRight
        case UInt8(ascii: "d"): return .wordLeft
        case UInt8(ascii: "M"): return .enter
        default: return nil
        }
    }
}
