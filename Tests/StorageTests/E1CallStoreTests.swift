import Foundation
import Records
import Storage
import Testing

/// E1 calls keep the number the caller dialled and, on MFC/R2, their category.
@Suite struct E1CallStoreTests {
    @Test("an E1 call's called number (DNIS) and caller category are stored and read back with its calling number")
    func calledNumberAndCategoryRoundTrip() throws {
        let scratch = Scratch("e1-numbers")
        defer { scratch.remove() }
        let store = try CallStore(path: scratch.path + "/kefu.db")
        var call = CallStoreTests.sampleCall(7, caller: "13800138000")
        call.calledNumber = "4008005555"
        call.callerCategory = "national-subscriber"
        try store.write([.callFinished(call, telemetry: CallTelemetry(dtmfKeys: 0, falseDigitSuspects: 0, endedByTone: nil))])
        let back = try #require(try store.call(7))
        #expect(back.callerNumber == "13800138000" && back.calledNumber == "4008005555" && back.callerCategory == "national-subscriber")
        #expect(back == call)
    }
}
