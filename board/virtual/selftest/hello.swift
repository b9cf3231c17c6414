// board/virtual/selftest/hello.swift — proves a host-built Swift program (with Foundation) runs on
// the virtual board through the chroot of the host root. Built by selftest.sh with swiftc.
import Foundation

let share = ProcessInfo.processInfo.environment["VBOARD_SHARE"] ?? "?"
let dahdi = FileManager.default.fileExists(atPath: "/dev/dahdi/channel")
print("swift: hello from \(ProcessInfo.processInfo.operatingSystemVersionString); /dev/dahdi/channel \(dahdi ? "present" : "MISSING"); share \(share)")
exit(dahdi ? 0 : 1)
