import CSpanDSP
import Telephony

/// Call-progress tone detector for one channel: spandsp's supervisory tone
/// receiver (`super_tone_rx`), programmed from a `TonePlan`.
///
/// Each cadenced tone becomes a pattern of `confirmCycles` on/off pairs with
/// ±`tolerance` on each segment; a continuous tone becomes one segment of at
/// least `continuousMilliseconds`, and longer than any cadenced burst. spandsp analyses 16 ms chunks and reports
/// when the last segments match a pattern, and again when the cadence breaks.
///
/// A plan whose tones share one frequency (China's are all 450 Hz) would give
/// spandsp a single filter, and with one filter it accepts any sound as that
/// tone. The detector therefore always adds an unused guard frequency, so
/// spandsp's tone-to-total-energy test applies and speech is not a tone.
///
/// `process` does not allocate, lock or log.
public final class ToneDetector {
    public let plan: TonePlan
    private let descriptor: UnsafeMutablePointer<super_tone_rx_descriptor_t>
    private let state: UnsafeMutablePointer<super_tone_rx_state_t>
    private let stateBytes: UnsafeMutableRawPointer
    private unowned(unsafe) var sink: DSPEventBuffer?
    private var position: Int64 = 0
    /// Start of each recent cadence segment, newest last (a fixed ring of 16).
    private var starts: (Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64,
                         Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    private var segmentCount = 1
    private var active: Int = -1
    private var lastSegmentSilent = true
    private let steps: [Int]
    private let meter = ToneMeter()

    /// spandsp's analysis chunk, in samples.
    static let chunk: Int64 = 128
    /// A new segment is recognised two chunks after it begins.
    static let segmentLatency: Int64 = 2 * chunk
    /// Frequency added so spandsp always runs at least two filters.
    static let guardFrequency: Int32 = 1900

    public init(plan: TonePlan = .china) {
        self.plan = plan
        descriptor = super_tone_rx_make_descriptor(nil)!
        var steps: [Int] = []
        // A continuous tone must outlast every cadenced tone's longest burst
        // with the same frequencies, or a ringback burst would read as dial tone.
        let longestBurst = plan.tones.compactMap { $0.onMilliseconds.map { Int(Self.window($0, plan).1) } }.max() ?? 0
        let continuousMinimum = Int32(max(plan.continuousMilliseconds, longestBurst + 100))
        for spec in plan.tones {
            let tone = super_tone_rx_add_tone(descriptor)
            let f1 = Int32(spec.frequencies[0])
            let f2 = Int32(spec.frequencies.count > 1 ? spec.frequencies[1] : 0)
            if let on = spec.onMilliseconds {
                let (onMin, onMax) = Self.window(on, plan)
                let (offMin, offMax) = Self.window(spec.offMilliseconds, plan)
                for _ in 0..<spec.confirmCycles {
                    super_tone_rx_add_element(descriptor, tone, f1, f2, onMin, onMax)
                    super_tone_rx_add_element(descriptor, tone, 0, 0, offMin, offMax)
                }
                steps.append(2 * spec.confirmCycles)
            } else {
                super_tone_rx_add_element(descriptor, tone, f1, f2, continuousMinimum, 0)
                steps.append(1)
            }
        }
        let guardTone = super_tone_rx_add_tone(descriptor)
        super_tone_rx_add_element(descriptor, guardTone, Self.guardFrequency, 0, 200_000_000, 0)
        self.steps = steps
        // The state ends in one Goertzel filter per monitored frequency.
        let size = MemoryLayout<super_tone_rx_state_t>.size
            + Int(descriptor.pointee.monitored_frequencies) * MemoryLayout<goertzel_state_t>.stride
        stateBytes = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        state = stateBytes.bindMemory(to: super_tone_rx_state_t.self, capacity: 1)
        let me = Unmanaged.passUnretained(self).toOpaque()
        super_tone_rx_init(state, descriptor, { userData, code, _, _ in
            Unmanaged<ToneDetector>.fromOpaque(userData!).takeUnretainedValue().report(code: Int(code))
        }, me)
        super_tone_rx_segment_callback(state) { userData, f1, _, duration in
            Unmanaged<ToneDetector>.fromOpaque(userData!).takeUnretainedValue().segmentEnded(bin: f1, milliseconds: duration)
        }
    }

    deinit {
        super_tone_rx_release(state)
        stateBytes.deallocate()
        super_tone_rx_free_descriptor(descriptor)
    }

    private static func window(_ ms: Int, _ plan: TonePlan) -> (Int32, Int32) {
        let slack = max(Int(Double(ms) * plan.tolerance), TonePlan.minimumSlackMilliseconds)
        return (Int32(max(ms - slack, 16)), Int32(ms + slack))
    }

    /// Time already processed.
    public var now: SampleTime { SampleTime(samples: position) }

    /// Runs the detector over a block, appending events. Does not allocate.
    ///
    /// Fed in slices ending on spandsp's 128-sample chunk boundaries, so a
    /// report belongs to the end of the current slice.
    public func process(_ samples: UnsafeBufferPointer<Int16>, into events: DSPEventBuffer) {
        guard let base = samples.baseAddress else { return }
        sink = events
        var done = 0
        while done < samples.count {
            let offset = Int(position % Self.chunk)
            let n = min(Int(Self.chunk) - offset, samples.count - done)
            meter.count(base + done, n, offset: offset)
            position += Int64(n)
            _ = super_tone_rx(state, base + done, Int32(n))
            if position % Self.chunk == 0 { meter.chunkEnded() }
            done += n
        }
        sink = nil
    }

    /// The tone currently recognised, if any.
    public var currentTone: ToneIndex? { active >= 0 ? ToneIndex(active) : nil }

    private func start(back k: Int) -> Int64 {
        // k = 0 is the segment in progress.
        let i = (segmentCount - 1 - k) & 15
        return withUnsafeBytes(of: &starts) { $0.load(fromByteOffset: i * 8, as: Int64.self) }
    }

    private func segmentEnded(bin: Int32, milliseconds: Int32) {
        lastSegmentSilent = bin < 0
        meter.segmentEnded(bin: bin, milliseconds: milliseconds)
        let begin = max(0, position - Self.segmentLatency)
        let i = segmentCount & 15
        withUnsafeMutableBytes(of: &starts) { $0.storeBytes(of: begin, toByteOffset: i * 8, as: Int64.self) }
        segmentCount += 1
    }

    private func report(code: Int) {
        if code >= 0 && code < steps.count {
            active = code
            let since = start(back: min(steps[code] - 1, 15, segmentCount - 1))
            let current = state.pointee.segments.9
            let figures = meter.figures(window: steps[code] - 1, currentBin: Int32(current.f1),
                                        currentMilliseconds: Int32(current.min_duration) * Int32(Self.chunk) / 8)
            sink?.append(.toneBegin(ToneIndex(code), at: SampleTime(samples: position), since: SampleTime(samples: since), measured: figures))
        } else if code < 0, active >= 0 {
            // The cadence broke. If the tone went quiet, it ended where the
            // silence began; otherwise where the non-conforming segment began.
            let ended = start(back: 0)
            sink?.append(.toneEnd(ToneIndex(active), at: SampleTime(samples: position), lastMatch: SampleTime(samples: ended)))
            active = -1
        }
    }

    /// Ends a tone still running when the audio stops (end of a file or call).
    public func finish(into events: DSPEventBuffer) {
        if active >= 0 {
            events.append(.toneEnd(ToneIndex(active), at: SampleTime(samples: position), lastMatch: SampleTime(samples: position)))
            active = -1
        }
    }
}
