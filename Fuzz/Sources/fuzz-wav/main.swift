// One input is one WAV file, as `kefu analyze` reads it: decoded or refused
// with a reason and an offset inside the file.
import DSP
import Glibc
import LibFuzzer

func check(_ bytes: [UInt8]) {
    do {
        let audio = try WAVCodec.decode(bytes)
        precondition(audio.channels.count == 1 || audio.channels.count == 2, "decoded \(audio.channels.count) channels")
        precondition(audio.channels.allSatisfy { $0.count == audio.frameCount }, "channels differ in length")
    } catch {
        precondition(error.offset >= 0 && error.offset <= max(bytes.count, 12), "error offset \(error.offset) outside the file")
        precondition(!error.reason.isEmpty, "error without a reason")
    }
}

exit(kefu_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
})
