import Foundation
import Testing
import DSP
import Tools

/// `kefu analyze` end to end, on files written to a temporary directory.
@Suite struct AnalyzeToolTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "kefu-analyze-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = directory + "/" + name
        try FileIO.write(bytes, to: path)
        return path
    }

    func wav(_ segments: [String], encoding: WAVEncoding = .pcm16) throws -> String {
        let pcm = try SynthTool.build(segments: segments, plan: .china)
        return try file("line-\(encoding).wav", WAVCodec.encode(WAVAudio(mono: pcm, encoding: encoding)))
    }

    @Test func printsDTMFToneAndCallerIDLinesInTheDocumentedShape() throws {
        let path = try wav(["cid:fsk-mdmf:13800138000:Li", "silence:500", "dtmf:5", "silence:300", "tone:busy:3500", "silence:800"])
        let result = AnalyzeTool.run(path: path, options: AnalyzeOptions())
        #expect(result.status == 0)
        #expect(result.error == nil)
        #expect(result.lines.count == 3)
        let cid = try #require(result.lines.first)
        #expect(cid.hasPrefix(#"{"event":"callerid","number":"13800138000","name":"Li","format":"fsk-mdmf","start_ms":"#))
        let dtmf = try #require(result.lines.dropFirst().first)
        #expect(dtmf.range(of: #"^\{"event":"dtmf","digit":"5","start_ms":\d+,"end_ms":\d+"#, options: .regularExpression) != nil)
        let busy = try #require(result.lines.last)
        #expect(busy.range(of: #"^\{"event":"tone","name":"busy","start_ms":\d+,"end_ms":\d+"#, options: .regularExpression) != nil)
        // Every line is valid JSON.
        for line in result.lines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
    }

    @Test func dtmfTimesMatchWhereTheKeysWere() throws {
        // 500 ms silence, then keys of 80 ms with 80 ms gaps: 500, 660, 820 ms.
        let path = try wav(["silence:500", "dtmf:123"])
        let lines = AnalyzeTool.run(path: path, options: AnalyzeOptions()).lines
        let starts = try lines.map { line -> Int in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require(object["start_ms"] as? Int)
        }
        #expect(starts.count == 3)
        for (start, expected) in zip(starts, [500, 660, 820]) { #expect(abs(start - expected) <= 15) }
    }

    @Test func readsMuLawAndALawFiles() throws {
        for encoding in [WAVEncoding.ulaw, .alaw] {
            let path = try wav(["silence:200", "dtmf:9#", "silence:200"], encoding: encoding)
            let lines = AnalyzeTool.run(path: path, options: AnalyzeOptions()).lines
            #expect(lines.count == 2, "\(encoding)")
            #expect(lines.first?.contains(#""digit":"9""#) == true)
        }
    }

    @Test func onlyLimitsTheDetectors() throws {
        let path = try wav(["silence:300", "dtmf:1", "silence:300", "tone:busy:3500"])
        let onlyTones = AnalyzeTool.run(path: path, options: try AnalyzeTool.options(plan: .china, only: "tone"))
        #expect(onlyTones.lines.count == 1)
        #expect(onlyTones.lines.first?.contains(#""name":"busy""#) == true)
        let onlyDTMF = AnalyzeTool.run(path: path, options: try AnalyzeTool.options(plan: .china, only: "dtmf"))
        #expect(onlyDTMF.lines.count == 1)
        #expect(throws: UsageError.self) { try AnalyzeTool.options(plan: .china, only: "dtmf,ghost") }
    }

    @Test func usPlanDoesNotReportChinaBusy() throws {
        let path = try wav(["silence:300", "tone:busy:3500"])
        let result = AnalyzeTool.run(path: path, options: try AnalyzeTool.options(plan: .us, only: "tone"))
        #expect(result.lines.isEmpty)
    }

    @Test func missingFileExitsTwoWithOneLineNamingIt() {
        let result = AnalyzeTool.run(path: directory + "/absent.wav", options: AnalyzeOptions())
        #expect(result.status == 2)
        #expect(result.lines.isEmpty)
        #expect(result.error == "kefu analyze: \(directory)/absent.wav: cannot open: No such file or directory")
    }

    @Test func malformedFilesExitTwoWithTheReason() throws {
        let cases: [(String, [UInt8], String)] = [
            ("text.wav", Array("hello world, not audio".utf8), "not a RIFF file"),
            ("short.wav", [0x52, 0x49, 0x46, 0x46], "too short"),
            ("cd.wav", WAVCodec.header(encoding: .pcm16, channels: 2, sampleRate: 44100, dataSize: 0), "8000"),
            ("cut.wav", WAVCodec.header(encoding: .pcm16, channels: 1, dataSize: 16000) + [0, 0], "truncated"),
        ]
        for (name, bytes, reason) in cases {
            let path = try file(name, bytes)
            let result = AnalyzeTool.run(path: path, options: AnalyzeOptions())
            #expect(result.status == 2, "\(name)")
            let error = try #require(result.error)
            #expect(error.hasPrefix("kefu analyze: \(path): at byte "), "\(name): \(error)")
            #expect(error.contains(reason), "\(name): \(error)")
            #expect(!error.contains("\n"))
        }
    }

    @Test func directoryIsRefusedAsNotAFile() {
        let result = AnalyzeTool.run(path: directory, options: AnalyzeOptions())
        #expect(result.status == 2)
        #expect(result.error?.hasSuffix("not a regular file") == true)
    }

    @Test func planFileIsLoadedAndItsErrorsReported() throws {
        let good = try file("in.plan", Array("plan in\nbusy 400 750/750\n".utf8))
        #expect(try AnalyzeTool.plan(named: good).name == "in")
        let bad = try file("bad.plan", Array("plan x\nbusy 400 fast\n".utf8))
        #expect(throws: UsageError.self) { try AnalyzeTool.plan(named: bad) }
        #expect(throws: UsageError.self) { try AnalyzeTool.plan(named: "mars") }
    }

    @Test func stereoRecordingsAreAnalysedPerChannel() throws {
        let left = try SynthTool.build(segments: ["silence:200", "dtmf:1", "silence:400"], plan: .china)
        let right = try SynthTool.build(segments: ["silence:400", "dtmf:2", "silence:200"], plan: .china)
        let path = try file("stereo.wav", WAVCodec.encode(WAVAudio(channels: [left, right])))
        let lines = AnalyzeTool.run(path: path, options: AnalyzeOptions()).lines
        #expect(lines.count == 2)
        #expect(lines[0].contains(#""digit":"1""#) && lines[0].contains(#""channel":0"#))
        #expect(lines[1].contains(#""digit":"2""#) && lines[1].contains(#""channel":1"#))
    }

    @Test func synthRejectsBadSegmentsWithTheSegmentNamed() {
        #expect(throws: UsageError(message: "segment 'dtmf:12X': 'X' is not a DTMF key (0-9 * # A-D)")) {
            try SynthTool.build(segments: ["dtmf:12X"], plan: .china)
        }
        #expect(throws: UsageError.self) { try SynthTool.build(segments: ["tone:howler:100"], plan: .china) }
        #expect(throws: UsageError.self) { try SynthTool.build(segments: ["silence:-5"], plan: .china) }
        #expect(throws: UsageError.self) { try SynthTool.build(segments: ["whistle"], plan: .china) }
    }

    @Test func jsonStringsAreEscaped() {
        var line = JSONLine()
        line.add("name", "a\"b\\c\nd\u{01}王")
        #expect(line.text == #"{"name":"a\"b\\c\nd\u0001王"}"#)
    }
}
