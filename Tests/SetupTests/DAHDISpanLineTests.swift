import Testing
import Channels
import DAHDIChannels

/// dahdi_spaninfo.lineconfig read as the config names line settings. The
/// bits are dahdi/user.h's DAHDI_CONFIG_* values.
@Suite struct DAHDISpanLineTests {
    static let d4: Int32 = 1 << 4, esf: Int32 = 1 << 5, ami: Int32 = 1 << 6, b8zs: Int32 = 1 << 7
    static let ccs: Int32 = 1 << 8, hdb3: Int32 = 1 << 9, crc4: Int32 = 1 << 10

    @Test func e1LineSettingsAreNamedAsInTheConfig() {
        #expect(DAHDISpanLine.line(Self.ccs | Self.hdb3 | Self.crc4) == SpanLine(framing: "ccs", lineCode: "hdb3", crc4: true))
        #expect(DAHDISpanLine.line(Self.hdb3) == SpanLine(framing: "cas", lineCode: "hdb3", crc4: false))
        #expect(DAHDISpanLine.line(Self.ami | Self.crc4)?.description == "cas/ami/crc4")
    }

    @Test func t1LineSettingsAreNamedToo() {
        #expect(DAHDISpanLine.line(Self.esf | Self.b8zs) == SpanLine(framing: "esf", lineCode: "b8zs", crc4: false))
        #expect(DAHDISpanLine.line(Self.d4 | Self.ami) == SpanLine(framing: "d4", lineCode: "ami", crc4: false))
    }

    @Test func aSpanWithoutLineSettingsHasNone() {
        #expect(DAHDISpanLine.line(0) == nil)
        #expect(DAHDISpanLine.line(1 << 16) == nil, "DAHDI_CONFIG_NOTOPEN alone names no framing")
    }
}
