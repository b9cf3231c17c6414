import COpenR2

/// The pure part of MFC/R2: openr2's categories and clearing causes in
/// Kefu's terms (category names, Q.850 causes) and back, and when the
/// called number is complete.
public enum R2Codes {
    /// The calling party's category (group II signal) as Kefu names it in
    /// call records: "national-subscriber", "collect-call", ...
    public static func categoryName(_ category: openr2_calling_party_category_t) -> String {
        switch category {
        case OR2_CALLING_PARTY_CATEGORY_NATIONAL_SUBSCRIBER: return "national-subscriber"
        case OR2_CALLING_PARTY_CATEGORY_NATIONAL_PRIORITY_SUBSCRIBER: return "national-priority-subscriber"
        case OR2_CALLING_PARTY_CATEGORY_INTERNATIONAL_SUBSCRIBER: return "international-subscriber"
        case OR2_CALLING_PARTY_CATEGORY_INTERNATIONAL_PRIORITY_SUBSCRIBER: return "international-priority-subscriber"
        case OR2_CALLING_PARTY_CATEGORY_COLLECT_CALL: return "collect-call"
        case OR2_CALLING_PARTY_CATEGORY_TEST_EQUIPMENT: return "test-equipment"
        default: return "unknown"
        }
    }

    /// The Q.850 cause for how the far end ended an R2 call (its group B
    /// signal, or a clearing without one).
    public static func q850(_ cause: openr2_call_disconnect_cause_t) -> Int {
        switch cause {
        case OR2_CAUSE_BUSY_NUMBER: return 17
        case OR2_CAUSE_NETWORK_CONGESTION: return 34
        case OR2_CAUSE_UNALLOCATED_NUMBER: return 1
        case OR2_CAUSE_OUT_OF_ORDER: return 27
        case OR2_CAUSE_NO_ANSWER: return 19
        case OR2_CAUSE_NORMAL_CLEARING, OR2_CAUSE_FORCED_RELEASE: return 16
        case OR2_CAUSE_COLLECT_CALL_REJECTED: return 21
        case OR2_CAUSE_NUMBER_CHANGED: return 22
        default: return 31
        }
    }

    /// The openr2 cause for a clearing call control asks for with a Q.850
    /// cause. Refusing an offered call with normal clearing (a number no menu
    /// serves) tells the caller "unallocated number" (B-5).
    public static func r2Cause(q850 cause: Int, offered: Bool) -> openr2_call_disconnect_cause_t {
        switch cause {
        case 16: return offered ? OR2_CAUSE_UNALLOCATED_NUMBER : OR2_CAUSE_NORMAL_CLEARING
        case 17: return OR2_CAUSE_BUSY_NUMBER
        case 34: return OR2_CAUSE_NETWORK_CONGESTION
        case 1: return OR2_CAUSE_UNALLOCATED_NUMBER
        case 27: return OR2_CAUSE_OUT_OF_ORDER
        case 18, 19: return OR2_CAUSE_NO_ANSWER
        case 21: return OR2_CAUSE_COLLECT_CALL_REJECTED
        case 22: return OR2_CAUSE_NUMBER_CHANGED
        default: return OR2_CAUSE_UNSPECIFIED
        }
    }

    /// Q.850 cause texts for the causes R2 clearing comes to.
    public static func causeText(_ cause: Int) -> String {
        switch cause {
        case 1: return "unallocated number"
        case 16: return "normal call clearing"
        case 17: return "user busy"
        case 19: return "no answer"
        case 21: return "call rejected"
        case 22: return "number changed"
        case 27: return "destination out of order"
        case 31: return "normal, unspecified"
        case 34: return "no circuit available"
        case 38: return "network out of order"
        case 111: return "protocol error"
        default: return "cause \(cause)"
        }
    }

    /// Q.850 111, what a broken R2 sequence (timeout, wrong tone or bits) clears a call with.
    public static let protocolError = 111

    /// Whether to ask the caller for another DNIS digit after `digits`: not
    /// when `maxDigits` are in, nor when the digits are a hotline number
    /// that no longer hotline number starts with (the call can go on at once).
    public static func wantsMoreDNIS(_ digits: String, hotlines: [String], maxDigits: Int) -> Bool {
        if digits.count >= maxDigits { return false }
        guard hotlines.contains(digits) else { return true }
        return hotlines.contains { $0.count > digits.count && $0.hasPrefix(digits) }
    }
}
