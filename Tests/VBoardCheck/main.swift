// vboard-check — runs the channel contract on real DAHDI drivers.
//
// Meant to run inside the virtual board (board/virtual/run.sh), where span 1
// is Kefu's side and span 2 the test exchange and phones. Prints one line per
// check and a closing "N passed, N failed"; exits non-zero when any check fails.
import Channels
import DAHDIChannels
import KefuTesting

#if canImport(Glibc)
import Glibc
#endif

let channels: [ChannelInfo]
do {
    channels = try DAHDIDiscovery.channels()
} catch {
    print("vboard-check: \(error)")
    exit(2)
}
print("DAHDI channels: " + channels.map { "\($0.number.rawValue)=\($0.signalling.rawValue)@\($0.span)" }.joined(separator: " "))
var passed = 0, failed = 0
for (name, check) in ChannelContract.checks {
    let harness: DAHDIContractHarness
    do { harness = try DAHDIContractHarness() } catch {
        print("FAIL \(name): cannot set up: \(error)")
        failed += 1
        continue
    }
    let broken = check(harness)
    if broken.isEmpty {
        print("PASS \(name)")
        passed += 1
    } else {
        print("FAIL \(name): " + broken.joined(separator: "; "))
        failed += 1
    }
    for c in harness.box.channels.map(\.number) where harness.box.isOpen(c) { try? harness.box.close(c) }
    for c in harness.far.channels.map(\.number) where harness.far.isOpen(c) { try? harness.far.close(c) }
}
print("vboard-check: \(passed) passed, \(failed) failed")
exit(failed == 0 ? 0 : 1)
