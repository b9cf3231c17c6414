// Caller ID from outside the box: the first byte chooses the path, the rest
// is an FSK message (bytes out of the ADSI receiver) or DTMF keys as the
// DTMF receiver reports them before the first ring (each key with the gap
// since the last), through the assembler to the decoder.
import DSP
import Glibc
import LibFuzzer
import Telephony

func fsk(_ bytes: [UInt8]) {
    do {
        let id = try CallerIDMessage.decodeFSK(bytes)
        precondition(id.format == .fskSDMF || id.format == .fskMDMF, "FSK decoded as \(id.format)")
    } catch {
        precondition(!error.reason.isEmpty, "FSK refused without a reason")
    }
}

func dtmf(_ bytes: [UInt8]) {
    let keys = Array(DTMFKey.allCases)
    var assembler = DTMFCallerIDAssembler()
    var now = SampleTime.zero
    var text = ""
    var i = 0
    while i + 1 < bytes.count {
        let key = keys[Int(bytes[i]) % keys.count]
        now += SampleTime(samples: Int64(bytes[i + 1]) * 80)  // 0–2.5 s since the last key
        text.append(key.rawValue)
        if assembler.add(key, at: now) {
            do { _ = try assembler.take() } catch { precondition(!error.reason.isEmpty, "DTMF caller ID refused without a reason") }
        }
        i += 2
    }
    do { _ = try CallerIDMessage.decodeDTMF(text) } catch { precondition(!error.reason.isEmpty, "refused without a reason") }
    do { _ = try CallerIDMessage.decodeDTMF(String(decoding: bytes, as: UTF8.self)) } catch { precondition(!error.reason.isEmpty) }
}

exit(kefu_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let path = bytes.first else { return 0 }
    if path & 1 == 0 { fsk(Array(bytes.dropFirst())) } else { dtmf(Array(bytes.dropFirst())) }
    return 0
})
