import CALSA
import Testing

@Suite struct ALSAShimTests {
    @Test func nullPCMAcceptsOneBlockOfS16Mono8kHzPlayback() throws {
        var pcm: OpaquePointer?
        let opened = snd_pcm_open(&pcm, "null", SND_PCM_STREAM_PLAYBACK, 0)
        try #require(opened == 0, "snd_pcm_open(null): \(String(cString: snd_strerror(opened)))")
        let handle = try #require(pcm)
        defer { snd_pcm_close(handle) }

        let configured = snd_pcm_set_params(handle, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED,
                                            1, 8000, 1, 100_000)
        try #require(configured == 0, "snd_pcm_set_params: \(String(cString: snd_strerror(configured)))")

        var rate: UInt32 = 0
        var hw: OpaquePointer?
        #expect(snd_pcm_hw_params_malloc(&hw) == 0)
        defer { snd_pcm_hw_params_free(hw) }
        #expect(snd_pcm_hw_params_current(handle, hw) == 0)
        #expect(snd_pcm_hw_params_get_rate(hw, &rate, nil) == 0)
        #expect(rate == 8000)
        var channels: UInt32 = 0
        #expect(snd_pcm_hw_params_get_channels(hw, &channels) == 0)
        #expect(channels == 1)

        // One 20 ms block.
        let block = (0..<160).map { Int16(truncatingIfNeeded: $0 * 200) }
        let written = block.withUnsafeBytes { snd_pcm_writei(handle, $0.baseAddress, 160) }
        #expect(written == 160)
    }

    @Test func openingANonexistentPCMFailsWithANegativeCodeAndAMessage() {
        var pcm: OpaquePointer?
        let rc = snd_pcm_open(&pcm, "kefu_no_such_pcm_device", SND_PCM_STREAM_PLAYBACK, 0)
        if rc == 0, let pcm { snd_pcm_close(pcm) }
        #expect(rc < 0)
        #expect(pcm == nil)
        let message = String(cString: snd_strerror(rc))
        #expect(!message.isEmpty)
        #expect(!message.hasPrefix("Unknown error"), "message: \(message)")
    }
}
