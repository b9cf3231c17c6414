import Testing
import Telephony

@Suite struct SeededRandomTests {
    @Test func sameSeedSameStream() {
        var a = SeededRandom(seed: 42), b = SeededRandom(seed: 42), c = SeededRandom(seed: 43)
        let first = (0..<8).map { _ in a.next() }
        #expect((0..<8).map { _ in b.next() } == first)
        #expect((0..<8).map { _ in c.next() } != first)
    }

    @Test func matchesSplitMix64ReferenceOutput() {
        // SplitMix64 from seed 0 (Vigna's reference implementation).
        var random = SeededRandom(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func unitValuesAreStrictlyBetweenZeroAndOne() {
        var random = SeededRandom(seed: 1)
        var sum = 0.0, outside = 0
        for _ in 0..<100_000 {
            let u = random.nextUnit()
            if !(u > 0 && u < 1) { outside += 1 }
            sum += u
        }
        #expect(outside == 0)
        #expect(abs(sum / 100_000 - 0.5) < 0.01)
    }

    @Test func exponentialDrawsHaveTheirMean() {
        var random = SeededRandom(seed: 9)
        let n = 100_000
        let mean = (0..<n).reduce(0.0) { sum, _ in sum + random.exponential(mean: 180) } / Double(n)
        #expect(abs(mean - 180) < 3)
    }

    @Test func splitStreamsDoNotRepeatTheParent() {
        var parent = SeededRandom(seed: 5)
        var child = parent.split()
        #expect((0..<4).map { _ in child.next() } != (0..<4).map { _ in parent.next() })
    }
}
