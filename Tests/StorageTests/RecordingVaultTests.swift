import Accounts
import DSP
import Foundation
import MediaLoop
import Sealing
import Storage
import Testing

@Suite struct RecordingVaultTests {
    /// A one-second recording made by the recording writer (sealed when `key` is given), with its row.
    static func record(_ scratch: Scratch, key: SealingKey?) throws -> (CallStore, String) {
        let store = try CallStore(path: scratch.path + "/kefu.db")
        let tap = RecordingTap(blockSize: 160, capacity: 64)
        let writer = RecordingWriter(tap: tap)
        writer.key = key
        let path = scratch.path + "/rec/" + writer.fileName(callID: 7)
        try writer.start(slot: RecordingSlot(0), callID: 7, path: path)
        for frame in 0..<50 {
            let left = [Int16](repeating: Int16(frame), count: 160), right = [Int16](repeating: -1, count: 160)
            left.withUnsafeBufferPointer { l in right.withUnsafeBufferPointer { r in tap.push(slot: RecordingSlot(0), left: l.baseAddress!, right: r.baseAddress!) } }
            if frame % 7 == 0 { writer.drain() }
        }
        let outcome = try #require(writer.stop(slot: RecordingSlot(0)))
        try store.write([.callStarted(callID: 7, line: 1, arrived: 0),
                         .recordingStarted(RecordingStart(callID: 7, path: path, queue: "sales", agent: "8001", started: 0, sealedKey: key?.keyID)),
                         .recordingFinished(RecordingEnd(callID: 7, ended: 1_000, bytes: outcome.bytes, state: .complete))])
        return (store, path)
    }

    static func checkAudio(_ wav: [UInt8]) throws {
        let audio = try WAVCodec.decode(wav)
        #expect(audio.channels.count == 2 && audio.channels[0].count == 50 * 160)
        #expect((0..<50).allSatisfy { audio.channels[0][$0 * 160] == Int16($0) })
        #expect(audio.channels[1].allSatisfy { $0 == -1 })
    }

    static let supervisor = Operator(name: "li", role: .supervisor)
    static let viewer = Operator(name: "wang", role: .viewer)
    static let admin = Operator(name: "root", role: .admin)

    @Test("listening and exporting need the configured role; every access and every refusal leaves an audit entry naming who, what and which recording")
    func rolesAndAudit() throws {
        let scratch = Scratch("vault")
        defer { scratch.remove() }
        let (store, path) = try Self.record(scratch, key: nil)
        var clock: Int64 = 1_000
        let vault = RecordingVault(store: store, key: nil, listenRole: .supervisor) { clock += 1; return clock }

        try Self.checkAudio(try vault.listen(7, by: Self.supervisor))
        try vault.export(7, to: scratch.path + "/out.wav", by: Self.supervisor)
        try Self.checkAudio(Array(try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/out.wav"))))
        #expect(throws: VaultError.self) { try vault.export(7, to: scratch.path + "/out.wav", by: Self.supervisor) }  // never overwrites
        #expect(throws: VaultError.self) { _ = try vault.listen(7, by: Self.viewer) }
        #expect(throws: VaultError.self) { try vault.delete(7, by: Self.supervisor, reason: "tidy") }
        try vault.flag(7, true, by: Self.supervisor, reason: "complaint 2026-118")
        try vault.delete(7, by: Self.admin, reason: "customer asked")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try store.recording(7)?.state == "deleted")
        #expect(throws: VaultError.self) { _ = try vault.listen(7, by: Self.admin) }

        let audit = try store.audit()
        #expect(audit.map { "\($0.user) \($0.action) \($0.object)" } == [
            "li listen recording 7", "li export recording 7",
            "wang listen-refused recording 7", "li delete-refused recording 7", "li flag recording 7", "root delete recording 7",
        ])
        #expect(audit.map(\.at) == Array(1_001...1_006))
        #expect(audit[1].detail == "to \(scratch.path)/out.wav")
    }

    @Test("an admin-only policy refuses supervisors")
    func adminOnlyPolicy() throws {
        let scratch = Scratch("adminonly")
        defer { scratch.remove() }
        let (store, _) = try Self.record(scratch, key: nil)
        let vault = RecordingVault(store: store, key: nil, listenRole: .admin) { 5 }
        #expect(throws: VaultError.self) { _ = try vault.listen(7, by: Self.supervisor) }
        try Self.checkAudio(try vault.listen(7, by: Self.admin))
    }

    @Test("a sealed recording holds no plain audio on disk, exports decrypted with the right key, and fails with the key ids named under another key")
    func sealedRoundTripAndWrongKey() throws {
        let scratch = Scratch("sealed")
        defer { scratch.remove() }
        let key = try SealingKey.generate(path: scratch.path + "/recording.key")
        let (store, path) = try Self.record(scratch, key: key)
        #expect(path.hasSuffix("/7.kseal"))
        let raw = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(!raw.starts(with: Array("RIFF".utf8)))
        // Frame 1's left channel (0x0001 repeated) does not appear in the clear.
        let plainRun: [UInt8] = [1, 0, 0xFF, 0xFF, 1, 0, 0xFF, 0xFF]
        #expect(!(0..<(raw.count - plainRun.count)).contains { Array(raw[$0..<($0 + plainRun.count)]) == plainRun })

        let vault = RecordingVault(store: store, key: key, listenRole: .supervisor) { 1 }
        try vault.export(7, to: scratch.path + "/out.wav", by: Self.supervisor)
        try Self.checkAudio(Array(try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/out.wav"))))

        let other = try SealingKey.generate(path: scratch.path + "/other.key")
        let wrong = RecordingVault(store: store, key: other, listenRole: .supervisor) { 2 }
        #expect { _ = try wrong.listen(7, by: Self.supervisor) } throws: { error in
            "\(error)".contains(key.keyID) && "\(error)".contains(other.keyID)
        }
        let unkeyed = RecordingVault(store: store, key: nil, listenRole: .supervisor) { 3 }
        #expect { _ = try unkeyed.listen(7, by: Self.supervisor) } throws: { error in "\(error)".contains("no key is loaded") }
    }

    @Test("a sealed recording left open by a crash is readable up to its last sealed second")
    func sealedCrashRecovery() throws {
        let scratch = Scratch("sealedcrash")
        defer { scratch.remove() }
        let key = try SealingKey.generate(path: scratch.path + "/recording.key")
        let store = try CallStore(path: scratch.path + "/kefu.db")
        let tap = RecordingTap(blockSize: 160, capacity: 512)
        let writer = RecordingWriter(tap: tap)
        writer.key = key
        let path = scratch.path + "/rec/9.kseal"
        try writer.start(slot: RecordingSlot(0), callID: 9, path: path)
        try store.write([.callStarted(callID: 9, line: 1, arrived: 0),
                         .recordingStarted(RecordingStart(callID: 9, path: path, queue: nil, agent: nil, started: 0, sealedKey: key.keyID))])
        // 2.5 s of audio: two whole seconds sealed, the last half second only buffered when the "crash" comes.
        for frame in 0..<125 {
            let left = [Int16](repeating: Int16(frame), count: 160)
            left.withUnsafeBufferPointer { l in tap.push(slot: RecordingSlot(0), left: l.baseAddress!, right: l.baseAddress!) }
            writer.drain()
        }
        // No stop: the process is gone. Start-up recovery counts what is readable.
        let report = try StorageRecovery.recover(store, key: key)
        #expect(report.repairedRecordings == [9])
        #expect(try store.recording(9)?.bytes == 100 * 640)
        let vault = RecordingVault(store: store, key: key, listenRole: .supervisor) { 1 }
        let audio = try WAVCodec.decode(try vault.listen(9, by: Self.supervisor))
        #expect(audio.channels[0].count == 100 * 160)
    }
}
