import Testing
import DSP
import Telephony

/// Generates caller ID with `CallerIDGenerator` and receives it, as a line
/// would hear it between the first and second ring.
func receiveFSK(_ id: CallerID, signal: CallerIDSignal, noise: Double? = nil) throws -> CallerID {
    let generator = CallerIDGenerator(signal: signal)
    #expect(generator.send(id))
    var s = SignalSynth()
    s.silence(milliseconds: 200)
    var block = [Int16](repeating: 0, count: 160)
    for _ in 0..<200 {
        let n = block.withUnsafeMutableBufferPointer { generator.generate(into: $0) }
        s.append(Array(block[0..<n]))
        if n < 160 { break }
    }
    s.silence(milliseconds: 300)
    if let noise { s.addNoise(level: Level(dBm0: noise), seed: 4) }
    let receiver = CallerIDReceiver(signal: signal)
    let buffer = DSPEventBuffer()
    let pcm = s.pcm
    inBlocks(pcm) { receiver.process($0, into: buffer) }
    #expect(buffer.events.count == 1)
    return try receiver.decoded()
}

@Suite struct CallerIDTests {
    @Test func bell202MDMFCarriesNumberNameAndTime() throws {
        let sent = CallerID(format: .fskMDMF, number: "13800138000", name: "Zhang Wei", dateTime: "11251030")
        #expect(try receiveFSK(sent, signal: .bell202) == sent)
    }

    @Test func bell202SDMFCarriesNumberAndTime() throws {
        let sent = CallerID(format: .fskSDMF, number: "02088886666", dateTime: "01020304")
        #expect(try receiveFSK(sent, signal: .bell202) == sent)
    }

    @Test func v23MDMFCarriesAChineseName() throws {
        let sent = CallerID(format: .fskMDMF, number: "075512345678", name: "王芳", dateTime: "12312359")
        #expect(try receiveFSK(sent, signal: .v23) == sent)
    }

    @Test func fskSurvivesLineNoise() throws {
        let sent = CallerID(format: .fskMDMF, number: "13912345678", dateTime: "11251030")
        #expect(try receiveFSK(sent, signal: .bell202, noise: -40) == sent)
    }

    @Test func withheldNumberIsReportedAsWithheld() throws {
        let sent = CallerID(format: .fskMDMF, numberAbsence: .withheld, dateTime: "11251030")
        #expect(try receiveFSK(sent, signal: .bell202).numberAbsence == .withheld)
    }

    @Test func dtmfCallerIDBeforeFirstRingIsAssembledFromKeys() throws {
        let generator = CallerIDGenerator(signal: .dtmf)
        #expect(generator.send(CallerID(format: .dtmf, number: "13800138000")))
        var pcm: [Int16] = []
        var block = [Int16](repeating: 0, count: 160)
        for _ in 0..<200 {
            let n = block.withUnsafeMutableBufferPointer { generator.generate(into: $0) }
            pcm += block[0..<n]
            if n < 160 { break }
        }
        var assembler = DTMFCallerIDAssembler()
        var done = false
        for case .dtmfBegin(let key, let at) in detectDTMF(pcm + [Int16](repeating: 0, count: 800)) {
            done = assembler.add(key, at: at) || done
        }
        #expect(done)
        #expect(try assembler.take() == CallerID(format: .dtmf, number: "13800138000"))
    }

    @Test func dtmfCallerIDFormats() throws {
        #expect(try CallerIDMessage.decodeDTMF("A13800138000C").number == "13800138000")
        #expect(try CallerIDMessage.decodeDTMF("D0755123#").number == "0755123")
        #expect(try CallerIDMessage.decodeDTMF("B10C").numberAbsence == .withheld)
        #expect(throws: CallerIDError.self) { try CallerIDMessage.decodeDTMF("123C") }
        #expect(throws: CallerIDError.self) { try CallerIDMessage.decodeDTMF("DC") }
    }

    @Test func keysOutsideAMessageAreIgnored() {
        var assembler = DTMFCallerIDAssembler()
        for key: DTMFKey in [.one, .two, .c] {
            let complete = assembler.add(key, at: .zero)
            #expect(!complete)
        }
        #expect(throws: CallerIDError.self) { try assembler.take() }
    }

    @Test func corruptFSKMessagesAreRefusedWithAReason() {
        var message = CallerIDMessage.encodeFSK(CallerID(format: .fskMDMF, number: "123"))
        let sum = message.reduce(UInt8(0), &+)
        message.append(0 &- sum)
        #expect(throws: Never.self) { try CallerIDMessage.decodeFSK(message) }
        message[3] ^= 0x01
        #expect(throws: CallerIDError(reason: "checksum mismatch")) { try CallerIDMessage.decodeFSK(message) }
        #expect(throws: CallerIDError.self) { try CallerIDMessage.decodeFSK([0x80, 9, 2, 5, 0x31]) }
        #expect(throws: CallerIDError.self) { try CallerIDMessage.decodeFSK([0x06, 1, 0x42]) }
    }
}
