import Testing
import Records

/// 2024-02-28 16:00:05.250 UTC: 2024-02-29 00:00:05 in China.
private let arrivedJustAfterMidnightInChina: Int64 = 1_709_136_005_250

private func sampleCall() -> CallDetail {
    var call = CallDetail(callID: 42, line: 3, arrived: arrivedJustAfterMidnightInChina)
    call.answered = call.arrived + 1_000
    call.connected = call.arrived + 1_000 + 12_345        // waited 12.345 s
    call.ended = call.connected! + 95_050                 // talked 95.05 s
    call.callerNumber = "+8613812345678"
    call.callerName = "张三, 先生"
    call.queue = "sales"
    call.agent = "1001"
    call.endReason = "agent-hung-up"
    call.surveyScore = 5
    call.menuPath = ["main", "sales"]
    call.data = ["order": "123", "account": "=1+2"]
    call.recording = "/var/lib/kefu/rec/42.wav"
    return call
}

private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

@Suite struct CDRExportTests {
    @Test("A file starts with the BOM, then the English header row, CRLF-ended")
    func englishHeader() {
        let bytes = CDRExport().export([CallDetail]())
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(text(Array(bytes.dropFirst(3)))
                == "Call ID,Arrived,Caller number,Caller name,Queue,Agent,Wait (s),Talk (s),End reason,Survey score,Menu path,Collected data,Recording\r\n")
    }

    @Test("The zh-CN header names every column in Chinese")
    func chineseHeader() {
        let bytes = CDRExport(headerLanguage: .chinese).export([CallDetail]())
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(text(Array(bytes.dropFirst(3)))
                == "呼叫编号,来电时间,主叫号码,主叫姓名,队列,坐席,等待(秒),通话(秒),结束原因,满意度,菜单路径,按键数据,录音文件\r\n")
        #expect(CDRColumn.allCases.count == 13)
    }

    @Test("A full row: local time past midnight at +8 h, tenths of seconds, joined menus, sorted data")
    func fullRow() {
        var out: [UInt8] = []
        CDRExport(utcOffsetSeconds: 28_800).appendRow(sampleCall(), to: &out)
        #expect(text(out) == "42,2024-02-29 00:00:05,+8613812345678,\"张三, 先生\",sales,1001,12.3,95.1,"
                + "agent-hung-up,5,main > sales,account==1+2; order=123,/var/lib/kefu/rec/42.wav\r\n")
    }

    @Test("The same call at UTC is still on 28 February")
    func utcRow() {
        var out: [UInt8] = []
        CDRExport().appendRow(sampleCall(), to: &out)
        #expect(text(out).hasPrefix("42,2024-02-28 16:00:05,"))
    }

    @Test("Unknown values are empty cells; a call that never reached an agent has no wait or talk")
    func emptyRow() {
        var out: [UInt8] = []
        CDRExport().appendRow(CallDetail(callID: 7, line: 1, arrived: 0), to: &out)
        #expect(text(out) == "7,1970-01-01 00:00:00,,,,,,,,,,,\r\n")
    }

    @Test("Seconds round to the nearest tenth, halves away from zero, negatives stay readable")
    func tenths() {
        func waitCell(_ waited: Int64) -> String {
            var call = CallDetail(callID: 1, line: 1, arrived: 10_000)
            call.connected = 10_000 + waited
            var out: [UInt8] = []
            CDRExport().appendRow(call, to: &out)
            return text(out).split(separator: ",", omittingEmptySubsequences: false)[6].description
        }
        #expect(waitCell(0) == "0.0")
        #expect(waitCell(449) == "0.4")
        #expect(waitCell(450) == "0.5")
        #expect(waitCell(59_999) == "60.0")
        #expect(waitCell(-450) == "-0.5")   // clock stepped back: a plain number, not guarded
        #expect(waitCell(-40) == "0.0")
    }

    @Test("A caller name that is a formula is written as text")
    func injectedName() {
        var call = CallDetail(callID: 9, line: 1, arrived: 0)
        call.callerName = "=cmd|' /C calc'!A0"
        call.callerNumber = "-1+1"
        var out: [UInt8] = []
        CDRExport().appendRow(call, to: &out)
        #expect(text(out) == "9,1970-01-01 00:00:00,'-1+1,'=cmd|' /C calc'!A0,,,,,,,,,\r\n")
    }

    @Test("The string export is the byte export decoded, starting with U+FEFF")
    func stringExport() {
        let export = CDRExport(headerLanguage: .chinese, utcOffsetSeconds: 28_800)
        let string = export.exportString([sampleCall()])
        #expect(string.unicodeScalars.first == "\u{FEFF}")
        #expect(Array(string.utf8) == export.export([sampleCall()]))
        #expect(string.hasSuffix(".wav\r\n"))
    }

    @Test("Streaming hands over whole rows in chunks that add up to the whole file")
    func streaming() {
        let export = CDRExport(utcOffsetSeconds: 28_800)
        let calls = (1...5).map { CallDetail(callID: Int64($0), line: 1, arrived: Int64($0) * 1000) }
        var chunks: [[UInt8]] = []
        export.stream(calls, chunkBytes: 1) { chunks.append($0) }
        #expect(chunks.count == 5)                       // the first carries BOM, header and row 1
        #expect(chunks.reduce([], +) == export.export(calls))
        #expect(chunks.allSatisfy { $0.suffix(2) == [0x0D, 0x0A] })

        var single: [[UInt8]] = []
        export.stream(calls) { single.append($0) }
        #expect(single == [export.export(calls)])
    }

    @Test("Streaming stops at the sink's first error and passes it on")
    func streamingError() {
        struct DiskFull: Error, Equatable {}
        let calls = (1...5).map { CallDetail(callID: Int64($0), line: 1, arrived: 0) }
        var written = 0
        #expect(throws: DiskFull()) {
            try CDRExport().stream(calls, chunkBytes: 1) { (_: [UInt8]) throws(DiskFull) in
                written += 1
                if written == 2 { throw DiskFull() }
            }
        }
        #expect(written == 2)
    }
}
