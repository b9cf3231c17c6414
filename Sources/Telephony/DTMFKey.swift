/// One of the sixteen DTMF keys (ITU-T Q.23): 0–9, *, #, and A–D.
public enum DTMFKey: Character, CaseIterable, Sendable, CustomStringConvertible {
    case one = "1", two = "2", three = "3", a = "A"
    case four = "4", five = "5", six = "6", b = "B"
    case seven = "7", eight = "8", nine = "9", c = "C"
    case star = "*", zero = "0", hash = "#", d = "D"

    /// Row (low group) frequencies in Hz.
    public static let rowFrequencies: [Double] = [697, 770, 852, 941]
    /// Column (high group) frequencies in Hz.
    public static let columnFrequencies: [Double] = [1209, 1336, 1477, 1633]

    private static let layout: [DTMFKey] = [
        .one, .two, .three, .a,
        .four, .five, .six, .b,
        .seven, .eight, .nine, .c,
        .star, .zero, .hash, .d,
    ]

    /// The key for a character, accepting lower-case a–d.
    public init?(_ character: Character) {
        let upper = character.uppercased()  // may be several letters ("ß" → "SS")
        guard upper.count == 1, let key = DTMFKey(rawValue: Character(upper)) else { return nil }
        self = key
    }

    /// The key for an ASCII code, as C detectors report it.
    public init?(ascii: Int32) {
        guard ascii > 0, ascii < 128, let scalar = Unicode.Scalar(UInt32(ascii)) else { return nil }
        self.init(Character(scalar))
    }

    private var index: Int { Self.layout.firstIndex(of: self)! }
    /// The key's low-group frequency in Hz.
    public var rowFrequency: Double { Self.rowFrequencies[index / 4] }
    /// The key's high-group frequency in Hz.
    public var columnFrequency: Double { Self.columnFrequencies[index % 4] }
    /// The ASCII code, as C detectors and generators use it.
    public var ascii: UInt8 { rawValue.asciiValue! }

    public var description: String { String(rawValue) }
}
