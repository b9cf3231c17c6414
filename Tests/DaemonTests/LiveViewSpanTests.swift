import Foundation
import Testing
import Channels
import KefuDaemon
import SimChannels

/// The live view's SPANS section: each span's number, name, channel count and
/// alarm state, from the board's spans and the alarms call control heard.
@Suite struct LiveViewSpanTests {
    @Test func liveViewShowsTheSimulatedSpansAndAnAlarmUntilItClears() throws {
        let options = SimulatedCenterTests.options(config: SimulatedCenterTests.exampleConfig, callsPerMinute: 0)
        defer { try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        let center = try SimulatedCenterTests.center(options, seconds: 1)
        func spanLines() -> [String] {
            LiveView.render(center.control, world: nil, statistics: center.media.statistics, overruns: 0, now: center.now,
                            spans: center.spans, channels: center.board.channels)
                .drop { $0 != "SPANS" }.dropFirst().prefix { $0.hasPrefix("  span ") }.map { $0 }
        }
        #expect(spanLines() == ["  span 1   SIM/1          8 channels   OK",
                                "  span 2   SIM/2          4 channels   OK"])
        let board = try #require(center.simBoard)
        board.setAlarm(SpanID(1), [.red, .yellow])
        center.runVirtual(seconds: 0.1)
        #expect(spanLines()[0].hasSuffix("8 channels   ALARM RED YELLOW"))
        #expect(spanLines()[1].hasSuffix("OK"))
        board.setAlarm(SpanID(1), [])
        center.runVirtual(seconds: 0.1)
        #expect(spanLines()[0].hasSuffix("OK"))
    }

    @Test func aSpanWithNoChannelInUseShowsTheAlarmsFoundAtStart() {
        let spans = [SpanInfo(span: SpanID(1), name: "WCTDM/0", channelCount: 4),
                     SpanInfo(span: SpanID(2), name: "TE2/0/1", channelCount: 31, alarms: .blue)]
        let channels = [ChannelInfo(number: ChannelNumber(1), span: SpanID(1), signalling: .fxoLine, name: "WCTDM/0/0")]
        let lines = LiveView.spans(spans, channels: channels, alarms: [ChannelNumber(1): .red])
        #expect(lines == ["  span 1   WCTDM/0        4 channels   ALARM RED",
                          "  span 2   TE2/0/1        31 channels  ALARM BLUE"])
    }

    @Test func spansFromChannelsNameEachSpanAfterItsChannels() {
        let board = SimBoard(lineNumbers: [1, 2], phoneNumbers: [5])
        #expect(board.spans() == [SpanInfo(span: SpanID(1), name: "SIM/1", channelCount: 2),
                                  SpanInfo(span: SpanID(2), name: "SIM/2", channelCount: 1)])
        board.setAlarm(SpanID(2), .red)
        #expect(board.spans()[1].alarms == .red)
    }
}
