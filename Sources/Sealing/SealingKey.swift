import Crypto

/// The 256-bit AES-GCM key that recordings are sealed with.
///
/// Keys live in a key file readable only by the daemon's user: 64 hex characters
/// (optionally followed by a newline) or exactly 32 raw bytes. The key itself is never
/// printed; `keyID` names it in headers and messages instead.
public struct SealingKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Length of a key in bytes.
    public static let byteCount = 32

    let bytes: [UInt8]
    let keyIDBytes: [UInt8]

    /// Identifies the key without revealing it: the first 8 bytes of SHA-256 of the key,
    /// as 16 lowercase hex characters. Stored in every sealed file's header so a reader
    /// can tell which key a file needs.
    public var keyID: String { Hex.encode(keyIDBytes) }

    /// A key from exactly 32 bytes; nil for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.byteCount else { return nil }
        self.bytes = bytes
        self.keyIDBytes = Array(SHA256.hash(data: bytes).prefix(SealedFormat.keyIDLength))
    }

    /// Shows only the key id, so logging a key never leaks it.
    public var description: String { "SealingKey(id: \(keyID))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["keyID": keyID]) }

    /// The key as swift-crypto wants it.
    var symmetricKey: SymmetricKey { SymmetricKey(data: bytes) }
}
