import Testing
import DSP
import Telephony

@Test func probe() {
    for tw in [-12.0, -10.0, -8.0, -6, 4.0, 6, 8] {
        var hits = 0
        for key in DTMFKey.allCases { for lead in [100.0, 103, 107, 111] { if keysBegun(detectDTMF(framedKey(key, twist: tw, milliseconds: 40, lead: lead))) == [key] { hits += 1 } } }
        print("twist(high-low) \(tw): \(hits)/64")
    }
    for ms in [18.0, 20, 21, 22, 23, 25, 28, 30, 35, 38, 40] {
        var hits = 0
        for key in DTMFKey.allCases { for lead in stride(from: 100.0, to: 113, by: 1) { if keysBegun(detectDTMF(framedKey(key, milliseconds: ms, lead: lead))) == [key] { hits += 1 } } }
        print("dur \(ms): \(hits)/\(16*13)")
    }
    for dev in [0.015, -0.015, 0.035, -0.035] {
        var hits = 0
        for key in DTMFKey.allCases { for lead in [100.0, 103, 107, 111] { if keysBegun(detectDTMF(framedKey(key, deviation: dev, milliseconds: 40, lead: lead))) == [key] { hits += 1 } } }
        print("dev \(dev): \(hits)/64")
    }
    for lv in [3.0, 0, -26, -35] {
        var hits = 0
        for key in DTMFKey.allCases { for lead in [100.0, 103, 107, 111] { if keysBegun(detectDTMF(framedKey(key, level: lv, milliseconds: 40, lead: lead))) == [key] { hits += 1 } } }
        print("lvl \(lv): \(hits)/64")
    }
}
