#if canImport(Glibc)
import Glibc
#endif
import Accounts
import DSP
import Sealing

/// A refused or failed access to a recording, naming the recording and why.
public struct VaultError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The only way to a recording's audio: listening, exporting and deleting
/// check the operator's role against the policy and leave an audit entry —
/// who, what, which recording, when — whether allowed or refused. Sealed
/// recordings are decrypted here for authorised users only.
public final class RecordingVault {
    public let store: CallStore
    public let key: SealingKey?
    /// The least role that may listen to and export recordings (deleting
    /// and flagging need admin).
    public let listenRole: Operator.Role
    let clock: () -> Int64

    public init(store: CallStore, key: SealingKey?, listenRole: Operator.Role, clock: @escaping () -> Int64) {
        self.store = store
        self.key = key
        self.listenRole = listenRole
        self.clock = clock
    }

    /// The recording's audio as a WAV file's bytes, for playing (audited as a listen).
    public func listen(_ callID: Int64, by who: Operator) throws(VaultError) -> [UInt8] {
        let row = try allowed("listen", callID, who, least: listenRole)
        try audit("listen", callID, who, detail: nil)
        return try wavBytes(row)
    }

    /// Writes the recording as a plain WAV file at `path` (decrypted if
    /// sealed; the file is created, never overwritten, mode 0600).
    public func export(_ callID: Int64, to path: String, by who: Operator) throws(VaultError) {
        let row = try allowed("export", callID, who, least: listenRole)
        let wav = try wavBytes(row)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw VaultError("\(path): cannot create (\(String(cString: strerror(errno))))") }
        // The entry is written before any audio leaves: no entry, no export.
        do { try audit("export", callID, who, detail: "to \(path)") } catch {
            close(fd)
            unlink(path)
            throw error
        }
        let written = wav.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == wav.count, synced else {
            let reason = String(cString: strerror(errno))
            unlink(path)
            try? audit("export-failed", callID, who, detail: "\(path): \(reason)")
            throw VaultError("\(path): cannot write the export (\(reason))")
        }
    }

    /// Deletes the recording's file; its row stays, marked deleted, for the audit trail.
    public func delete(_ callID: Int64, by who: Operator, reason: String) throws(VaultError) {
        let row = try allowed("delete", callID, who, least: .admin)
        try audit("delete", callID, who, detail: reason)
        if unlink(row.path) != 0 && errno != ENOENT {
            throw VaultError("recording \(callID): cannot delete \(row.path) (\(String(cString: strerror(errno))))")
        }
        do { try store.markDeleted(callID, at: clock(), reason: "\(who.name): \(reason)") } catch { throw VaultError("\(error)") }
    }

    /// Flags a call (a complaint: its recording is kept longer) or clears the flag.
    public func flag(_ callID: Int64, _ flagged: Bool, by who: Operator, reason: String) throws(VaultError) {
        _ = try allowed(flagged ? "flag" : "unflag", callID, who, least: .supervisor)
        do { try store.setFlagged(callID, flagged) } catch { throw VaultError("\(error)") }
        try audit(flagged ? "flag" : "unflag", callID, who, detail: reason)
    }

    private func allowed(_ action: String, _ callID: Int64, _ who: Operator, least: Operator.Role) throws(VaultError) -> RecordingRow {
        guard who.role >= least else {
            try audit("\(action)-refused", callID, who, detail: "needs \(least.rawValue)")
            throw VaultError("\(action) recording \(callID): refused, \(who) needs the \(least.rawValue) role")
        }
        let found: RecordingRow?
        do { found = try store.recording(callID) } catch { throw VaultError("\(error)") }
        guard let row = found else { throw VaultError("recording \(callID): no such recording") }
        guard row.state != "deleted" else { throw VaultError("recording \(callID): deleted") }
        return row
    }

    private func wavBytes(_ row: RecordingRow) throws(VaultError) -> [UInt8] {
        if row.sealedKey != nil {
            guard let key else { throw VaultError("recording \(row.callID) is sealed (key \(row.sealedKey!)), and no key is loaded") }
            do {
                let content = try SealedFileReader.read(path: row.path, key: key)
                let whole = content.plaintext.count / 4 * 4
                return WAVCodec.header(encoding: .pcm16, channels: 2, dataSize: whole) + content.plaintext[0..<whole]
            } catch { throw VaultError("recording \(row.callID): \(error)") }
        }
        let fd = open(row.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw VaultError("recording \(row.callID): \(row.path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { throw VaultError("recording \(row.callID): read failed: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }

    private func audit(_ action: String, _ callID: Int64, _ who: Operator, detail: String?) throws(VaultError) {
        do { try store.apply(.audit(AuditEntry(at: clock(), user: who.name, action: action, object: "recording \(callID)", detail: detail))) } catch {
            throw VaultError("audit entry not written, access refused: \(error)")
        }
    }
}
