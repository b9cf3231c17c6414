import Testing
import Config
@testable import IVR
import Telephony

/// Digit collection: min/max digits, terminator key, inter-digit timeout,
/// validation pattern, barge-in on the first key, and the stored call data.
@Suite struct IVRCollectTests {
    /// A call waiting in the order-number collection (its prompt finished).
    func inCollection() -> IVRCall {
        var call = IVRCall()
        call.start()
        call.press("3")
        call.promptEnds()
        #expect(call.engine.currentMenu == "order")
        return call
    }

    @Test func terminatorKeyEndsEntryAndStoresTheDigits() {
        var call = inCollection()
        #expect(call.press("2026031").isEmpty)
        #expect(call.engine.phase == .collecting)
        #expect(call.engine.digits == "2026031")
        #expect(call.press("#") == [.setCallData(key: "order_number", value: "2026031"), .route(.queue("support"))])
        #expect(call.engine.callData == ["order_number": "2026031"])
    }

    @Test func entryEndsByItselfAtMaxDigits() {
        var call = inCollection()
        #expect(call.press("2026031").isEmpty)
        #expect(call.press("2") == [.setCallData(key: "order_number", value: "20260312"), .route(.queue("support"))])
    }

    @Test func interDigitTimeoutEndsTheEntry() {
        var call = inCollection()
        call.press("202603")
        #expect(call.wait(2_999).isEmpty)
        call.press("1")  // each key restarts the inter-digit timer
        #expect(call.wait(2_999).isEmpty)
        #expect(call.wait(1) == [.setCallData(key: "order_number", value: "2026031"), .route(.queue("support"))])
    }

    @Test func tooFewDigitsIsAnInvalidEntry() {
        var call = inCollection()
        let actions = call.press("2026#")
        #expect(played(actions) == [["zh/invalid-order.wav", "zh/enter-order.wav"]])
        #expect(call.engine.failures == 1)
        #expect(call.engine.digits == "")
        #expect(call.engine.callData.isEmpty)
    }

    @Test func tooFewDigitsAtTheInterDigitTimeoutIsInvalid() {
        var call = inCollection()
        call.press("20")
        #expect(played(call.wait(3_000)) == [["zh/invalid-order.wav", "zh/enter-order.wav"]])
    }

    @Test func entryNotMatchingThePatternIsInvalid() {
        var call = inCollection()
        #expect(played(call.press("123456#")) == [["zh/invalid-order.wav", "zh/enter-order.wav"]])
    }

    @Test func terminatorAloneIsInvalid() {
        var call = inCollection()
        #expect(played(call.press("#")) == [["zh/invalid-order.wav", "zh/enter-order.wav"]])
    }

    @Test func firstKeyDuringThePromptBargesInAndStartsTheEntry() {
        var call = IVRCall()
        call.start()
        call.press("3")
        let first = call.press("2")
        #expect(first.count == 1 && isStop(first[0]))
        #expect(call.engine.phase == .collecting)
        #expect(call.press("0260301#") == [.setCallData(key: "order_number", value: "20260301"), .route(.queue("support"))])
    }

    @Test func retryAfterAnInvalidEntryStartsWithNoDigits() {
        var call = inCollection()
        call.press("99#")
        // During the replayed prompt the caller types the whole number again.
        #expect(call.press("20260301#").filter { !isStop($0) } == [.setCallData(key: "order_number", value: "20260301"), .route(.queue("support"))])
    }

    @Test func noKeyTimesOutThenRetriesThenRunsOnFail() {
        var call = inCollection()
        #expect(call.wait(5_999).isEmpty)
        #expect(played(call.wait(1)) == [["zh/no-input.wav", "zh/enter-order.wav"]])
        call.promptEnds()
        // retries = 1: the second timeout runs on_fail (no fail prompt set).
        #expect(call.wait(6_000) == [.route(.queue("support"))])
    }
}
