import Channels
import SimChannels

/// The channel contract's far ends on the simulated board.
public final class SimContractHarness: ChannelContractHarness {
    public let board: SimBoard
    public var backend: ChannelBackend { board }
    public let line = ChannelNumber(1)
    public let phone = ChannelNumber(3)
    public let maximumLatencyBlocks = 0
    public let settleBlocks = 3
    public func representable(_ sample: Int16) -> Int16 { sample }

    public init() { board = SimBoard(lines: 2, phones: 2) }

    public func ring(_ line: ChannelNumber, _ on: Bool) { board.farRing(line, on) }
    public func disconnect(_ line: ChannelNumber) { board.farDisconnect(line) }
    public func phoneHook(_ phone: ChannelNumber, offHook: Bool) { board.farPhoneHook(phone, offHook: offHook) }
    public func flash(_ phone: ChannelNumber) { board.farFlash(phone) }
    public func send(_ channel: ChannelNumber, _ block: [Int16]) { block.withUnsafeBufferPointer { board.farSend(channel, $0) } }
    public func receive(_ channel: ChannelNumber) -> [Int16] {
        var out = [Int16](repeating: 0, count: board.blockSize)
        out.withUnsafeMutableBufferPointer { board.farReceive(channel, into: $0) }
        return out
    }
    public func lineIsOffHook(_ line: ChannelNumber) -> Bool { board.lineIsOffHook(line) }
    public func phoneIsRinging(_ phone: ChannelNumber) -> Bool { board.phoneIsRinging(phone) }
    public func step() { board.beginTick(); board.endTick() }
}
