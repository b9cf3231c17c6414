import CALSA

/// Plays 8 kHz 16-bit audio on the box's own sound device (a supervisor's
/// headset on the appliance) through ALSA.
public final class LocalAudio {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    private let pcm: OpaquePointer
    public let channels: Int

    /// Opens the device for playback; fails with ALSA's reason when there is none.
    public init(device: String = "default", channels: Int) throws(Failure) {
        var handle: OpaquePointer?
        calsa_quiet()
        var rc = snd_pcm_open(&handle, device, SND_PCM_STREAM_PLAYBACK, 0)
        guard rc >= 0, let handle else { throw Failure(description: "sound device '\(device)': \(String(cString: snd_strerror(rc)))") }
        rc = snd_pcm_set_params(handle, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED, UInt32(channels), 8000, 1, 200_000)
        guard rc >= 0 else {
            snd_pcm_close(handle)
            throw Failure(description: "sound device '\(device)': cannot play 8 kHz 16-bit \(channels)-channel audio: \(String(cString: snd_strerror(rc)))")
        }
        pcm = handle
        self.channels = channels
    }

    deinit { snd_pcm_close(pcm) }

    /// Plays interleaved samples to the end (recovering from underruns).
    public func play(_ samples: [Int16]) throws(Failure) {
        try write(samples)
        snd_pcm_drain(pcm)
    }

    /// Queues interleaved samples for playback (blocks while the device's
    /// buffer is full; a stream goes on with the next call).
    public func write(_ samples: [Int16]) throws(Failure) {
        var offset = 0
        let frames = samples.count / channels
        while offset < frames {
            let n = samples.withUnsafeBufferPointer { p in
                snd_pcm_writei(pcm, p.baseAddress! + offset * channels, snd_pcm_uframes_t(frames - offset))
            }
            if n < 0 {
                let rc = snd_pcm_recover(pcm, Int32(n), 1)
                if rc < 0 { throw Failure(description: "playback failed: \(String(cString: snd_strerror(rc)))") }
                continue
            }
            offset += Int(n)
        }
    }
}
