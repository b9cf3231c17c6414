import Channels
import DAHDIChannels
import SimChannels
import Testing
@testable import Setup

@Suite struct BoardDetectionTests {
    static func channel(_ n: Int, fxs: Bool, fxo: Bool, configured: Signalling? = nil, other: Int32 = 0) -> DAHDIScan.Channel {
        DAHDIScan.Channel(number: n, position: n, name: "X/\(n)", takesFXSSignalling: fxs, takesFXOSignalling: fxo,
                          configured: configured, otherSigtype: other)
    }

    @Test(arguments: [
        // span type, takes fxs signalling, takes fxo signalling, configured, expected
        ("FXO", true, false, nil, PortKind.line),           // an FXO module: fxsks only
        ("FXS", false, true, nil, .phone),                  // an FXS module: fxoks only
        ("ANALO", true, false, nil, .line),                 // mixed analog card, FXO module
        ("ANALO", false, false, nil, .empty),               // a position without a module
        ("", true, true, nil, .either),                     // a dynamic (loc) span: anything goes
        ("DYNAM", true, true, Signalling.fxoLine, .either), // configured, still either by capability
        ("E1", true, true, nil, .digital),                  // E1 spans list FXS/FXO bits for RBS: digital all the same
        ("T1", true, true, nil, .digital),
        ("", true, true, Signalling.e1CAS, .digital),       // a loc span configured for R2
    ] as [(String, Bool, Bool, Signalling?, PortKind)])
    func portKindComesFromSpanTypeThenSignallingCapabilities(_ type: String, _ fxs: Bool, _ fxo: Bool, _ configured: Signalling?, _ expected: PortKind) {
        #expect(BoardDetection.kind(spanType: type, channel: Self.channel(1, fxs: fxs, fxo: fxo, configured: configured)) == expected)
    }

    @Test func aDynamicPortTakesItsRoleFromItsConfiguration() {
        let board = BoardDetection.board(from: [DAHDIScan.Span(number: 1, name: "DYN/loc/1:0", description: "loc", type: "", totalChannels: 3, channels: [
            Self.channel(1, fxs: true, fxo: true, configured: .fxoLine), Self.channel(2, fxs: true, fxo: true, configured: .fxsPhone),
            Self.channel(3, fxs: true, fxo: true),
        ])])
        #expect(board.ports.map(\.knownRole) == [.line, .phone, nil])
        #expect(board.spans[0].type == "dynamic")
    }

    @Test func theSimulatedBoardShowsLinesOnSpanOneAndPhonesOnSpanTwo() {
        let board = BoardDetection.simulated(SimBoard(lineNumbers: [1, 2], phoneNumbers: [3, 4]))
        #expect(board.board == "sim")
        #expect(board.spans.map(\.number) == [1, 2])
        #expect(board.ports.map(\.channel) == [1, 2, 3, 4])
        #expect(board.ports.map(\.kind) == [.line, .line, .phone, .phone])
        #expect(board.spans.allSatisfy { $0.alarms.isEmpty })
    }

    @Test func anE1SpanIsListedAsConfiguredSeparately() {
        let board = BoardDetection.board(from: [DAHDIScan.Span(number: 2, name: "TE4/0/1", description: "T4XXP E1", type: "E1", totalChannels: 1,
                                                              channels: [Self.channel(5, fxs: true, fxo: true)])])
        let text = SetupDetect.describe(board, chinese: false).joined(separator: "\n")
        #expect(text.contains("E1 span: its system.conf lines come from kefu.toml's E1 line groups (e1-r2, e1-pri), not from questions"))
    }
}
