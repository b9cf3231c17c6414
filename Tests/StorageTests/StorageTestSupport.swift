import Foundation

/// A fresh directory under /tmp for one test, removed by `remove()`.
struct Scratch {
    let path: String

    init(_ name: String) {
        path = "/tmp/kefu-storage-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The directory holding this test binary and the package's other built
/// executables (storage-crash-child).
func builtProductsDirectory() -> String {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var dir = (exe as NSString).deletingLastPathComponent
    // macOS-style bundles keep the binary deeper; walk up to the folder with the executables.
    while !FileManager.default.fileExists(atPath: dir + "/storage-crash-child") && dir.count > 1 {
        dir = (dir as NSString).deletingLastPathComponent
    }
    return dir
}
