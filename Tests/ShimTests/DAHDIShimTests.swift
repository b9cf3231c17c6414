import CDAHDI
import Testing

// The kernel's ioctl number layout (asm-generic/ioctl.h), rebuilt in Swift so
// the codes CDAHDI exports can be checked against an encoding that does not
// go through the C preprocessor:
//   _IOC(dir, type, nr, size) = dir << 30 | size << 16 | type << 8 | nr
enum IOCDirection: UInt, Sendable {
    case write = 1      // _IOW:  user space writes, the driver reads
    case read = 2       // _IOR:  the driver fills the argument
    case readWrite = 3  // _IOWR
}

/// DAHDI_CODE in <dahdi/user.h>.
private let dahdiIOCType: UInt = 0xDA

private func ioc(_ direction: IOCDirection, _ number: UInt, size: Int) -> UInt {
    direction.rawValue << 30 | UInt(size) << 16 | dahdiIOCType << 8 | number
}

/// One exported request code and the definition it must match in <dahdi/user.h>.
struct DAHDIRequest: Sendable, CustomTestStringConvertible {
    let name: String
    let exported: UInt
    let direction: IOCDirection
    let number: UInt
    let argumentSize: Int

    init<Argument>(_ name: String, _ exported: UInt, _ direction: IOCDirection,
                               _ number: UInt, _ argument: Argument.Type) {
        self.name = name
        self.exported = exported
        self.direction = direction
        self.number = number
        // C's sizeof equals Swift's stride (size rounded up to alignment).
        self.argumentSize = MemoryLayout<Argument>.stride
    }

    var expected: UInt { ioc(direction, number, size: argumentSize) }

    var testDescription: String { name }
}

// Each row copies one #define of /usr/src/dahdi-*/include/dahdi/user.h.
private let requests: [DAHDIRequest] = [
    .init("DAHDI_GET_BLOCKSIZE", CDAHDI_GET_BLOCKSIZE, .read, 1, CInt.self),
    .init("DAHDI_SET_BLOCKSIZE", CDAHDI_SET_BLOCKSIZE, .write, 1, CInt.self),
    .init("DAHDI_FLUSH", CDAHDI_FLUSH, .write, 3, CInt.self),
    .init("DAHDI_GET_PARAMS", CDAHDI_GET_PARAMS, .readWrite, 5, dahdi_params.self),
    .init("DAHDI_SET_PARAMS", CDAHDI_SET_PARAMS, .write, 5, dahdi_params.self),
    .init("DAHDI_HOOK", CDAHDI_HOOK, .write, 7, CInt.self),
    .init("DAHDI_GETEVENT", CDAHDI_GETEVENT, .read, 8, CInt.self),
    .init("DAHDI_IOMUX", CDAHDI_IOMUX, .readWrite, 9, CInt.self),
    .init("DAHDI_SPANSTAT", CDAHDI_SPANSTAT, .readWrite, 10, dahdi_spaninfo.self),
    .init("DAHDI_GETGAINS", CDAHDI_GETGAINS, .readWrite, 16, dahdi_gains.self),
    .init("DAHDI_SETGAINS", CDAHDI_SETGAINS, .write, 16, dahdi_gains.self),
    .init("DAHDI_SPANCONFIG", CDAHDI_SPANCONFIG, .write, 18, dahdi_lineconfig.self),
    .init("DAHDI_CHANCONFIG", CDAHDI_CHANCONFIG, .write, 19, dahdi_chanconfig.self),
    .init("DAHDI_SENDTONE", CDAHDI_SENDTONE, .write, 21, CInt.self),
    .init("DAHDI_GETTONEZONE", CDAHDI_GETTONEZONE, .read, 22, CInt.self),
    .init("DAHDI_SETTONEZONE", CDAHDI_SETTONEZONE, .write, 22, CInt.self),
    .init("DAHDI_DEFAULTZONE", CDAHDI_DEFAULTZONE, .write, 24, CInt.self),
    .init("DAHDI_LOADZONE", CDAHDI_LOADZONE, .write, 25, dahdi_tone_def_header.self),
    .init("DAHDI_FREEZONE", CDAHDI_FREEZONE, .write, 26, CInt.self),
    .init("DAHDI_GET_BUFINFO", CDAHDI_GET_BUFINFO, .read, 27, dahdi_bufferinfo.self),
    .init("DAHDI_SET_BUFINFO", CDAHDI_SET_BUFINFO, .write, 27, dahdi_bufferinfo.self),
    .init("DAHDI_GET_DIALPARAMS", CDAHDI_GET_DIALPARAMS, .read, 29, dahdi_dialparams.self),
    .init("DAHDI_SET_DIALPARAMS", CDAHDI_SET_DIALPARAMS, .write, 29, dahdi_dialparams.self),
    .init("DAHDI_DIAL", CDAHDI_DIAL, .write, 31, dahdi_dialoperation.self),
    .init("DAHDI_AUDIOMODE", CDAHDI_AUDIOMODE, .write, 32, CInt.self),
    .init("DAHDI_ECHOCANCEL_PARAMS", CDAHDI_ECHOCANCEL_PARAMS, .write, 33, dahdi_echocanparams.self),
    .init("DAHDI_CHANNO", CDAHDI_CHANNO, .read, 34, CInt.self),
    .init("DAHDI_DIALING", CDAHDI_DIALING, .read, 35, CInt.self),
    .init("DAHDI_SPECIFY", CDAHDI_SPECIFY, .write, 38, CInt.self),
    .init("DAHDI_SETLAW", CDAHDI_SETLAW, .write, 39, CInt.self),
    .init("DAHDI_SETLINEAR", CDAHDI_SETLINEAR, .write, 40, CInt.self),
    .init("DAHDI_SETCADENCE", CDAHDI_SETCADENCE, .write, 42, dahdi_ring_cadence.self),
    .init("DAHDI_GETRXBITS", CDAHDI_GETRXBITS, .read, 43, CInt.self),
    .init("DAHDI_SETTXBITS", CDAHDI_SETTXBITS, .write, 43, CInt.self),
    .init("DAHDI_CHANDIAG", CDAHDI_CHANDIAG, .write, 44, CInt.self),
    .init("DAHDI_ONHOOKTRANSFER", CDAHDI_ONHOOKTRANSFER, .write, 51, CInt.self),
    .init("DAHDI_GETVERSION", CDAHDI_GETVERSION, .read, 57, dahdi_versioninfo.self),
    .init("DAHDI_DYNAMIC_CREATE", CDAHDI_DYNAMIC_CREATE, .readWrite, 80, dahdi_dynamic_span.self),
    .init("DAHDI_DYNAMIC_DESTROY", CDAHDI_DYNAMIC_DESTROY, .write, 81, dahdi_dynamic_span.self),
    .init("DAHDI_SET_HWGAIN", CDAHDI_SET_HWGAIN, .write, 86, dahdi_hwgain.self),
    .init("DAHDI_TONEDETECT", CDAHDI_TONEDETECT, .write, 91, CInt.self),
    .init("DAHDI_SETPOLARITY", CDAHDI_SETPOLARITY, .write, 92, CInt.self),
    .init("DAHDI_VMWI", CDAHDI_VMWI, .readWrite, 94, CInt.self),
    .init("DAHDI_VMWI_CONFIG", CDAHDI_VMWI_CONFIG, .write, 95, dahdi_vmwi_info.self),
    .init("DAHDI_BUFFER_EVENTS", CDAHDI_BUFFER_EVENTS, .write, 105, CInt.self),
]

/// The C string in a fixed-size char array imported as a tuple.
private func string<T>(fromCharArray tuple: T) -> String {
    withUnsafeBytes(of: tuple) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
}

@Suite struct DAHDIShimTests {
    @Test func iocEncodingInSwiftReproducesKnownKernelNumbers() {
        // Printed by a C program built against the same header:
        // _IOR(0xDA, 8, int) and _IOWR(0xDA, 5, struct dahdi_params).
        #expect(ioc(.read, 8, size: 4) == 0x8004_DA08)
        #expect(ioc(.readWrite, 5, size: 136) == 0xC088_DA05)
        #expect(MemoryLayout<dahdi_params>.stride == 136)
        #expect(DAHDI_CODE == 0xDA)
    }

    @Test(arguments: requests)
    func exportedRequestCodeMatchesTheLinuxIOCEncodingOfItsDefinition(_ request: DAHDIRequest) {
        #expect(request.exported == request.expected,
                "\(request.name): exported 0x\(String(request.exported, radix: 16)), header says 0x\(String(request.expected, radix: 16))")
    }

    @Test func everyExportedRequestCodeIsDistinct() {
        var seen: [UInt: String] = [:]
        for request in requests {
            if let other = seen[request.exported] {
                Issue.record("\(request.name) and \(other) share 0x\(String(request.exported, radix: 16))")
            }
            seen[request.exported] = request.name
        }
        #expect(seen.count == 45)
    }

    @Test func structsUsedByRequestCodesImportWithTheirKernelSizes() {
        // Sizes as sizeof() reports them for x86-64 with this header.
        #expect(MemoryLayout<dahdi_spaninfo>.stride == 314)  // __attribute__((packed))
        #expect(MemoryLayout<dahdi_dialoperation>.stride == 260)
        #expect(MemoryLayout<dahdi_tone_def_header>.stride == 112)
        #expect(MemoryLayout<dahdi_gains>.stride == 516)
        #expect(MemoryLayout<dahdi_bufferinfo>.stride == 24)
        #expect(MemoryLayout<dahdi_versioninfo>.stride == 160)
        #expect(MemoryLayout<dahdi_ring_cadence>.stride == 64)
    }

    @Test func dialBufferLengthIsExportedAndMatchesTheDialOperationString() {
        #expect(CDAHDI_MAX_DTMF_BUF == DAHDI_MAX_DTMF_BUF)
        #expect(CDAHDI_MAX_DTMF_BUF == 256)
        let operation = dahdi_dialoperation()
        #expect(MemoryLayout.size(ofValue: operation.dialstr) == Int(CDAHDI_MAX_DTMF_BUF))
    }

    @Test func plainIntegerMacrosImportWithTheirHeaderValues() {
        #expect(DAHDI_EVENT_NONE == 0)
        #expect(DAHDI_EVENT_ONHOOK == 1)
        #expect(DAHDI_EVENT_RINGOFFHOOK == 2)
        #expect(DAHDI_EVENT_WINKFLASH == 3)
        #expect(DAHDI_EVENT_ALARM == 4)
        #expect(DAHDI_EVENT_DIALCOMPLETE == 9)
        #expect(DAHDI_EVENT_DTMFDOWN == 1 << 17)
        #expect(DAHDI_EVENT_DTMFUP == 1 << 18)
        #expect(DAHDI_ONHOOK == 0)
        #expect(DAHDI_OFFHOOK == 1)
        #expect(DAHDI_FLASH == 3)
        #expect(DAHDI_LAW_MULAW == 1)
        #expect(DAHDI_LAW_ALAW == 2)
        #expect(DAHDI_TONE_DIALTONE == 0)
        #expect(DAHDI_TONE_BUSY == 1)
        #expect(DAHDI_MAX_CADENCE == 16)
        #expect(DAHDI_MAX_CHANNELS == 1024)
    }

    @Test func toneZoneFindReturnsTheChinaZoneWithItsDescriptionAndTones() throws {
        var country = Array("cn".utf8CString)
        let zone = try #require(tone_zone_find(&country))
        #expect(string(fromCharArray: zone.pointee.country) == "cn")
        #expect(string(fromCharArray: zone.pointee.description) == "China")
        #expect(zone.pointee.zone == 33)
        // Ring 1 s on, 4 s off.
        #expect(zone.pointee.ringcadence.0 == 1000)
        #expect(zone.pointee.ringcadence.1 == 4000)
        // Dial tone is a continuous 450 Hz; busy is 350 ms on, 350 ms off.
        let tones = zone.pointee.tones
        #expect(tones.0.toneid == DAHDI_TONE_DIALTONE)
        #expect(string(fromCharArray: tones.0.data) == "450")
        #expect(tones.1.toneid == DAHDI_TONE_BUSY)
        #expect(string(fromCharArray: tones.1.data) == "450/350,0/350")
        // The caller's buffer is only read.
        #expect(String(cString: country) == "cn")
    }

    @Test func toneZoneFindReturnsNilForAnUnknownCountry() {
        var country = Array("zz".utf8CString)
        #expect(tone_zone_find(&country) == nil)
    }

    @Test func toneZoneFindByNumberAgreesWithFindByCountry() throws {
        var country = Array("cn".utf8CString)
        let byName = try #require(tone_zone_find(&country))
        let byNumber = try #require(tone_zone_find_by_num(byName.pointee.zone))
        #expect(byNumber == byName)
    }
}
