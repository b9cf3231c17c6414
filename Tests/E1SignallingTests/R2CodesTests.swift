import COpenR2
import E1Signalling
import Testing

/// MFC/R2's pure part: categories and clearing causes between openr2 and
/// Kefu's records and call control, and when the called number is complete.
@Suite struct R2CodesTests {
    @Test("the caller's category (group II) gets the record's name for it")
    func categoriesGetRecordNames() {
        #expect(R2Codes.categoryName(OR2_CALLING_PARTY_CATEGORY_NATIONAL_SUBSCRIBER) == "national-subscriber")
        #expect(R2Codes.categoryName(OR2_CALLING_PARTY_CATEGORY_NATIONAL_PRIORITY_SUBSCRIBER) == "national-priority-subscriber")
        #expect(R2Codes.categoryName(OR2_CALLING_PARTY_CATEGORY_INTERNATIONAL_SUBSCRIBER) == "international-subscriber")
        #expect(R2Codes.categoryName(OR2_CALLING_PARTY_CATEGORY_COLLECT_CALL) == "collect-call")
        #expect(R2Codes.categoryName(OR2_CALLING_PARTY_CATEGORY_TEST_EQUIPMENT) == "test-equipment")
        #expect(R2Codes.categoryName(OR2_CALLING_PARTY_CATEGORY_UNKNOWN) == "unknown")
    }

    @Test("the far end's clearing becomes the Q.850 cause callbacks judge by: busy, no answer, not reached")
    func farEndCausesMapToQ850() {
        #expect(R2Codes.q850(OR2_CAUSE_BUSY_NUMBER) == 17)
        #expect(R2Codes.q850(OR2_CAUSE_NO_ANSWER) == 19)
        #expect(R2Codes.q850(OR2_CAUSE_UNALLOCATED_NUMBER) == 1)
        #expect(R2Codes.q850(OR2_CAUSE_NETWORK_CONGESTION) == 34)
        #expect(R2Codes.q850(OR2_CAUSE_NORMAL_CLEARING) == 16)
        #expect(R2Codes.q850(OR2_CAUSE_FORCED_RELEASE) == 16)
        #expect(R2Codes.q850(OR2_CAUSE_UNSPECIFIED) == 31)
        #expect(R2Codes.causeText(17) == "user busy" && R2Codes.causeText(R2Codes.protocolError) == "protocol error")
    }

    @Test("refusing an offered call tells the caller unallocated number; clearing a call in progress is normal clearing")
    func clearingCausesMapToR2() {
        #expect(R2Codes.r2Cause(q850: 16, offered: true) == OR2_CAUSE_UNALLOCATED_NUMBER)
        #expect(R2Codes.r2Cause(q850: 16, offered: false) == OR2_CAUSE_NORMAL_CLEARING)
        #expect(R2Codes.r2Cause(q850: 17, offered: true) == OR2_CAUSE_BUSY_NUMBER)
        #expect(R2Codes.r2Cause(q850: 18, offered: false) == OR2_CAUSE_NO_ANSWER)
        #expect(R2Codes.r2Cause(q850: 102, offered: false) == OR2_CAUSE_UNSPECIFIED)
        for cause in [1, 17, 19, 21, 22, 27, 34] {
            #expect(R2Codes.q850(R2Codes.r2Cause(q850: cause, offered: false)) == cause, "cause \(cause) survives the round trip")
        }
    }

    @Test("DNIS is complete at a hotline number no longer hotline starts with, or at the most digits")
    func dnisCompletesAtAHotlineNumber() {
        let hotlines = ["4008005555", "40080055551", "95555"]
        #expect(!R2Codes.wantsMoreDNIS("95555", hotlines: hotlines, maxDigits: 12))
        #expect(R2Codes.wantsMoreDNIS("9555", hotlines: hotlines, maxDigits: 12))
        #expect(R2Codes.wantsMoreDNIS("4008005555", hotlines: hotlines, maxDigits: 12), "a longer hotline starts with it")
        #expect(!R2Codes.wantsMoreDNIS("40080055551", hotlines: hotlines, maxDigits: 12))
        #expect(!R2Codes.wantsMoreDNIS("1234", hotlines: hotlines, maxDigits: 4), "the most digits are in")
        #expect(R2Codes.wantsMoreDNIS("123", hotlines: [], maxDigits: 4))
    }
}

/// The per-timeslot sample rings between an R2 link and the media loop.
@Suite struct SampleRingTests {
    @Test("samples come out in order across the ring's end, and a full ring takes only what fits")
    func ringKeepsOrderAndRefusesOverflow() {
        let ring = SampleRing(capacity: 5)
        var out = [Int16](repeating: 0, count: 5)
        #expect([1, 2, 3].withUnsafeBufferPointer { ring.write($0) } == 3)
        #expect(out.withUnsafeMutableBufferPointer { ring.read(into: UnsafeMutableBufferPointer(rebasing: $0[0..<2])) } == 2)
        #expect([4, 5, 6, 7, 8].withUnsafeBufferPointer { ring.write($0) } == 4, "room for 4 of 5")
        #expect(out.withUnsafeMutableBufferPointer { ring.read(into: $0) } == 5)
        #expect(out == [3, 4, 5, 6, 7])
        #expect(ring.count == 0 && out.withUnsafeMutableBufferPointer { ring.read(into: $0) } == 0)
    }

    @Test("trimming keeps the newest samples: a consumer behind the E1 clock drops the oldest")
    func trimDropsTheOldest() {
        let ring = SampleRing(capacity: 8)
        _ = [1, 2, 3, 4, 5, 6].withUnsafeBufferPointer { ring.write($0) }
        ring.trim(to: 2)
        var out = [Int16](repeating: 0, count: 4)
        #expect(out.withUnsafeMutableBufferPointer { ring.read(into: $0) } == 2)
        #expect(out[0..<2] == [5, 6])
    }
}
