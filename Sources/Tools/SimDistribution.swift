#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Telephony

/// A random duration in seconds, for talk times, patience and answer delays.
///
/// Written `exp:180` (exponential, mean 180 s; a bare `180` means the same),
/// `fixed:180`, `uniform:60:300`, `lognormal:180:0.6` (mean 180 s,
/// coefficient of variation 0.6), or `inf` (never: patience that does not run out).
public enum SimDistribution: Sendable, Equatable, CustomStringConvertible {
    case fixed(Double)
    case exponential(mean: Double)
    case uniform(Double, Double)
    case lognormal(mean: Double, cv: Double)
    case infinite

    public var mean: Double {
        switch self {
        case .fixed(let v): v
        case .exponential(let mean), .lognormal(let mean, _): mean
        case .uniform(let a, let b): (a + b) / 2
        case .infinite: .infinity
        }
    }

    public func sample(_ random: inout SeededRandom) -> Double {
        switch self {
        case .fixed(let v): return v
        case .exponential(let mean): return random.exponential(mean: mean)
        case .uniform(let a, let b): return a + (b - a) * random.nextUnit()
        case .lognormal(let mean, let cv):
            let sigma2 = log(1 + cv * cv)
            return exp(log(mean) - sigma2 / 2 + sigma2.squareRoot() * random.normal())
        case .infinite: return .infinity
        }
    }

    public var description: String {
        switch self {
        case .fixed(let v): "fixed:\(Self.number(v))"
        case .exponential(let mean): "exp:\(Self.number(mean))"
        case .uniform(let a, let b): "uniform:\(Self.number(a)):\(Self.number(b))"
        case .lognormal(let mean, let cv): "lognormal:\(Self.number(mean)):\(Self.number(cv))"
        case .infinite: "inf"
        }
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }

    public static func parse(_ text: String, option: String) throws(UsageError) -> SimDistribution {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        func fail() -> UsageError {
            UsageError(message: "\(option): '\(text)' is not a distribution (exp:MEAN, fixed:S, uniform:MIN:MAX, lognormal:MEAN:CV, inf, or seconds)")
        }
        func value(_ i: Int) throws(UsageError) -> Double {
            guard i < parts.count, let v = Double(parts[i]), v.isFinite, v >= 0 else { throw fail() }
            return v
        }
        switch (parts[0], parts.count) {
        case ("inf", 1), ("infinite", 1), ("never", 1): return .infinite
        case ("exp", 2): return .exponential(mean: try value(1))
        case ("fixed", 2): return .fixed(try value(1))
        case ("uniform", 3):
            let (a, b) = (try value(1), try value(2))
            guard a <= b else { throw fail() }
            return .uniform(a, b)
        case ("lognormal", 3):
            let mean = try value(1)
            guard mean > 0 else { throw fail() }
            return .lognormal(mean: mean, cv: try value(2))
        case (_, 1): return .exponential(mean: try value(0))
        default: throw fail()
        }
    }
}
