import Foundation
import Testing
import DSP
import Telephony

/// Talk-off: speech must not be taken for keys. Speech is generated with
/// espeak-ng (installed by the project's set-up) in Mandarin and English at
/// several pitches and speeds, converted to 8 kHz with sox, and run through
/// the receiver; false keys are counted per hour of speech.
@Suite struct DTMFTalkOffTests {
    static let english = """
    Thank you for calling the customer service hotline. All of our agents are busy at the moment. \
    Please hold, your call is important to us. Press one for sales, two for support, or stay on the line. \
    Your order number is four five six seven. The quick brown fox jumps over the lazy dog. \
    She sells sea shells by the sea shore, and the whistle blew high and sharp. Eeeee, ooooh, aaaah. \
    We are open Monday to Friday from nine in the morning until six in the evening.
    """
    static let mandarin = """
    您好，欢迎致电客服热线。请按一号键查询账单，按二号键办理业务，按零号键转人工服务。\
    我们的座席正忙，请稍候。感谢您的耐心等待，祝您生活愉快。您的订单号码是四五六七八。\
    我们的工作时间是周一至周五上午九点到下午六点，节假日休息。请问还有什么可以帮您？
    """

    /// Runs a program; returns its exit status.
    static func run(_ path: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func speech(voice: String, text: String, pitch: Int, speed: Int, directory: URL) throws -> [Int16] {
        let raw = directory.appendingPathComponent("\(voice)-\(pitch)-\(speed).wav").path
        let narrow = directory.appendingPathComponent("\(voice)-\(pitch)-\(speed)-8k.wav").path
        #expect(try run("/usr/bin/espeak-ng", ["-v", voice, "-p", String(pitch), "-s", String(speed), "-w", raw, text]) == 0)
        #expect(try run("/usr/bin/sox", [raw, "-r", "8000", "-c", "1", "-b", "16", narrow, "gain", "-n", "-3"]) == 0)
        let audio = try WAVCodec.decode(Array(try Data(contentsOf: URL(fileURLWithPath: narrow))))
        return audio.channels[0]
    }

    /// False keys and seconds of speech over the whole speech corpus.
    static func falseKeys(settings: DTMFDetectorSettings = DTMFDetectorSettings()) throws -> (keys: [DTMFKey], seconds: Double) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kefu-talkoff-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var samples = 0
        var falseKeys: [DTMFKey] = []
        for (voice, text) in [("en-us", Self.english), ("en-gb", Self.english), ("cmn", Self.mandarin)] {
            for pitch in [20, 50, 80, 99] {
                for speed in [130, 190] {
                    let pcm = try Self.speech(voice: voice, text: text, pitch: pitch, speed: speed, directory: directory)
                    samples += pcm.count
                    falseKeys += keysBegun(detectDTMF(pcm, settings: settings))
                }
            }
        }
        return (falseKeys, Double(samples) / 8000)
    }

    @Test func speechInMandarinAndEnglishGivesFewFalseKeysPerHour() throws {
        let (falseKeys, seconds) = try Self.falseKeys()
        let hours = seconds / 3600
        let perHour = Double(falseKeys.count) / hours
        print("talk-off: \(falseKeys.count) false keys in \(Int(hours * 3600)) s of speech (\(Int(perHour)) per hour): \(falseKeys)")
        #expect(hours * 3600 > 300, "expected at least 5 minutes of speech")
        // An IVR hears a caller speak for a few minutes per call; at most a
        // handful of false keys per hour of continuous speech.
        #expect(perHour <= 12)
    }
}
