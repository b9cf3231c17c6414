import CallControl
import DSP
import Foundation
import Sealing
import Storage

/// The mailboxes as agents pick them up by phone: rows from kefu.db (a
/// connection of its own), audio from the message files (sealed ones
/// opened with the recording key). Runs on the control thread; a message
/// is at most two minutes (2 MB), read when it is played.
final class StoreMessageShelf: MessageShelf {
    let store: CallStore
    let key: SealingKey?
    private(set) var problems: [String] = []

    init(databasePath: String, key: SealingKey?) throws {
        store = try CallStore(path: databasePath, busyTimeoutMilliseconds: 200)
        self.key = key
    }

    func newMessages(boxes: [String]) -> [MessageItem] {
        do {
            let rows = boxes.isEmpty ? try store.messages() : try boxes.flatMap { box throws(SQLiteError) in try store.messages(box: box) }
            return rows.filter { $0.state == "new" && $0.id != nil }.sorted { ($0.at, $0.id!) < ($1.at, $1.id!) }.map {
                MessageItem(id: $0.id!, box: $0.box, callID: Int($0.callID), callerNumber: $0.callerNumber, path: $0.path)
            }
        } catch {
            problems.append("messages could not be read: \(error)")
            return []
        }
    }

    func audio(_ item: MessageItem) -> Result<[Int16], MessageAudioError> {
        guard let bytes = FileManager.default.contents(atPath: item.path).map([UInt8].init) else {
            return .failure(MessageAudioError("\(item.path) cannot be read"))
        }
        if let wav = try? WAVCodec.decode(bytes), let left = wav.channels.first { return .success(left) }
        guard let key else { return .failure(MessageAudioError("\(item.path) is neither a WAV file nor readable without the recording key")) }
        do {
            let plain = try SealedFileReader.read(path: item.path, key: key).plaintext
            var left: [Int16] = []
            left.reserveCapacity(plain.count / 4)
            var i = 0
            while i + 3 < plain.count {  // stereo 16-bit little-endian: the caller's side
                left.append(Int16(bitPattern: UInt16(plain[i]) | UInt16(plain[i + 1]) << 8))
                i += 4
            }
            return .success(left)
        } catch {
            return .failure(MessageAudioError("\(item.path): \(error)"))
        }
    }

    func mark(_ id: Int64, state: String, user: String, at: Int64) {
        do {
            switch try store.markMessage(id, state, by: "agent \(user)", at: at) {
            case .marked: break
            case .noSuchMessage: problems.append("message #\(id) could not be marked \(state): it is gone (deleted meanwhile)")
            case .cannotRemove(let path, let reason): problems.append("message #\(id): cannot remove \(path): \(reason)")
            }
        } catch {
            problems.append("message #\(id) could not be marked \(state): \(error)")
        }
    }
}
