import Crypto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a sealed recording live, one segment at a time, to a file descriptor.
///
/// The recorder appends audio as it arrives and calls `seal()` about once a second; each
/// call encrypts what was buffered into one self-contained segment, so a crash loses at
/// most the audio not yet sealed. The caller owns `fd`: it opens it, fsyncs it when it
/// wants sealed segments to be durable, and closes it after `finish()`.
///
/// If a write fails (for example ENOSPC, thrown as `SealingError.io` with the errno),
/// the writer stops: every later `seal()` and `finish()` throws the same error and
/// appended audio is discarded. The segments sealed before the failure still read; a
/// partly written segment reads as the crash cut, never as damage.
/// Not thread-safe: use one writer from one task or thread.
public final class SealedFileWriter {
    /// The descriptor the recording is written to.
    public let fd: Int32
    /// The header fields, as stored, for callers that index recordings.
    public let sampleRate: Int, channels: Int, bitsPerSample: Int

    private let key: SymmetricKey
    private let header: [UInt8]
    private let salt: ArraySlice<UInt8>
    private var pending: [UInt8]
    private var frame: [UInt8]
    private var nextIndex: UInt64 = 0
    private var state = State.open

    private enum State {
        case open, finished
        case failed(SealingError)
    }

    /// Writes the header to `fd` and prepares to buffer audio in the given format.
    ///
    /// The plaintext buffer is preallocated for one second of audio, so steady-state
    /// appends do not allocate. Throws if the format does not fit the header or the
    /// header cannot be written.
    public init(fd: Int32, key: SealingKey, sampleRate: Int, channels: Int, bitsPerSample: Int) throws(SealingError) {
        guard sampleRate > 0, sampleRate <= Int(UInt32.max) else {
            throw .invalidAudioFormat(reason: "sample rate \(sampleRate) Hz")
        }
        guard channels > 0, channels <= Int(UInt8.max) else {
            throw .invalidAudioFormat(reason: "\(channels) channels")
        }
        guard bitsPerSample > 0, bitsPerSample <= Int(UInt8.max) else {
            throw .invalidAudioFormat(reason: "\(bitsPerSample) bits per sample")
        }
        var random = SystemRandomNumberGenerator()
        let saltValue: UInt64 = random.next()
        let saltBytes = (0..<SealedFormat.saltLength).map { UInt8(truncatingIfNeeded: saltValue >> ($0 * 8)) }
        let header = SealedHeader(keyID: key.keyIDBytes, salt: saltBytes, sampleRate: UInt32(sampleRate),
                                  channels: UInt8(channels), bitsPerSample: UInt8(bitsPerSample)).encoded
        if let code = header.withUnsafeBytes({ writeAll(fd, $0) }) {
            throw .io(target: Self.target(fd), operation: "write", errno: code)
        }

        let oneSecond = sampleRate * channels * ((bitsPerSample + 7) / 8)
        let capacity = min(max(oneSecond, 4096), SealedFormat.maxSegmentLength)
        self.fd = fd
        self.sampleRate = sampleRate
        self.channels = channels
        self.bitsPerSample = bitsPerSample
        self.key = key.symmetricKey
        self.header = header
        self.salt = saltBytes[...]
        self.pending = []
        self.pending.reserveCapacity(capacity)
        self.frame = []
        self.frame.reserveCapacity(capacity + SealedFormat.segmentPrefixLength + SealedFormat.tagLength)
    }

    /// Plaintext bytes appended since the last seal.
    public var bufferedByteCount: Int { pending.count }

    /// Buffers plaintext audio for the next segment. Copies `bytes`; never writes.
    ///
    /// The buffer grows only when more than its capacity is appended between seals.
    /// After a write failure the bytes are discarded (they could not be stored anyway).
    /// Appending after `finish()` is a programming error.
    public func append(_ bytes: UnsafeRawBufferPointer) {
        switch state {
        case .open: pending.append(contentsOf: bytes)
        case .failed: return
        case .finished: preconditionFailure("SealedFileWriter.append after finish()")
        }
    }

    /// Seals the buffered plaintext as one segment and writes it; a no-op when nothing
    /// is buffered. More than 1 MiB of buffered audio is split into several segments.
    /// - Returns: the number of bytes written to the file.
    @discardableResult
    public func seal() throws(SealingError) -> Int {
        try checkOpen()
        return try writePending(final: false)
    }

    /// Seals whatever is buffered (possibly nothing) as the final segment, marking the
    /// recording complete. No appends or seals may follow.
    /// - Returns: the number of bytes written to the file.
    @discardableResult
    public func finish() throws(SealingError) -> Int {
        try checkOpen()
        let written = try writePending(final: true)
        state = .finished
        return written
    }

    private func checkOpen() throws(SealingError) {
        switch state {
        case .open: return
        case .failed(let error): throw error
        case .finished: throw .writerFinished(fd: fd)
        }
    }

    /// Writes `pending` as segments of at most the maximum length, the last one final
    /// if asked, then empties the buffer (keeping its capacity), whether or not the
    /// writes succeeded: after a failure the writer stores nothing more.
    private func writePending(final: Bool) throws(SealingError) -> Int {
        defer { pending.removeAll(keepingCapacity: true) }
        var written = 0
        var start = 0
        repeat {
            let end = min(start + SealedFormat.maxSegmentLength, pending.count)
            written += try writeSegment(start..<end, final: final && end == pending.count)
            start = end
        } while start < pending.count
        return written
    }

    private func writeSegment(_ range: Range<Int>, final: Bool) throws(SealingError) -> Int {
        if range.isEmpty && !final { return 0 }
        guard nextIndex <= UInt64(UInt32.max) else { throw .tooManySegments(fd: fd) }
        let index = UInt32(nextIndex)
        // Consume the index before anything is written: a nonce is never used twice.
        nextIndex += 1
        let flags: UInt8 = final ? SealedFormat.finalFlag : 0

        let box: AES.GCM.SealedBox
        do {
            let nonce = try AES.GCM.Nonce(data: SealedFormat.nonce(salt: salt, index: index))
            box = try AES.GCM.seal(pending[range], using: key, nonce: nonce,
                                   authenticating: SealedFormat.authenticatedData(header: header, index: index, flags: flags))
        } catch {
            let failure = SealingError.encryptionFailed(fd: fd, reason: "\(error)")
            state = .failed(failure)
            throw failure
        }

        frame.removeAll(keepingCapacity: true)
        frame.append(contentsOf: SealedFormat.littleEndian(UInt32(range.count)))
        frame.append(flags)
        frame.append(contentsOf: box.ciphertext)
        frame.append(contentsOf: box.tag)
        // One write per segment where the kernel allows: a crash or a failed write leaves
        // at most this segment torn, which the reader treats as the end of the recording.
        if let code = frame.withUnsafeBytes({ writeAll(fd, $0) }) {
            let failure = SealingError.io(target: Self.target(fd), operation: "write", errno: code)
            state = .failed(failure)
            throw failure
        }
        return frame.count
    }

    /// How errors name the file, which the writer knows only by descriptor.
    private static func target(_ fd: Int32) -> String { "sealed recording on fd \(fd)" }
}
