/// How a caller-ID message was carried.
public enum CallerIDFormat: String, Sendable, Hashable, CaseIterable {
    /// FSK, single data message format (type 0x04): time and number.
    case fskSDMF = "fsk-sdmf"
    /// FSK, multiple data message format (type 0x80): time, number, name, absence reasons.
    case fskMDMF = "fsk-mdmf"
    /// DTMF digits before the first ring: A or D, the number, then C or #.
    case dtmf = "dtmf"
    /// Sent by the network's signalling on an E1: the ISDN calling number, the MFC/R2 ANI.
    case network = "network"
}

/// Why a number or name is absent.
public enum CallerIDAbsence: String, Sendable, Hashable {
    /// 'P': the caller withheld it.
    case withheld = "withheld"
    /// 'O': the network could not deliver it.
    case unavailable = "unavailable"
}

/// A decoded caller-ID presentation.
public struct CallerID: Sendable, Equatable {
    public var format: CallerIDFormat
    public var number: String?
    public var name: String?
    public var numberAbsence: CallerIDAbsence?
    public var nameAbsence: CallerIDAbsence?
    /// Month, day, hour, minute as sent by the exchange (MMDDHHMM), if any.
    public var dateTime: String?

    public init(format: CallerIDFormat, number: String? = nil, name: String? = nil,
                numberAbsence: CallerIDAbsence? = nil, nameAbsence: CallerIDAbsence? = nil, dateTime: String? = nil) {
        self.format = format
        self.number = number
        self.name = name
        self.numberAbsence = numberAbsence
        self.nameAbsence = nameAbsence
        self.dateTime = dateTime
    }
}

/// Why a caller-ID message could not be decoded.
public struct CallerIDError: Error, Equatable, CustomStringConvertible, Sendable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// Encodes and decodes caller-ID messages (the bytes inside the FSK burst, or
/// the DTMF digit string). Pure: no DSP, no allocation concerns; used off the
/// media thread.
public enum CallerIDMessage {
    /// Decodes a message delivered by an FSK receiver: type, length,
    /// parameters, and (when present) the checksum, which must be right.
    public static func decodeFSK(_ bytes: [UInt8]) throws(CallerIDError) -> CallerID {
        guard bytes.count >= 2 else { throw CallerIDError(reason: "message of \(bytes.count) bytes is too short") }
        let type = bytes[0]
        let length = Int(bytes[1])
        guard bytes.count >= length + 2 else {
            throw CallerIDError(reason: "message claims \(length) bytes of data but carries \(bytes.count - 2)")
        }
        if bytes.count >= length + 3 {
            let sum = bytes[0..<(length + 3)].reduce(UInt8(0), &+)
            guard sum == 0 else { throw CallerIDError(reason: "checksum mismatch") }
        }
        let body = Array(bytes[2..<(2 + length)])
        switch type {
        case 0x04:
            guard body.count >= 8 else { throw CallerIDError(reason: "SDMF message without its 8-digit time") }
            var id = CallerID(format: .fskSDMF, dateTime: ascii(body[0..<8]))
            let rest = body[8...]
            if rest.count == 1, let absence = absence(rest.first!) {
                id.numberAbsence = absence
            } else {
                id.number = ascii(rest)
            }
            return id
        case 0x80:
            var id = CallerID(format: .fskMDMF)
            var p = 0
            while p < body.count {
                guard p + 2 <= body.count else { throw CallerIDError(reason: "MDMF parameter header cut off at byte \(p)") }
                let param = body[p], len = Int(body[p + 1])
                guard p + 2 + len <= body.count else {
                    throw CallerIDError(reason: "MDMF parameter 0x\(String(param, radix: 16)) claims \(len) bytes past the message end")
                }
                let value = body[(p + 2)..<(p + 2 + len)]
                switch param {
                case 0x01: id.dateTime = ascii(value)
                case 0x02: id.number = ascii(value)
                case 0x07: id.name = String(decoding: value, as: UTF8.self)
                case 0x04: id.numberAbsence = value.first.flatMap(absence)
                case 0x08: id.nameAbsence = value.first.flatMap(absence)
                default: break  // other parameters (dialled number, redirection, ...) are not needed
                }
                p += 2 + len
            }
            return id
        default:
            throw CallerIDError(reason: "message type 0x\(String(type, radix: 16)) is not caller ID (0x04 SDMF or 0x80 MDMF)")
        }
    }

    /// Decodes DTMF caller ID: a start key A or D, the number, and C or #.
    /// A start key B followed by 00 or 10 marks the number unavailable or withheld.
    public static func decodeDTMF(_ digits: String) throws(CallerIDError) -> CallerID {
        var chars = Array(digits)
        guard let first = chars.first, "ABD".contains(first) else {
            throw CallerIDError(reason: "DTMF caller ID '\(digits)' does not start with A, B or D")
        }
        if let last = chars.last, last == "C" || last == "#" { chars.removeLast() }
        let body = String(chars.dropFirst())
        if first == "B" {
            let absence: CallerIDAbsence = body.hasPrefix("10") ? .withheld : .unavailable
            return CallerID(format: .dtmf, numberAbsence: absence)
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw CallerIDError(reason: "DTMF caller ID '\(digits)' carries no number")
        }
        return CallerID(format: .dtmf, number: body)
    }

    /// Encodes an FSK message (type, length, parameters; no checksum — the
    /// transmitter adds it).
    public static func encodeFSK(_ id: CallerID) -> [UInt8] {
        var body: [UInt8] = []
        switch id.format {
        case .fskSDMF:
            body += Array((id.dateTime ?? "01010000").utf8.prefix(8))
            if let absence = id.numberAbsence {
                body.append(absence == .withheld ? 0x50 : 0x4F)
            } else {
                body += Array((id.number ?? "").utf8)
            }
            return [0x04, UInt8(body.count)] + body
        case .fskMDMF, .dtmf, .network:
            func param(_ type: UInt8, _ value: [UInt8]) { body += [type, UInt8(value.count)] + value }
            if let t = id.dateTime { param(0x01, Array(t.utf8.prefix(8))) }
            if let n = id.number { param(0x02, Array(n.utf8)) }
            if let a = id.numberAbsence { param(0x04, [a == .withheld ? 0x50 : 0x4F]) }
            if let name = id.name { param(0x07, Array(name.utf8)) }
            if let a = id.nameAbsence { param(0x08, [a == .withheld ? 0x50 : 0x4F]) }
            return [0x80, UInt8(body.count)] + body
        }
    }

    /// Encodes DTMF caller ID as China's exchanges send it: D, number, C.
    public static func encodeDTMF(_ id: CallerID) -> String {
        if let absence = id.numberAbsence { return absence == .withheld ? "B10C" : "B00C" }
        return "D" + (id.number ?? "") + "C"
    }

    private static func ascii<S: Collection>(_ bytes: S) -> String where S.Element == UInt8 {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func absence(_ byte: UInt8) -> CallerIDAbsence? {
        switch byte {
        case 0x50: return .withheld
        case 0x4F: return .unavailable
        default: return nil
        }
    }
}
